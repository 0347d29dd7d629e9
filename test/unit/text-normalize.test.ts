import { describe, expect, it } from 'vitest';
import { normalizeText } from '../../core/text';
import { SAMPLE_FILES, sampleLine, sampleText } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const THUY = sampleLine('cum-thi-dua-so-4-cham-lo-doan-vien.txt', 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu');

describe('normalizeText', () => {
  it.each(SAMPLE_FILES)('leaves %s (already NFC, LF) unchanged', (file) => {
    const text = sampleText(file);
    expect(normalizeText(text)).toBe(text);
  });

  it.each(SAMPLE_FILES)('turns the NFD form of %s back into the NFC original', (file) => {
    const text = sampleText(file);
    const nfd = text.normalize('NFD');
    expect(nfd).not.toBe(text);
    expect(normalizeText(nfd)).toBe(text);
  });

  it.each([
    ['CRLF', `${HEADLINE}\r\n\r\n${THUY}\r\n`, `${HEADLINE}\n\n${THUY}\n`],
    ['CR', `${HEADLINE}\r\r${THUY}\r`, `${HEADLINE}\n\n${THUY}\n`],
    ['mixed', `${HEADLINE}\r\n${THUY}\r${HEADLINE}\n`, `${HEADLINE}\n${THUY}\n${HEADLINE}\n`],
    ['CR then CRLF', 'Hai Bà Trưng\r\r\nH.Phong', 'Hai Bà Trưng\n\nH.Phong'],
  ])('turns %s line endings into LF', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['zero-width space', 'Hai Bà\u200B Trưng', 'Hai Bà Trưng'],
    ['zero-width non-joiner and joiner', 'đổi\u200C mới\u200D', 'đổi mới'],
    ['word joiner', 'hoạt\u2060 động', 'hoạt động'],
    ['byte order mark at the start', `\uFEFF${HEADLINE}`, HEADLINE],
    ['byte order mark inside', `LĐLĐ\uFEFF quận`, 'LĐLĐ quận'],
  ])('strips a %s', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it.each([
    ['NUL', 'Mạnh\u0000 Quân', 'Mạnh Quân'],
    ['bell', 'H.Phong\u0007', 'H.Phong'],
    ['vertical tab', 'Hai\u000B Bà', 'Hai Bà'],
    ['form feed', 'Hai Bà Trưng\u000C', 'Hai Bà Trưng'],
    ['escape', '\u001B[1mLĐLĐ', '[1mLĐLĐ'],
    ['delete', 'quận\u007F', 'quận'],
    ['C1 next-line', 'lao\u0085 động', 'lao động'],
  ])('strips the %s control character', (_name, input, expected) => {
    expect(normalizeText(input)).toBe(expected);
  });

  it('keeps tabs and newlines', () => {
    expect(normalizeText('Nên xem\tTin khác\nXem thêm')).toBe('Nên xem\tTin khác\nXem thêm');
  });

  it.each([
    ['no-break space', 'Hai\u00A0Bà\u00A0Trưng'],
    ['figure space', 'Hai\u2007Bà\u2007Trưng'],
    ['narrow no-break space', 'Hai\u202FBà\u202FTrưng'],
  ])('turns a %s into a plain space', (_name, input) => {
    expect(normalizeText(input)).toBe('Hai Bà Trưng');
  });

  it('does everything at once on a real line pasted from a web page', () => {
    const pasted = `\uFEFF${THUY.normalize('NFD').replace(/ /g, '\u00A0')}\u200B\r\n`;
    expect(normalizeText(pasted)).toBe(`${THUY}\n`);
  });

  it('is idempotent', () => {
    const messy = `\uFEFF${sampleText(LDLD).normalize('NFD').replace(/\n/g, '\r\n')}\u0007`;
    const once = normalizeText(messy);
    expect(normalizeText(once)).toBe(once);
  });
});
