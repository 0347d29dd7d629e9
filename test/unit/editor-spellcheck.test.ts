import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { parseArticleText, toStoryContent } from '../../core/import';
import { plainTextOfBody } from '../../core/story';
import { createSyllableChecker, createSyllableSuggester, editDistance, isExemptFromSpellcheck, spellingCandidates, syllableRarity, tokenizeSyllables } from '../../core/text';

const dictionaryDir = join(import.meta.dirname, '../../node_modules/dictionary-vi');
const spell = nspell(readFileSync(join(dictionaryDir, 'index.aff'), 'utf8'), readFileSync(join(dictionaryDir, 'index.dic'), 'utf8'));
const isKnown = (word: string): boolean => spell.correct(word);

const samplesDir = '/work/shared/samples/articles';
const sample = (name: string): string => readFileSync(join(samplesDir, name), 'utf8');

describe('tokenizeSyllables', () => {
  it('splits a sample sentence into syllables with offsets a DOM Range can use', () => {
    const text = 'LĐLĐ quận Hai Bà Trưng trao quà cho 1.296 CNVCLĐ “Tết sum vầy - Xuân ơn Đảng”.';
    const tokens = tokenizeSyllables(text);
    expect(tokens.map((t) => t.text)).toEqual([
      'LĐLĐ', 'quận', 'Hai', 'Bà', 'Trưng', 'trao', 'quà', 'cho', '1', '296', 'CNVCLĐ', 'Tết', 'sum', 'vầy', 'Xuân', 'ơn', 'Đảng',
    ]);
    for (const token of tokens) expect(text.slice(token.start, token.end)).toBe(token.text);
  });

  it('keeps a decomposed syllable whole, marks included', () => {
    const text = 'hòa thuận'.normalize('NFD');
    expect(tokenizeSyllables(text).map((t) => t.text.normalize('NFC'))).toEqual(['hòa', 'thuận']);
  });

  it('splits a byline at the dot', () => {
    expect(tokenizeSyllables('H.Phong').map((t) => t.text)).toEqual(['H', 'Phong']);
  });
});

describe('isExemptFromSpellcheck', () => {
  it.each([
    ['LĐLĐ', true], ['CNVCLĐ', true], ['TNHH', true], ['MTV', true], ['XIV', true], ['H', true],
    ['2025', true], ['I', true], ['iPhone', true], ['covid19', true],
    ['Trưng', false], ['hoạt', false], ['Lotte', false], ['đọong', false],
  ])('%s → %s', (token, exempt) => {
    expect(isExemptFromSpellcheck(token)).toBe(exempt);
  });
});

describe('spellingCandidates', () => {
  it.each([
    ['hòa', ['hòa', 'hoà']],
    ['thuý', ['thuý', 'thúy']],
    ['hỷ', ['hỷ', 'hỉ']],
    ['Kỹ', ['Kỹ', 'Kĩ']],
    ['người', ['người']],
  ])('%s → %j', (syllable, candidates) => {
    expect(spellingCandidates(syllable)).toEqual(candidates);
  });
});

describe('createSyllableChecker with nspell and dictionary-vi', () => {
  const checker = createSyllableChecker(isKnown);

  it.each(['hoà', 'hòa', 'thuý', 'thúy', 'hoá', 'hóa', 'khoẻ', 'khỏe', 'Thủy', 'Thuỷ', 'hỷ', 'hỉ'])(
    'accepts both tone placements and i/y: %s',
    (syllable) => {
      expect(checker.isMisspelled(syllable)).toBe(false);
      expect(checker.isMisspelled(syllable.normalize('NFD'))).toBe(false);
    },
  );

  it.each(['nguời', 'hoaf', 'tiêp', 'đươc', 'thươg', 'Nguyển'])('flags %s', (syllable) => {
    expect(checker.isMisspelled(syllable)).toBe(true);
  });

  it('skips acronyms from the samples', () => {
    for (const acronym of ['LĐLĐ', 'CNVCLĐ', 'TNHH', 'MTV']) expect(checker.isMisspelled(acronym)).toBe(false);
  });

  it('learns the personal dictionary, phrases and tone placement included', () => {
    const personal = createSyllableChecker(isKnown, ['Lotte', 'Vingroup Nexus']);
    expect(personal.isMisspelled('Lotte')).toBe(false);
    expect(personal.isMisspelled('lotte')).toBe(false);
    expect(personal.isMisspelled('Nexus')).toBe(false);
    expect(personal.isMisspelled('Vinhomes')).toBe(true);
    personal.addPersonal('Vinhomes');
    expect(personal.isMisspelled('Vinhomes')).toBe(false);
    const toned = createSyllableChecker(() => false, ['Thuỷ']);
    expect(toned.isMisspelled('thủy')).toBe(false);
  });

  // What a reporter types: headline, sapo and body as the importer reads them.
  it.each(readdirSync(samplesDir).filter((f) => f.endsWith('.txt')))('flags no syllable of the story text of %s', (file) => {
    const content = toStoryContent(parseArticleText(sample(file)));
    const tokens = tokenizeSyllables([content.headline, content.sapo, plainTextOfBody(content.body)].join('\n'));
    const flagged = [...new Set(tokens.filter((t) => checker.isMisspelled(t.text)).map((t) => t.text))];
    console.log(`${file} story text: ${tokens.length} syllables, flagged: ${flagged.join(', ') || 'none'}`);
    expect(tokens.length).toBeGreaterThan(900);
    expect(flagged).toEqual([]);
  });

  // The two real articles, teasers included: every syllable is known except
  // foreign names, which a reporter adds to the personal dictionary once.
  const genuineUnknowns: Record<string, string[]> = {
    'ldld-hai-ba-trung-doi-moi.txt': ['Center', 'Lotte', 'Nexus', 'Vin', 'Vingroup', 'Viêng'],
    'cum-thi-dua-so-4-cham-lo-doan-vien.txt': ['Olympic', 'Vingroup', 'Vinhomes'],
  };

  it.each(readdirSync(samplesDir).filter((f) => f.endsWith('.txt')))('flags only foreign names in %s', (file) => {
    const flagged = new Set<string>();
    let checked = 0;
    for (const token of tokenizeSyllables(sample(file))) {
      checked++;
      if (checker.isMisspelled(token.text)) flagged.add(token.text);
    }
    const unknowns = [...flagged].sort();
    console.log(`${file}: ${checked} syllables, not in the dictionary: ${unknowns.join(', ') || 'none'}`);
    expect(checked).toBeGreaterThan(1000);
    expect(unknowns).toEqual(genuineUnknowns[file]);
  });
});

describe('createSyllableSuggester over dictionary-vi', () => {
  const words = readFileSync(join(dictionaryDir, 'index.dic'), 'utf8')
    .split('\n')
    .slice(1)
    .map((line) => line.split('/')[0]?.trim() ?? '')
    .filter((word) => word !== '');
  const suggest = createSyllableSuggester(words);

  it.each([
    ['nguơi', 'người'],
    ['tiêp', 'tiếp'],
    ['đươc', 'được'],
    ['Nguyên', 'Nguyễn'],
    ['khao', 'khảo'],
  ])('offers %s → %s among the first suggestions', (typed, wanted) => {
    expect(suggest(typed)).toContain(wanted);
  });

  // The slips a reporter makes, and the syllable they meant, which must come first.
  it.each([
    ['nguời', 'người'], // one mark from người and from nguồi: người is the common one
    ['tiêp', 'tiếp'],
    ['đươc', 'được'],
    ['đuợc', 'được'],
    ['nươc', 'nước'],
    ['viêc', 'việc'],
    ['cuả', 'của'], // the tone on the wrong vowel
    ['trườg', 'trường'], // a letter missing
    ['khôg', 'không'],
    ['thươg', 'thương'],
    ['Nguyển', 'Nguyễn'],
  ])('suggests %s → %s first', (typed, wanted) => {
    expect(suggest(typed)[0]).toBe(wanted);
  });

  it('ranks a syllable with the right letters before one a letter away, and equally close ones by how common they are', () => {
    // người and nguồi are both one mark from “nguời”; người is the common one.
    expect(suggest('nguời').slice(0, 2)).toEqual(['người', 'nguồi']);
    expect(syllableRarity('người')).toBeLessThan(syllableRarity('nguồi'));
    expect(syllableRarity('hoá')).toBe(syllableRarity('hóa'));
    // Right letters, wrong marks, before a letter's difference: được before nước for “đươc”.
    expect(suggest('đươc').indexOf('được')).toBeLessThan(suggest('đươc').indexOf('nước'));
    expect(editDistance('người'.normalize('NFD'), 'nguời'.normalize('NFD'))).toBe(1);
  });

  it('ranks syllables by how few marks differ, and never suggests the word itself', () => {
    // ngươi adds one mark to what was typed; người, nguồi and nguội add two.
    expect(suggest('nguơi')[0]).toBe('ngươi');
    expect(suggest('nguơi').slice(1, 4).sort()).toEqual(['nguồi', 'nguội', 'người'].sort());
    expect(suggest('đông')).not.toContain('đông');
    expect(suggest('nguơi', 3)).toHaveLength(3);
  });

  it('has nothing to offer for a foreign name', () => {
    expect(suggest('Vingroup')).toEqual([]);
  });
});
