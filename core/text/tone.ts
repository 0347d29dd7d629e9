// Vietnamese writes the tone of the rising diphthongs oa, oe and uy two ways
// when no consonant follows: on the first vowel ("hòa", "khỏe", "thúy", the
// older, still common habit) or on the second ("hoà", "khoẻ", "thuý", the
// placement the 1980s spelling rules prefer). Both are correct and newsrooms mix
// them, sometimes in one article. dictionary-vi lists only the second form, so
// the spellchecker moves the tone there before looking a syllable up.
//
// Naming follows the placement, not "old/new", because the two names are used
// the other way round in different sources.

/** `'first'`: hòa, khỏe, thúy. `'second'`: hoà, khoẻ, thuý. */
export type TonePlacement = 'first' | 'second';

// Grave, acute, tilde, hook above, dot below: the five tone marks in NFD.
const TONE_MARK = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const VOWELS = 'aeiouyăâêôơư';
const CONSONANTS = 'bcdđghklmnpqrstvx';
const SYLLABLE = new RegExp(`^(qu|gi(?=[${VOWELS}])|[${CONSONANTS}]*)([${VOWELS}]+)([${CONSONANTS}]*)$`, 'u');
const MOVABLE_NUCLEI = new Set(['oa', 'oe', 'uy']);

/**
 * The syllable with its tone mark on the first or second vowel of an open
 * oa/oe/uy; every other syllable (and anything that is not one Vietnamese
 * syllable) comes back unchanged, in NFC. Letter case is kept.
 */
export function placeTone(syllable: string, placement: TonePlacement): string {
  const decomposed = syllable.normalize('NFD');
  const marks = decomposed.match(TONE_MARK);
  if (marks === null || marks.length !== 1) return syllable.normalize('NFC');
  const [mark] = marks as [string];

  const letters = Array.from(decomposed.replace(TONE_MARK, '').normalize('NFC'));
  const parts = SYLLABLE.exec(letters.join('').toLowerCase());
  if (parts === null) return syllable.normalize('NFC');
  const [, onset = '', nucleus = '', coda = ''] = parts;
  if (coda !== '' || !MOVABLE_NUCLEI.has(nucleus)) return syllable.normalize('NFC');

  const target = Array.from(onset).length + (placement === 'first' ? 0 : 1);
  letters[target] = `${letters[target] ?? ''}${mark}`.normalize('NFC');
  return letters.join('');
}

/** Every syllable-like run of letters in `text` with its tone moved to `placement`. */
export function placeTonesInText(text: string, placement: TonePlacement): string {
  return text.normalize('NFC').replace(/[\p{L}\p{M}]+/gu, (syllable) => placeTone(syllable, placement));
}
