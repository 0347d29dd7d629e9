// Turning a file's bytes into text. Reporters bring files from old Windows
// machines, web copies and Word exports, so the decoder accepts UTF-8, UTF-16
// with a BOM and Windows-1258, and refuses everything else with a reason.
//
// Rules, applied in this order:
//  D1. More than 20 MB is too large; this is checked on the raw bytes, before decoding.
//  D2. Zero bytes is an empty file.
//  D3. A file that starts with a known binary signature (PNG, JPEG, GIF, WebP,
//      PDF, ZIP/.docx, gzip, old .doc, ELF) is binary, and the message names it.
//  D4. A BOM decides the encoding: EF BB BF is UTF-8, FF FE is UTF-16 LE,
//      FE FF is UTF-16 BE. The rest is decoded strictly; a bad sequence makes
//      the file undecodable, since the BOM promised otherwise.
//  D5. Without a BOM, a NUL byte means binary. One exception gets its own
//      message: NULs making up at least a quarter of the bytes, all at even or
//      all at odd offsets, is UTF-16 that lost its BOM.
//  D6. Without a BOM, the bytes are tried as strict UTF-8 first.
//  D7. If strict UTF-8 fails but there are at least as many well-formed
//      multi-byte UTF-8 sequences as malformed ones, the file is damaged UTF-8
//      (not Windows-1258 with a few odd letters): undecodable, with the offset
//      of the first bad byte.
//  D8. Otherwise the bytes are Windows-1258 only when they look like Vietnamese:
//      (a) no byte that Windows-1258 leaves undefined (81 8A 8D 8E 8F 90 9A 9D 9E);
//      (b) at least one letter only Vietnamese uses in this code page (Ă ă Đ đ
//          Ơ ơ Ư ư) or a combining tone-mark byte;
//      (c) every tone-mark byte follows a letter, as a tone sits on a vowel;
//      (d) at least 90% of the non-ASCII characters are letters, marks or
//          typographic punctuation (quotes, dashes, ellipsis, bullet, no-break space).
//      Anything else is undecodable: "not UTF-8, UTF-16 or Windows-1258".
//  D9. Decoded text in which more than 1% of the characters are control
//      characters (C0 other than tab, LF, CR and form feed; DEL; C1) is binary.
//  D10. The text is normalized (normalizeText: NFC, which joins Windows-1258's
//      separate tone marks to their vowels; CRLF and CR become LF).
//  D11. Text that is only whitespace after that is an empty file.
//  D12. Text longer than 20 M characters (the same 20 MB, on the decoded text) is too large.
import { normalizeText } from '../text';
import { checkImportSize, checkImportText, ImportError } from './errors';

export type TextEncodingName = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1258';
export type DecodedText = { text: string; encoding: TextEncodingName };

const BINARY_SIGNATURES: ReadonlyArray<{ kind: string; bytes: readonly number[] }> = [
  { kind: 'ảnh PNG', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { kind: 'ảnh JPEG', bytes: [0xff, 0xd8, 0xff] },
  { kind: 'ảnh GIF', bytes: [0x47, 0x49, 0x46, 0x38] },
  { kind: 'tệp PDF', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
  { kind: 'tệp nén ZIP (hoặc .docx)', bytes: [0x50, 0x4b, 0x03, 0x04] },
  { kind: 'tệp nén gzip', bytes: [0x1f, 0x8b] },
  { kind: 'tài liệu Word cũ (.doc)', bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1] },
  { kind: 'chương trình (ELF)', bytes: [0x7f, 0x45, 0x4c, 0x46] },
];
const WEBP = { riff: [0x52, 0x49, 0x46, 0x46], webp: [0x57, 0x45, 0x42, 0x50] };

const UNDEFINED_IN_WINDOWS_1258 = new Set([0x81, 0x8a, 0x8d, 0x8e, 0x8f, 0x90, 0x9a, 0x9d, 0x9e]);
// Ă ă Đ đ Ơ ơ Ư ư, then the five combining tone marks (grave, hook, tilde, acute, dot below).
const VIETNAMESE_ONLY_BYTES = new Set([0xc3, 0xe3, 0xd0, 0xf0, 0xd5, 0xf5, 0xdd, 0xfd, 0xcc, 0xd2, 0xde, 0xec, 0xf2]);
const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/u;
const EXPECTED_NON_ASCII = /[\p{L}\p{M}\u00A0\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u2022\u00AB\u00BB\u00B0\u00B7]/u;
const MIN_EXPECTED_SHARE = 0.9;
// eslint-disable-next-line no-control-regex
const CONTROL_CHARS = /[\u0000-\u0008\u000B\u000E-\u001F\u007F-\u009F]/gu;
const MAX_CONTROL_SHARE = 0.01;

const NOT_A_SUPPORTED_ENCODING = 'Tệp không phải UTF-8, UTF-16 hay Windows-1258';

/** Decodes a text file's bytes (rules D1–D11 above); throws ImportError when it cannot. */
export function decodeText(bytes: Uint8Array): DecodedText {
  checkImportSize(bytes.byteLength);
  if (bytes.byteLength === 0) throw emptyFile();
  const signature = binarySignature(bytes);
  if (signature) throw new ImportError('binary', `Tệp không phải văn bản: đây là ${signature}`);

  const decoded = decodeByBom(bytes) ?? decodeWithoutBom(bytes);
  const controls = decoded.text.match(CONTROL_CHARS)?.length ?? 0;
  if (controls > decoded.text.length * MAX_CONTROL_SHARE) {
    throw new ImportError('binary', 'Tệp không phải văn bản: có quá nhiều ký tự điều khiển');
  }
  const text = normalizeText(decoded.text);
  if (text.trim() === '') throw emptyFile();
  checkImportText(text.length);
  return { text, encoding: decoded.encoding };
}

function emptyFile(): ImportError {
  return new ImportError('empty', 'Tệp rỗng: không có nội dung để nhập');
}

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  return bytes.byteLength >= at + prefix.length && prefix.every((b, i) => bytes[at + i] === b);
}

function binarySignature(bytes: Uint8Array): string | null {
  for (const { kind, bytes: prefix } of BINARY_SIGNATURES) {
    if (startsWith(bytes, prefix)) return kind;
  }
  if (startsWith(bytes, WEBP.riff) && startsWith(bytes, WEBP.webp, 8)) return 'ảnh WebP';
  return null;
}

function strictDecode(encoding: TextEncodingName, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

function decodeByBom(bytes: Uint8Array): DecodedText | null {
  const boms: ReadonlyArray<[TextEncodingName, number[]]> = [
    ['utf-8', [0xef, 0xbb, 0xbf]],
    ['utf-16le', [0xff, 0xfe]],
    ['utf-16be', [0xfe, 0xff]],
  ];
  for (const [encoding, bom] of boms) {
    if (!startsWith(bytes, bom)) continue;
    const text = strictDecode(encoding, bytes.subarray(bom.length));
    if (text === null) {
      throw new ImportError('undecodable', `${NOT_A_SUPPORTED_ENCODING}: tệp mở đầu bằng dấu ${encoding.toUpperCase()} nhưng có byte sai mã`);
    }
    return { text, encoding };
  }
  return null;
}

function decodeWithoutBom(bytes: Uint8Array): DecodedText {
  checkNulBytes(bytes);
  const utf8 = strictDecode('utf-8', bytes);
  if (utf8 !== null) return { text: utf8, encoding: 'utf-8' };

  const scan = scanUtf8(bytes);
  if (scan.wellFormed >= scan.malformed) {
    throw new ImportError(
      'undecodable',
      `${NOT_A_SUPPORTED_ENCODING}: tệp UTF-8 bị hỏng, byte sai đầu tiên ở vị trí ${scan.firstMalformedAt}`,
    );
  }
  const windows1258 = looksLikeWindows1258(bytes);
  if (windows1258 !== null) return { text: windows1258, encoding: 'windows-1258' };
  throw new ImportError('undecodable', NOT_A_SUPPORTED_ENCODING);
}

function checkNulBytes(bytes: Uint8Array): void {
  let nuls = 0;
  let evenNuls = 0;
  for (let i = 0; i < bytes.byteLength; i++) {
    if (bytes[i] !== 0) continue;
    nuls++;
    if (i % 2 === 0) evenNuls++;
  }
  if (nuls === 0) return;
  const oneSided = evenNuls === 0 || evenNuls === nuls;
  if (oneSided && nuls * 4 >= bytes.byteLength) {
    throw new ImportError(
      'undecodable',
      `${NOT_A_SUPPORTED_ENCODING}: tệp có vẻ là UTF-16 nhưng thiếu dấu BOM; hãy lưu lại dưới dạng UTF-8`,
    );
  }
  throw new ImportError('binary', 'Tệp không phải văn bản: có byte NUL');
}

type Utf8Scan = { wellFormed: number; malformed: number; firstMalformedAt: number };

/** Counts multi-byte sequences by shape only (lead byte + continuation bytes), which is all rule D7 needs. */
function scanUtf8(bytes: Uint8Array): Utf8Scan {
  const scan: Utf8Scan = { wellFormed: 0, malformed: 0, firstMalformedAt: -1 };
  let i = 0;
  while (i < bytes.byteLength) {
    const lead = bytes[i] ?? 0;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const length = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
    let ok = length > 0 && i + length <= bytes.byteLength;
    for (let k = 1; ok && k < length; k++) {
      const next = bytes[i + k] ?? 0;
      ok = next >= 0x80 && next <= 0xbf;
    }
    if (ok) {
      scan.wellFormed++;
      i += length;
    } else {
      if (scan.malformed === 0) scan.firstMalformedAt = i;
      scan.malformed++;
      i++;
    }
  }
  return scan;
}

/** The decoded text when rule D8 holds, else null. */
function looksLikeWindows1258(bytes: Uint8Array): string | null {
  let vietnameseOnly = false;
  for (const b of bytes) {
    if (UNDEFINED_IN_WINDOWS_1258.has(b)) return null;
    if (VIETNAMESE_ONLY_BYTES.has(b)) vietnameseOnly = true;
  }
  if (!vietnameseOnly) return null;

  const text = new TextDecoder('windows-1258').decode(bytes);
  let nonAscii = 0;
  let expected = 0;
  let previous = '';
  for (const char of text) {
    if (TONE_MARKS.test(char) && !/\p{L}/u.test(previous)) return null;
    if (char.charCodeAt(0) >= 0x80) {
      nonAscii++;
      if (EXPECTED_NON_ASCII.test(char)) expected++;
    }
    previous = char;
  }
  return expected >= nonAscii * MIN_EXPECTED_SHARE ? text : null;
}
