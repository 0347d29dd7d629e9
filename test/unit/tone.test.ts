import { describe, expect, it } from 'vitest';
import { placeTone, placeTonesInText } from '../../core/text';

describe('placeTone', () => {
  // [tone on the first vowel, tone on the second vowel]
  const pairs: Array<[string, string]> = [
    ['hòa', 'hoà'],
    ['thúy', 'thuý'],
    ['hóa', 'hoá'],
    ['khỏe', 'khoẻ'],
    ['Thủy', 'Thuỷ'],
    ['thỏa', 'thoả'],
    ['họa', 'hoạ'],
    ['lòe', 'loè'],
    ['ủy', 'uỷ'],
    ['HÒA', 'HOÀ'],
    ['Hòa', 'Hoà'],
  ];

  it.each(pairs)('moves the tone of %s ↔ %s', (first, second) => {
    expect(placeTone(first, 'second')).toBe(second);
    expect(placeTone(second, 'first')).toBe(first);
    expect(placeTone(first, 'first')).toBe(first);
    expect(placeTone(second, 'second')).toBe(second);
  });

  it.each([
    // a final consonant fixes the tone on the second vowel in both styles
    'hoàn', 'hoạt', 'thoát', 'khuyết', 'Quốc',
    // qu is an onset, so quý has one vowel
    'quý', 'quà',
    // other diphthongs and single vowels have one placement
    'của', 'mùa', 'người', 'khoái', 'hỷ', 'đổi',
    // no tone, or not a syllable
    'hoa', 'thuy', 'LĐLĐ', '2025', '',
  ])('leaves %s alone', (syllable) => {
    expect(placeTone(syllable, 'first')).toBe(syllable);
    expect(placeTone(syllable, 'second')).toBe(syllable);
  });

  it('accepts decomposed input and answers in NFC', () => {
    expect(placeTone('hòa'.normalize('NFD'), 'second')).toBe('hoà');
    expect(placeTone('hoàn'.normalize('NFD'), 'second')).toBe('hoàn');
  });
});

describe('placeTonesInText', () => {
  it('rewrites a sentence from the samples syllable by syllable', () => {
    const sentence = 'góp phần xây dựng quan hệ lao động hài hòa, ổn định; ký thỏa thuận hợp tác; khám sức khỏe định kỳ';
    expect(placeTonesInText(sentence, 'second')).toBe(
      'góp phần xây dựng quan hệ lao động hài hoà, ổn định; ký thoả thuận hợp tác; khám sức khoẻ định kỳ',
    );
    expect(placeTonesInText(placeTonesInText(sentence, 'second'), 'first')).toBe(sentence);
  });

  it('keeps punctuation, numbers and acronyms', () => {
    const text = 'Đa dạng hoá các hoạt động – 100% CNVCLĐ (LĐLĐ)…';
    expect(placeTonesInText(text, 'first')).toBe('Đa dạng hóa các hoạt động – 100% CNVCLĐ (LĐLĐ)…');
  });
});
