// Which dropped or chosen files can be imported, and their bytes as base64
// (both transports carry plain JSON).
export type ImportKind = 'txt' | 'docx';

/** Large enough for a .docx full of photos, small enough to stay a JSON message. */
export const MAX_IMPORT_BYTES = 40 * 1024 * 1024;

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

export function importKind(fileName: string): ImportKind | null {
  const lower = fileName.toLowerCase();
  if (lower.endsWith('.txt')) return 'txt';
  if (lower.endsWith('.docx')) return 'docx';
  return null;
}

/** The first importable file, if any. */
export function pickImportable<F extends { name: string }>(files: Iterable<F>): F | null {
  for (const file of files) if (importKind(file.name) !== null) return file;
  return null;
}

/**
 * While dragging, browsers reveal only MIME types, not names. Text and Word
 * files (or files the OS gave no type) may be imports; images are left to the editor.
 */
export function mayBeImportable(items: Iterable<{ kind: string; type: string }>): boolean {
  for (const item of items) {
    if (item.kind === 'file' && (item.type === '' || item.type === 'text/plain' || item.type === DOCX_MIME)) return true;
  }
  return false;
}

const CHUNK = 0x8000;

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let start = 0; start < bytes.length; start += CHUNK) {
    binary += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return btoa(binary);
}

export type ImportFileProblem = 'type' | 'empty' | 'size' | 'read';

/** Why a file cannot be imported; the UI words it (i18n key `import.problem.<problem>`). */
export class ImportFileError extends Error {
  override name = 'ImportFileError';
  readonly problem: ImportFileProblem;
  readonly fileName: string;

  constructor(problem: ImportFileProblem, fileName: string) {
    super(`${problem}: ${fileName}`);
    this.problem = problem;
    this.fileName = fileName;
  }
}

/** Reads a file for `import.preview`. */
export async function readImportFile(file: File): Promise<{ fileName: string; bytes: string }> {
  if (importKind(file.name) === null) throw new ImportFileError('type', file.name);
  if (file.size === 0) throw new ImportFileError('empty', file.name);
  if (file.size > MAX_IMPORT_BYTES) throw new ImportFileError('size', file.name);
  let buffer: ArrayBuffer;
  try {
    buffer = await file.arrayBuffer();
  } catch {
    throw new ImportFileError('read', file.name);
  }
  return { fileName: file.name, bytes: bytesToBase64(new Uint8Array(buffer)) };
}
