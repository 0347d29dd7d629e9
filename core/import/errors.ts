// Import failures are values the desk can show as they are: each has a stable
// code for programs (the CLI maps any of them to exit code 2) and a Vietnamese
// message for people. Nothing is written before an import has fully succeeded,
// so an ImportError always means "nothing changed".
import { formatCount, IMPORT_LIMITS } from '../limits';

export const IMPORT_ERROR_CODES = [
  'empty',
  'too_large',
  'binary',
  'undecodable',
  'one_line',
  'unsupported_format',
  'invalid_docx',
  /** A .docx over the unzip limits (size, parts, compression ratio, XML nodes or depth): a zip bomb or close to one. */
  'docx_too_large',
  /** A .docx whose XML declares a DTD (DOCTYPE, ENTITY): never written by Word, and how XML bombs expand. */
  'docx_unsafe',
  /** An article that imports but breaks the story limits (core/limits), so no desk could store it. */
  'story_too_large',
] as const;
export type ImportErrorCode = (typeof IMPORT_ERROR_CODES)[number];

/** Largest file the importer reads: 20 MB, checked on the raw bytes before any decoding. */
export const MAX_IMPORT_BYTES = IMPORT_LIMITS.fileBytes;

export class ImportError extends Error {
  override readonly name = 'ImportError';
  readonly code: ImportErrorCode;

  constructor(code: ImportErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.code = code;
  }
}

export function isImportError(value: unknown): value is ImportError {
  return value instanceof ImportError;
}

export function checkImportSize(byteLength: number): void {
  if (byteLength > MAX_IMPORT_BYTES) {
    const megabytes = (byteLength / (1024 * 1024)).toFixed(1).replace('.', ',');
    throw new ImportError('too_large', `Tệp quá lớn (${megabytes} MB): giới hạn là 20 MB`);
  }
}

/** The 20 MB limit again, on the text a file decodes to (a .txt decoded, the text read out of a .docx). */
export function textTooLarge(): ImportError {
  return new ImportError(
    'too_large',
    `Văn bản trong tệp quá dài: hơn ${formatCount(IMPORT_LIMITS.textChars)} ký tự (giới hạn là 20 MB)`,
  );
}

export function checkImportText(chars: number): void {
  if (chars > IMPORT_LIMITS.textChars) throw textTooLarge();
}
