// Vietnamese is written one syllable per token, and newsrooms count length in
// syllables ("chữ"). A token counts when it holds a letter or digit, so dashes,
// ellipses and quotes standing alone do not inflate the count.

const HAS_LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

/** Number of whitespace-separated tokens that hold a letter or digit. */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) {
    if (HAS_LETTER_OR_DIGIT.test(token)) count++;
  }
  return count;
}

/** Silent reading pace for Vietnamese news prose, in syllables per minute. */
export const SYLLABLES_PER_MINUTE = 250;

/** Whole minutes to read the text; at least 1 for any text with words, 0 for none. */
export function readingTime(text: string): number {
  const words = countWords(text);
  return words === 0 ? 0 : Math.max(1, Math.round(words / SYLLABLES_PER_MINUTE));
}
