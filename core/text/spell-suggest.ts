// Spelling suggestions for Vietnamese syllables. The common slip is a wrong or
// missing mark ("nguời", "tiêp"), then a letter too many, too few or swapped
// ("trườg", "khôg"). Every dictionary syllable is indexed by its folded form
// (no marks, đ → d), so the candidates are the syllables whose folded form is
// the typed one's or one letter away from it. They are ranked by
//   1. the distance between the folded forms (letters before marks: a syllable
//      with the right letters and wrong marks is the likelier meaning),
//   2. the distance between the syllables themselves, marks included: each
//      mark counts as a letter of its own, and the tone as one more at the end
//      wherever it sits, so that "cuả" (the tone on the wrong vowel) is
//      nearest to của,
//   3. how common the syllable is (./syllable-frequency): "nguời" is one mark
//      from both người and nguồi, and means người.
import { foldForSearch } from './fold';
import { syllableRarity } from './syllable-frequency';

/** Levenshtein distance over UTF-16 units (NFD marks are single units). */
export function editDistance(a: string, b: string): number {
  const previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0] ?? 0;
    previous[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j] ?? 0;
      previous[j] = Math.min(above + 1, (previous[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return previous[b.length] ?? 0;
}

const TONE_MARKS = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/** The syllable decomposed, its tone mark moved to the end: what the marked distance compares. */
function markedForm(lower: string): string {
  const decomposed = lower.normalize('NFD');
  return decomposed.replace(TONE_MARKS, '') + (decomposed.match(TONE_MARKS) ?? []).join('');
}

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';

/** Every string one deletion, swap of neighbours, replacement or insertion away from a folded syllable. */
function oneLetterAway(folded: string): Set<string> {
  const found = new Set<string>();
  for (let i = 0; i <= folded.length; i++) {
    const [head, tail] = [folded.slice(0, i), folded.slice(i)];
    if (tail !== '') found.add(head + tail.slice(1));
    if (tail.length > 1) found.add(head + tail[1] + tail[0] + tail.slice(2));
    for (const letter of LETTERS) {
      if (tail !== '') found.add(head + letter + tail.slice(1));
      found.add(head + letter + tail);
    }
  }
  found.delete(folded);
  return found;
}

interface Ranked {
  word: string;
  folded: number;
  marked: number;
  rarity: number;
}

export function createSyllableSuggester(words: Iterable<string>): (token: string, limit?: number) => string[] {
  const byFolded = new Map<string, string[]>();
  for (const word of words) {
    const key = foldForSearch(word);
    const list = byFolded.get(key);
    if (list === undefined) byFolded.set(key, [word]);
    else list.push(word);
  }
  return (token, limit = 6) => {
    const lower = token.normalize('NFC').toLowerCase();
    const typedFolded = foldForSearch(lower);
    const typedMarked = markedForm(lower);
    const ranked: Ranked[] = [];
    const consider = (folded: string, foldedDistance: number): void => {
      for (const word of byFolded.get(folded) ?? []) {
        const candidate = word.toLowerCase();
        if (candidate === lower) continue;
        ranked.push({ word, folded: foldedDistance, marked: editDistance(typedMarked, markedForm(candidate)), rarity: syllableRarity(candidate) });
      }
    };
    consider(typedFolded, 0);
    for (const near of oneLetterAway(typedFolded)) consider(near, 1);
    return ranked
      .sort((a, b) => a.folded - b.folded || a.marked - b.marked || a.rarity - b.rarity || a.word.localeCompare(b.word, 'vi'))
      .slice(0, limit)
      .map(({ word }) => word);
  };
}
