// The pure half of the spellchecker. Vietnamese is checked one syllable at a
// time, and a syllable can be right in more than one spelling: the tone of an
// open oa/oe/uy may sit on either vowel (see tone.ts), and after a consonant
// a lone final i/y is written both ways (lý/lí, kỹ/kĩ, hỷ/hỉ). Acronyms in
// capitals (LĐLĐ, CNVCLĐ), initials (the H of "H.Phong"), numbers and the
// writer's own dictionary are never flagged. Suggestions: see ./spell-suggest.
import { placeTone } from './tone';

export interface SyllableToken {
  /** The syllable as written in the text (not normalized). */
  text: string;
  /** UTF-16 offsets into the text, ready for a DOM Range. */
  start: number;
  end: number;
}

const SYLLABLE_RUN = /[\p{L}\p{M}\p{N}]+/gu;

/** Runs of letters, marks and digits, with their offsets; everything else separates. */
export function tokenizeSyllables(text: string): SyllableToken[] {
  const tokens: SyllableToken[] = [];
  for (const match of text.matchAll(SYLLABLE_RUN)) {
    tokens.push({ text: match[0], start: match.index, end: match.index + match[0].length });
  }
  return tokens;
}

const HAS_DIGIT = /\p{N}/u;
const HAS_LETTER = /\p{L}/u;
const UPPER = /\p{Lu}/u;

/**
 * True for tokens a dictionary cannot judge: anything with a digit, acronyms and
 * initials in capitals (LĐLĐ, XIV, H), and brand-like inner capitals (iPhone).
 */
export function isExemptFromSpellcheck(token: string): boolean {
  if (!HAS_LETTER.test(token) || HAS_DIGIT.test(token)) return true;
  const nfc = token.normalize('NFC');
  if (nfc === nfc.toUpperCase()) return true;
  return UPPER.test(Array.from(nfc).slice(1).join(''));
}

const LONE_FINAL_I_OR_Y = /^([bcdđghklmnpqrstvx]+)([iìỉĩíịyỳỷỹýỵ])$/iu;
const I_TO_Y: Record<string, string> = { i: 'y', ì: 'ỳ', ỉ: 'ỷ', ĩ: 'ỹ', í: 'ý', ị: 'ỵ' };
const Y_TO_I: Record<string, string> = Object.fromEntries(Object.entries(I_TO_Y).map(([i, y]) => [y, i]));

function swapFinalIY(syllable: string): string | null {
  const match = LONE_FINAL_I_OR_Y.exec(syllable);
  if (match === null) return null;
  const [, onset = '', vowel = ''] = match;
  const lower = vowel.toLowerCase();
  const swapped = I_TO_Y[lower] ?? Y_TO_I[lower];
  if (swapped === undefined) return null;
  return onset + (vowel === lower ? swapped : swapped.toUpperCase());
}

/** The spellings under which a syllable may appear in a dictionary, the NFC form first. */
export function spellingCandidates(syllable: string): string[] {
  const nfc = syllable.normalize('NFC');
  const candidates = new Set([nfc, placeTone(nfc, 'second'), placeTone(nfc, 'first')]);
  const swapped = swapFinalIY(nfc);
  if (swapped !== null) candidates.add(swapped);
  return [...candidates];
}

/** How the personal dictionary compares syllables: NFC, lower case, tone on the second vowel. */
export function personalDictionaryKey(syllable: string): string {
  return placeTone(syllable.normalize('NFC'), 'second').toLowerCase();
}

export interface SyllableChecker {
  isMisspelled(token: string): boolean;
  addPersonal(word: string): void;
}

/**
 * A checker over any dictionary lookup (nspell's `correct` in the app). Personal
 * entries may be phrases; each of their syllables becomes known.
 */
export function createSyllableChecker(isKnown: (word: string) => boolean, personal: Iterable<string> = []): SyllableChecker {
  const personalKeys = new Set<string>();
  const addPersonal = (word: string): void => {
    for (const token of tokenizeSyllables(word)) personalKeys.add(personalDictionaryKey(token.text));
  };
  for (const word of personal) addPersonal(word);
  return {
    addPersonal,
    isMisspelled(token) {
      if (isExemptFromSpellcheck(token)) return false;
      if (personalKeys.has(personalDictionaryKey(token))) return false;
      return !spellingCandidates(token).some(isKnown);
    },
  };
}
