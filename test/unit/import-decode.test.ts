import { describe, expect, it } from 'vitest';
import { decodeText, ImportError, MAX_IMPORT_BYTES, type ImportErrorCode } from '../../core/import';
import {
  concat,
  pseudoRandomBytes,
  SAMPLES,
  sampleText,
  tinyPng,
  utf16,
  utf8,
  windows1258,
} from '../fixtures/import-samples';

const sapoOfLdld = 'Bên cạnh việc thực hiện tốt chức năng đại diện chăm lo, bảo vệ quyền và lợi ích hợp pháp';

function failure(run: () => unknown): ImportError {
  try {
    run();
  } catch (error) {
    if (error instanceof ImportError) return error;
    throw error;
  }
  throw new Error('expected an ImportError');
}

describe('decodeText: the encodings reporters bring', () => {
  for (const sample of SAMPLES) {
    const text = sampleText(sample.file);
    const cases: Array<[string, Uint8Array, string]> = [
      ['UTF-8', utf8(text), 'utf-8'],
      ['UTF-8 with BOM', utf8(text, true), 'utf-8'],
      ['UTF-16 LE with BOM', utf16(text, 'le'), 'utf-16le'],
      ['UTF-16 BE with BOM', utf16(text, 'be'), 'utf-16be'],
      ['Windows-1258 with separate tone marks', windows1258(text), 'windows-1258'],
      ['NFD UTF-8', utf8(text.normalize('NFD')), 'utf-8'],
    ];
    for (const [name, bytes, encoding] of cases) {
      it(`${sample.file} as ${name} decodes to the same NFC text`, () => {
        const decoded = decodeText(bytes);
        expect(decoded.encoding).toBe(encoding);
        expect(decoded.text).toBe(text);
      });
    }
  }

  it('the Windows-1258 fixture really uses combining tone bytes (acute EC, dot below F2)', () => {
    const bytes = windows1258(sampleText(SAMPLES[0]!.file));
    expect(bytes.includes(0xec)).toBe(true);
    expect(bytes.includes(0xf2)).toBe(true);
    // "ậ" in "quận" is written â (E2) + dot below (F2).
    const quan = windows1258('quận');
    expect([...quan]).toEqual([0x71, 0x75, 0xe2, 0xf2, 0x6e]);
    expect(decodeText(quan).text).toBe('quận');
  });

  it.each([
    ['CRLF', 'Tiêu đề\r\nĐoạn một.\r\n', 'Tiêu đề\nĐoạn một.\n'],
    ['CR', 'Tiêu đề\rĐoạn một.\r', 'Tiêu đề\nĐoạn một.\n'],
    ['no-break and zero-width spaces', 'Hai\u00A0Bà\u200BTrưng', 'Hai BàTrưng'],
  ])('%s are normalized', (_name, input, expected) => {
    expect(decodeText(utf8(input)).text).toBe(expected);
  });
});

describe('decodeText: bad input is refused with a reason', () => {
  const ldld = sampleText(SAMPLES[0]!.file);
  const cases: Array<[string, Uint8Array, ImportErrorCode, string | RegExp]> = [
    ['an empty file', new Uint8Array(), 'empty', 'Tệp rỗng: không có nội dung để nhập'],
    ['only a BOM', utf8('', true), 'empty', 'Tệp rỗng: không có nội dung để nhập'],
    ['only whitespace', utf8(' \n\t\n  \r\n'), 'empty', 'Tệp rỗng: không có nội dung để nhập'],
    ['a PNG image', tinyPng(), 'binary', 'Tệp không phải văn bản: đây là ảnh PNG'],
    ['a PDF', utf8('%PDF-1.7\n...'), 'binary', 'Tệp không phải văn bản: đây là tệp PDF'],
    ['random bytes', pseudoRandomBytes(4096, 7), 'binary', 'Tệp không phải văn bản: có byte NUL'],
    ['text full of control characters', utf8('Tiêu đề\x01\x02\x03\x04\nĐoạn\x05\x06.'), 'binary', 'Tệp không phải văn bản: có quá nhiều ký tự điều khiển'],
    ['UTF-16 without a BOM', utf16(ldld, 'le', false), 'undecodable', /thiếu dấu BOM/],
    [
      'UTF-8 with one stray byte',
      concat([utf8(sapoOfLdld), new Uint8Array([0x81]), utf8(ldld)]),
      'undecodable',
      `Tệp không phải UTF-8, UTF-16 hay Windows-1258: tệp UTF-8 bị hỏng, byte sai đầu tiên ở vị trí ${utf8(sapoOfLdld).byteLength}`,
    ],
    ['Latin-1 French', new Uint8Array(iconvLatin1('Le café crème coûte très cher à Paris.')), 'undecodable', 'Tệp không phải UTF-8, UTF-16 hay Windows-1258'],
    ['a byte Windows-1258 leaves undefined', concat([windows1258('Đoàn viên'), new Uint8Array([0x8d])]), 'undecodable', 'Tệp không phải UTF-8, UTF-16 hay Windows-1258'],
    ['a tone byte after a space', concat([windows1258('Đoàn '), new Uint8Array([0xec, 0x61])]), 'undecodable', 'Tệp không phải UTF-8, UTF-16 hay Windows-1258'],
    ['UTF-16 LE with a lone surrogate', concat([utf16('Đoàn', 'le'), new Uint8Array([0x00, 0xd8, 0x41, 0x00])]), 'undecodable', /dấu UTF-16LE nhưng có byte sai mã/],
  ];
  it.each(cases)('%s', (_name, bytes, code, message) => {
    const error = failure(() => decodeText(bytes));
    expect(error.code).toBe(code);
    if (typeof message === 'string') expect(error.message).toBe(message);
    else expect(error.message).toMatch(message);
  });

  it('a file over 20 MB is refused before decoding', () => {
    // Invalid bytes everywhere: if decoding ran first, the error would be another one.
    const bytes = new Uint8Array(MAX_IMPORT_BYTES + 1).fill(0x81);
    const error = failure(() => decodeText(bytes));
    expect(error.code).toBe('too_large');
    expect(error.message).toBe('Tệp quá lớn (20,0 MB): giới hạn là 20 MB');
  });

  it('exactly 20 MB is still read', () => {
    const bytes = new Uint8Array(MAX_IMPORT_BYTES).fill(0x61);
    expect(decodeText(bytes).text.length).toBe(MAX_IMPORT_BYTES);
  });
});

function iconvLatin1(text: string): number[] {
  return [...text].map((char) => char.charCodeAt(0));
}
