// A .docx is a zip of XML parts. Before the .docx reader (mammoth: JSZip, then
// xmldom) sees one, this guard reads the zip's central directory itself and
// measures what unzipping and parsing would cost, so that a 500 KB file that
// unzips to 170 MB is refused in milliseconds instead of exhausting the heap.
//
//  Z1. The archive has the plain layout Word writes: one end record at the very
//      end (no ZIP64, no spanning, no prepended data), the central directory
//      right before it, entries that are stored or deflated and not encrypted,
//      names without "\", "." or ".." segments or a leading "/", no name twice, and
//      entries whose data do not overlap. JSZip then sees exactly the entries
//      read here. Anything else is a damaged file (invalid_docx).
//  Z2. IMPORT_LIMITS, on the sizes the directory declares: the number of
//      entries, their total unzipped size, and each large entry's compression
//      ratio (docx_too_large).
//  Z3. The parts the reader parses as XML are every *.xml and *.rels part, and
//      every part that a .rels names as an office document, styles, numbering,
//      footnotes, endnotes or comments (whatever its name). Their declared sizes
//      must stay within docxXmlBytes; each is then unzipped as a stream, never
//      held whole, and must unzip to exactly its declared size (a lying
//      directory is a damaged file). Their text goes through the XML scanner
//      (./xml-scan: nodes, depth, text, no DTD).
// Other parts (images) are never unzipped by the importer, so they are not here either.
import { formatCount, formatSize, IMPORT_LIMITS } from '../limits';
import { ImportError, textTooLarge } from './errors';
import { XmlScanner, type XmlScanRefusal } from './xml-scan';

export type ZipEntry = {
  name: string;
  method: 0 | 8;
  compressedSize: number;
  uncompressedSize: number;
  /** Where the local header starts, and where the entry's data starts after it. */
  headerOffset: number;
  dataOffset: number;
};

const END_OF_DIRECTORY = 0x06054b50;
const ZIP64_LOCATOR = 0x07064b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const UNICODE_PATH_FIELD = 0x7075;
const MAX_COMMENT = 0xffff;

/** Relationship types whose target the .docx reader parses as XML. */
const XML_PART_TYPES = new Set(['officeDocument', 'styles', 'numbering', 'footnotes', 'endnotes', 'comments']);

const names = new TextDecoder('utf-8');

function damaged(detail: string): ImportError {
  return new ImportError('invalid_docx', 'Tệp .docx bị hỏng hoặc không phải tài liệu Word', { cause: new Error(detail) });
}

function tooLarge(message: string): ImportError {
  return new ImportError('docx_too_large', message);
}

/** The entries of a zip as its central directory lists them (rule Z1); throws ImportError. */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.byteLength ? view.getUint16(at, true) : -1);
  const u32 = (at: number) => (at + 4 <= bytes.byteLength ? view.getUint32(at, true) : -1);

  // The last end record, as JSZip takes it; it must end the file exactly.
  let end = -1;
  for (let at = bytes.byteLength - 22; at >= Math.max(0, bytes.byteLength - 22 - MAX_COMMENT); at--) {
    if (u32(at) === END_OF_DIRECTORY) {
      end = at;
      break;
    }
  }
  if (end === -1) throw damaged('no end of central directory record');
  if (end + 22 + u16(end + 20) !== bytes.byteLength) throw damaged('data after the end record');
  if (end >= 20 && u32(end - 20) === ZIP64_LOCATOR) throw damaged('ZIP64');
  const [disk, directoryDisk, entriesHere, entryCount] = [u16(end + 4), u16(end + 6), u16(end + 8), u16(end + 10)];
  const [directorySize, directoryOffset] = [u32(end + 12), u32(end + 16)];
  if (disk !== 0 || directoryDisk !== 0 || entriesHere !== entryCount) throw damaged('a spanned archive');
  if (entryCount === 0xffff || directorySize === 0xffffffff || directoryOffset === 0xffffffff) throw damaged('ZIP64');
  if (directoryOffset + directorySize !== end) throw damaged('the central directory is not where the end record says');
  if (entryCount > IMPORT_LIMITS.docxEntries) {
    throw tooLarge(`Tệp .docx có quá nhiều phần: ${formatCount(entryCount)} (tối đa ${formatCount(IMPORT_LIMITS.docxEntries)})`);
  }

  const entries: ZipEntry[] = [];
  const seen = new Set<string>();
  let at = directoryOffset;
  while (at < end) {
    if (u32(at) !== DIRECTORY_ENTRY || at + 46 > end) throw damaged('a broken central directory entry');
    const [flags, method] = [u16(at + 8), u16(at + 10)];
    const [compressedSize, uncompressedSize] = [u32(at + 20), u32(at + 24)];
    const [nameLength, extraLength, commentLength] = [u16(at + 28), u16(at + 30), u16(at + 32)];
    const headerOffset = u32(at + 42);
    const next = at + 46 + nameLength + extraLength + commentLength;
    if (next > end) throw damaged('a central directory entry runs past the directory');
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if ((flags & 1) !== 0) throw damaged(`${name} is encrypted`);
    if (method !== 0 && method !== 8) throw damaged(`${name} uses compression method ${method}`);
    if (compressedSize === 0xffffffff || uncompressedSize === 0xffffffff || headerOffset === 0xffffffff) throw damaged('ZIP64');
    if (hasExtraField(bytes.subarray(at + 46 + nameLength, at + 46 + nameLength + extraLength), UNICODE_PATH_FIELD)) {
      throw damaged(`${name} carries a second name`);
    }
    if (!isPlainName(name)) throw damaged(`unusual entry name ${JSON.stringify(name)}`);
    if (seen.has(name)) throw damaged(`${name} is in the archive twice`);
    seen.add(name);
    if (u32(headerOffset) !== LOCAL_HEADER) throw damaged(`no local header for ${name}`);
    const dataOffset = headerOffset + 30 + u16(headerOffset + 26) + u16(headerOffset + 28);
    if (dataOffset + compressedSize > directoryOffset) throw damaged(`${name} runs into the central directory`);
    if (method === 0 && compressedSize !== uncompressedSize) throw damaged(`stored ${name} has two sizes`);
    entries.push({ name, method, compressedSize, uncompressedSize, headerOffset, dataOffset });
    at = next;
  }
  if (at !== end || entries.length !== entryCount) throw damaged('the central directory does not match the end record');

  // Entries sharing data is how the smallest zip bombs are made; Word never does it.
  const byOffset = [...entries].sort((a, b) => a.headerOffset - b.headerOffset);
  for (let i = 1; i < byOffset.length; i++) {
    const previous = byOffset[i - 1] as ZipEntry;
    if ((byOffset[i] as ZipEntry).headerOffset < previous.dataOffset + previous.compressedSize) {
      throw damaged(`${previous.name} overlaps the next entry`);
    }
  }
  return entries;
}

function hasExtraField(extra: Uint8Array, id: number): boolean {
  const view = new DataView(extra.buffer, extra.byteOffset, extra.byteLength);
  for (let at = 0; at + 4 <= extra.byteLength; at += 4 + view.getUint16(at + 2, true)) {
    if (view.getUint16(at, true) === id) return true;
  }
  return false;
}

/** A name JSZip keeps as it is (its path resolution would rewrite the others). */
function isPlainName(name: string): boolean {
  if (name === '' || name.includes('\\') || name.includes('\u0000') || name.startsWith('/')) return false;
  const segments = name.split('/');
  return segments.every((segment, i) => segment !== '.' && segment !== '..' && (segment !== '' || i === segments.length - 1));
}

/** Rule Z2 over the directory's declared sizes. */
export function checkZipLimits(entries: readonly ZipEntry[]): void {
  let total = 0;
  for (const entry of entries) {
    total += entry.uncompressedSize;
    const ratio = entry.uncompressedSize / Math.max(1, entry.compressedSize);
    if (entry.uncompressedSize > IMPORT_LIMITS.docxRatioFloorBytes && ratio > IMPORT_LIMITS.docxCompressionRatio) {
      throw tooLarge(
        `Tệp .docx bị nén bất thường: phần “${entry.name}” giải nén ra gấp ${formatCount(Math.round(ratio))} lần ` +
          `(tối đa ${formatCount(IMPORT_LIMITS.docxCompressionRatio)} lần); đây có thể là một “bom nén”`,
      );
    }
  }
  if (total > IMPORT_LIMITS.docxUncompressedBytes) {
    throw tooLarge(`Tệp .docx giải nén ra quá lớn: ${formatSize(total)} (tối đa ${formatSize(IMPORT_LIMITS.docxUncompressedBytes)})`);
  }
}

/** Streams an entry's unzipped bytes to `onChunk` (false stops), checking that it unzips to its declared size. */
export async function unzipEntry(bytes: Uint8Array, entry: ZipEntry, onChunk: (chunk: Uint8Array) => boolean): Promise<void> {
  const data = bytes.subarray(entry.dataOffset, entry.dataOffset + entry.compressedSize);
  if (entry.method === 0) {
    for (let at = 0; at < data.byteLength; at += 1024 * 1024) if (!onChunk(data.subarray(at, at + 1024 * 1024))) return;
    return;
  }
  const reader = new Blob([data as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('deflate-raw')).getReader();
  let total = 0;
  let stopped = false;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > entry.uncompressedSize) throw damaged(`${entry.name} unzips to more than its declared size`);
      if (!onChunk(value)) {
        stopped = true;
        break;
      }
    }
  } catch (error) {
    await reader.cancel().catch(() => undefined);
    throw error instanceof ImportError ? error : damaged(`${entry.name} does not unzip: ${String(error)}`);
  }
  if (stopped) await reader.cancel().catch(() => undefined);
  else if (total !== entry.uncompressedSize) throw damaged(`${entry.name} unzips to less than its declared size`);
}

function parentOfRels(relsName: string): string {
  const parts = relsName.split('/');
  parts.pop();
  if (parts.at(-1) === '_rels') parts.pop();
  return parts.join('/');
}

/** A relationship's target as the .docx reader resolves it (mammoth's joinPath, leading "/" stripped). */
function resolveTarget(base: string, target: string): string {
  const joined = target.startsWith('/') ? target : [base, target].filter((part) => part !== '').join('/');
  return joined.replace(/^\//u, '');
}

function scanRefusal(reason: XmlScanRefusal, part: string): ImportError {
  switch (reason) {
    case 'nodes':
      return tooLarge(
        `Tệp .docx quá phức tạp để đọc: hơn ${formatCount(IMPORT_LIMITS.docxXmlNodes)} nút XML ` +
          '(một bài dài viết bằng Word có khoảng 15.000)',
      );
    case 'depth':
      return tooLarge(`Tệp .docx lồng nhau quá sâu: hơn ${formatCount(IMPORT_LIMITS.docxXmlDepth)} cấp thẻ trong phần “${part}”`);
    case 'text':
      return textTooLarge();
    case 'declaration':
      return new ImportError(
        'docx_unsafe',
        `Tệp .docx có khai báo DTD (DOCTYPE hoặc ENTITY) trong phần “${part}”: Word không bao giờ viết khai báo này, nên tệp bị từ chối`,
      );
  }
}

/** Rules Z1–Z3: resolves when the .docx reader may be given these bytes, throws ImportError otherwise. */
export async function guardDocx(bytes: Uint8Array): Promise<void> {
  const entries = readZipDirectory(bytes);
  checkZipLimits(entries);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const scanner = new XmlScanner({
    maxNodes: IMPORT_LIMITS.docxXmlNodes,
    maxDepth: IMPORT_LIMITS.docxXmlDepth,
    maxTextChars: IMPORT_LIMITS.textChars,
  });
  const scanned = new Set<string>();
  const pending = entries.filter((entry) => /\.(xml|rels)$/iu.test(entry.name));
  let xmlBytes = 0;

  const scan = async (entry: ZipEntry): Promise<void> => {
    scanned.add(entry.name);
    xmlBytes += entry.uncompressedSize;
    if (xmlBytes > IMPORT_LIMITS.docxXmlBytes) {
      throw tooLarge(`Phần XML của tệp .docx giải nén ra quá lớn: hơn ${formatSize(IMPORT_LIMITS.docxXmlBytes)}`);
    }
    const isRels = /\.rels$/iu.test(entry.name);
    const firstRelationship = scanner.relationships.length;
    scanner.beginPart({ collectRelationships: isRels });
    const decoder = new TextDecoder('utf-8');
    await unzipEntry(bytes, entry, (chunk) => scanner.feed(decoder.decode(chunk, { stream: true })));
    if (scanner.refused === null) scanner.feed(decoder.decode());
    if (scanner.refused !== null) throw scanRefusal(scanner.refused, entry.name);
    if (!isRels) return;
    for (const relationship of scanner.relationships.slice(firstRelationship)) {
      const type = relationship.type.split('/').pop() ?? '';
      if (relationship.external || !XML_PART_TYPES.has(type)) continue;
      const target = byName.get(resolveTarget(parentOfRels(entry.name), relationship.target));
      if (target !== undefined && !scanned.has(target.name)) pending.push(target);
    }
  };

  while (pending.length > 0) {
    const entry = pending.shift() as ZipEntry;
    if (!scanned.has(entry.name)) await scan(entry);
  }
}
