import { describe, expect, it } from 'vitest';
import { countWords, normalizeText, readingTime, SYLLABLES_PER_MINUTE } from '../../core/text';
import { sampleLine } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const CUM = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';

// Expected counts were made by hand, syllable by syllable; tokens such as "21/11,",
// "(LĐLĐ)", "2,3" and "Nam:" count, a lone "-", "–" or "…" does not.
const COUNTED_BY_HAND: ReadonlyArray<readonly [string, string, number]> = [
  ['the ldld headline', sampleLine(LDLD, 'LĐLĐ quận Hai Bà Trưng tiếp tục'), 17],
  ['the cum headline', sampleLine(CUM, 'Cụm thi đua số 4 triển khai'), 18],
  ['a sentence with a spaced hyphen and a semicolon', sampleLine(CUM, 'Dự buổi khảo sát'), 35],
  ['the cum sapo, with dates, parentheses and a hyphen', sampleLine(CUM, 'Ngày 21/11, Đoàn khảo sát'), 60],
  ['a headline with two spaced hyphens', sampleLine(LDLD, 'Đại hội VII Công đoàn Điện lực Việt Nam:'), 21],
  ['a summary with an en dash and a decimal comma', sampleLine(LDLD, 'Ngày 24/12, Đại hội Công đoàn Thành phố Hồ Chí Minh'), 47],
  ['a byline', 'H.Phong', 1],
  ['a two-syllable byline', 'Mạnh Quân', 2],
];

describe('countWords', () => {
  it.each(COUNTED_BY_HAND)('counts %s', (_name, sentence, expected) => {
    expect(countWords(sentence)).toBe(expected);
  });

  it.each([
    ['a lone ellipsis', 'hài hòa, ổn định, tiến bộ …', 6],
    ['an ellipsis glued to a word', 'hài hòa, ổn định, tiến bộ…', 6],
    ['three dots glued to a word', 'chuyên nghiệp... gắn với', 4],
    ['lone quotes and dashes', '“ ” - – — … ... « » ( ) ; :', 0],
    ['a dash between numbers', '(2020 - 2025)', 2],
    ['a joined date range', '29-30/12/2025', 1],
    ['digits alone', 'trên 2.000 đoàn viên', 4],
    ['tabs and newlines as separators', 'Nên\txem\nTin\n\nkhác', 4],
    ['surrounding space', '   Xem thêm   ', 2],
    ['empty text', '', 0],
  ])('handles %s', (_name, text, expected) => {
    expect(countWords(text)).toBe(expected);
  });

  it('counts NFD text like NFC text', () => {
    const sentence = sampleLine(CUM, 'Ngày 21/11, Đoàn khảo sát');
    expect(countWords(sentence.normalize('NFD'))).toBe(60);
  });

  it('counts words that a zero-width space glued together once normalized', () => {
    // A zero-width space is not whitespace: "Bà\u200BTrưng" is one token until normalizeText
    // removes the mark; a no-break space already separates.
    expect(countWords('Hai\u00A0Bà Trưng')).toBe(3);
    expect(countWords(normalizeText('Hai Bà\u200B \u200BTrưng'))).toBe(3);
  });
});

describe('readingTime', () => {
  const sentence = sampleLine(CUM, 'Dự buổi khảo sát'); // 35 syllables

  it('uses 250 syllables a minute', () => {
    expect(SYLLABLES_PER_MINUTE).toBe(250);
  });

  it.each([
    ['no words', '', 0],
    ['only punctuation', '— … “ ”', 0],
    ['one headline', sampleLine(LDLD, 'LĐLĐ quận Hai Bà Trưng tiếp tục'), 1],
    ['350 syllables (1.4 min)', Array(10).fill(sentence).join(' '), 1],
    ['385 syllables (1.54 min)', Array(11).fill(sentence).join('\n'), 2],
    ['1,050 syllables (4.2 min)', Array(30).fill(sentence).join('\n\n'), 4],
  ])('gives %s', (_name, text, minutes) => {
    expect(readingTime(text)).toBe(minutes);
  });
});
