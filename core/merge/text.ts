// Three-way merge of a text, seen as a run of atoms (one character each, plus
// its formatting when the text comes from a block). node-diff3 does the
// merging; this file only decides at which grain:
//
// 1. Words first. The atoms are grouped into tokens (a word is a run of letters
//    and digits of one format; any other character is a token alone), and the
//    token runs are merged. Edits to different words merge; this is also what
//    keeps a merge from splicing two rewrites of one sentence into nonsense.
// 2. Characters where both sides touched the same words. Each overlapping
//    stretch is merged again atom by atom, and kept only if it is clean and
//    every word either side typed there is still in it ("hướng" edited into
//    "hường" on one side and "hướngg" on the other would give neither word, so
//    that stays a conflict).
//
// Whatever the grain, a merge that would leave out a word either side typed is
// refused. A result of null means the two sides overlap: the caller records a
// conflict.
import { diff3Merge } from 'node-diff3';

export interface AtomAlphabet {
  /** The character an atom stands for. */
  charOf(atom: string): string;
  /** The atom's formatting; a word never spans two formats. */
  formatOf(atom: string): string;
}

/** Plain strings: an atom is a character, with no formatting. */
export const PLAIN_TEXT: AtomAlphabet = { charOf: (atom) => atom, formatOf: () => '' };

const WORD_CHAR = /^[\p{L}\p{M}\p{N}]$/u;

function sameRun(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function joins(alphabet: AtomAlphabet, left: string, right: string): boolean {
  return (
    WORD_CHAR.test(alphabet.charOf(left)) &&
    WORD_CHAR.test(alphabet.charOf(right)) &&
    alphabet.formatOf(left) === alphabet.formatOf(right)
  );
}

// Token keys join a token's atoms with a character no atom holds, so a key
// names its atoms exactly and node-diff3 can compare tokens as strings.
const TOKEN_GLUE = '\u0000';

function tokenize(atoms: readonly string[], alphabet: AtomAlphabet): string[] {
  const tokens: string[] = [];
  let current = '';
  for (let i = 0; i < atoms.length; i++) {
    const atom = atoms[i] as string;
    if (i > 0 && joins(alphabet, atoms[i - 1] as string, atom)) current += TOKEN_GLUE + atom;
    else {
      if (i > 0) tokens.push(current);
      current = atom;
    }
  }
  if (atoms.length > 0) tokens.push(current);
  return tokens;
}

function atomsOf(tokens: readonly string[]): string[] {
  return tokens.flatMap((token) => token.split(TOKEN_GLUE));
}

/** The words of a run of atoms, as plain text. */
export function wordsOf(atoms: readonly string[], alphabet: AtomAlphabet): string[] {
  const words: string[] = [];
  let word = '';
  for (const atom of atoms) {
    const char = alphabet.charOf(atom);
    if (WORD_CHAR.test(char)) word += char;
    else if (word !== '') {
      words.push(word);
      word = '';
    }
  }
  if (word !== '') words.push(word);
  return words;
}

/** True when every word that `side` has and `base` had not is among `result`'s words. */
function keepsTypedWords(base: readonly string[], side: readonly string[], result: readonly string[], alphabet: AtomAlphabet): boolean {
  const before = new Set(wordsOf(base, alphabet));
  const after = new Set(wordsOf(result, alphabet));
  return wordsOf(side, alphabet).every((word) => before.has(word) || after.has(word));
}

/** The overlapping stretch merged character by character, or null when it still overlaps or would drop a typed word. */
function mergeCharacters(base: string[], mine: string[], theirs: string[], alphabet: AtomAlphabet): string[] | null {
  const merged: string[] = [];
  for (const region of diff3Merge(mine, base, theirs)) {
    if (region.conflict) return null;
    merged.push(...(region.ok ?? []));
  }
  if (!keepsTypedWords(base, mine, merged, alphabet) || !keepsTypedWords(base, theirs, merged, alphabet)) return null;
  return merged;
}

/** Three-way merge of atom runs; null when the two sides' edits overlap. */
export function mergeAtoms(
  base: readonly string[],
  mine: readonly string[],
  theirs: readonly string[],
  alphabet: AtomAlphabet,
): readonly string[] | null {
  if (sameRun(base, theirs) || sameRun(mine, theirs)) return mine;
  if (sameRun(base, mine)) return theirs;

  // Most edits leave most of a text alone: only the middle that any side
  // changed goes to the diff, cut at word boundaries.
  const runs = [base, mine, theirs];
  let start = 0;
  const shortest = Math.min(base.length, mine.length, theirs.length);
  while (start < shortest && base[start] === mine[start] && base[start] === theirs[start]) start++;
  const splitsWordAtStart = (): boolean =>
    runs.some((run) => start < run.length && joins(alphabet, run[start - 1] as string, run[start] as string));
  while (start > 0 && splitsWordAtStart()) start--;
  let end = 0;
  const fromEnd = (run: readonly string[], k: number): string => run[run.length - 1 - k] as string;
  while (end < shortest - start && fromEnd(base, end) === fromEnd(mine, end) && fromEnd(base, end) === fromEnd(theirs, end)) end++;
  const splitsWordAtEnd = (): boolean =>
    runs.some((run) => run.length - 1 - end >= start && joins(alphabet, fromEnd(run, end), fromEnd(run, end - 1)));
  while (end > 0 && splitsWordAtEnd()) end--;

  const middle = (run: readonly string[]): string[] => run.slice(start, run.length - end);
  const merged: string[] = [...base.slice(0, start)];
  const regions = diff3Merge(tokenize(middle(mine), alphabet), tokenize(middle(base), alphabet), tokenize(middle(theirs), alphabet));
  for (const region of regions) {
    if (region.ok) {
      merged.push(...atomsOf(region.ok));
      continue;
    }
    const overlap = region.conflict;
    if (!overlap) continue;
    const characters = mergeCharacters(atomsOf(overlap.o), atomsOf(overlap.a), atomsOf(overlap.b), alphabet);
    if (characters === null) return null;
    merged.push(...characters);
  }
  merged.push(...base.slice(base.length - end));
  // Two edits apart can still meet in one word: deleting the space on each side
  // of "chào" in "xin chào bạn" makes "xinchàobạn", which is neither side's word.
  if (!keepsTypedWords(base, mine, merged, alphabet) || !keepsTypedWords(base, theirs, merged, alphabet)) return null;
  return merged;
}

/** Three-way merge of plain strings (headline, sapo, a caption); null when the edits overlap. */
export function mergeText(base: string, mine: string, theirs: string): string | null {
  if (base === theirs || mine === theirs) return mine;
  if (base === mine) return theirs;
  const merged = mergeAtoms(Array.from(base), Array.from(mine), Array.from(theirs), PLAIN_TEXT);
  return merged === null ? null : merged.join('');
}
