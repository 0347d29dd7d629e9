// Two texts of one story side by side, for a person choosing between them (a
// sync conflict). Equal paragraphs are aligned by their longest common
// subsequence; between them, a paragraph that shares most of its words with one
// on the other side is "changed", and the rest is "removed" (only in a) or
// "added" (only in b). Paragraphs that differ only in Unicode form or spacing
// count as the same. diffStoryTexts adds what changed inside each paragraph,
// word by word (./word-diff), for a revision history or a returned story.
import { normalizeText } from '../text';
import type { StoryBody } from './body';
import { plainTextOfBody } from './plain-text';
import { diffWords, type DiffRun } from './word-diff';

export type ParagraphChange = 'same' | 'changed' | 'added' | 'removed';

/** One row of the comparison: a paragraph of a, of b, or of both. */
export interface ParagraphPair {
  change: ParagraphChange;
  /** null when the paragraph is only in b ('added'). */
  a: string | null;
  /** null when the paragraph is only in a ('removed'). */
  b: string | null;
}

export interface FieldComparison {
  a: string;
  b: string;
  same: boolean;
}

export interface StoryComparison {
  headline: FieldComparison;
  sapo: FieldComparison;
  body: ParagraphPair[];
  /** True when headline, sapo and every paragraph are the same. */
  same: boolean;
}

export interface ComparableText {
  headline: string;
  sapo: string;
  body: StoryBody;
}

/**
 * Beyond this many cells the LCS table would cost real memory (two bodies of
 * over 2,000 changed paragraphs each); such texts are only paired by likeness.
 */
const MAX_TABLE_CELLS = 4_000_000;

function comparable(text: string): string {
  return normalizeText(text).replace(/\s+/g, ' ').trim();
}

/** The body's paragraphs as plain text: blocks, list items and captions, in reading order. */
export function paragraphsOfBody(body: StoryBody): string[] {
  return plainTextOfBody(body)
    .split(/\n{2,}/)
    .filter((paragraph) => paragraph.trim() !== '');
}

/** Index pairs [i, j] of a longest common subsequence of a and b, in order. */
function commonSubsequence(a: readonly string[], b: readonly string[]): Array<[number, number]> {
  const n = a.length;
  const m = b.length;
  if (n === 0 || m === 0 || n * m > MAX_TABLE_CELLS) return [];
  // lengths[i * (m + 1) + j]: LCS length of a[i..] and b[j..].
  const width = m + 1;
  const lengths = new Uint32Array((n + 1) * width);
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * width + j] =
        a[i] === b[j] ? (lengths[(i + 1) * width + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * width + j] ?? 0, lengths[i * width + j + 1] ?? 0);
    }
  }
  const pairs: Array<[number, number]> = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      pairs.push([i, j]);
      i++;
      j++;
    } else if ((lengths[(i + 1) * width + j] ?? 0) >= (lengths[i * width + j + 1] ?? 0)) {
      i++;
    } else {
      j++;
    }
  }
  return pairs;
}

type Words = ReadonlySet<string>;

function wordsOf(key: string): Words {
  return new Set(key.toLowerCase().split(' '));
}

/** Words shared, from 0 (none) to 1 (the same words): Dice's coefficient over word sets. */
function likeness(a: Words, b: Words): number {
  let shared = 0;
  for (const word of a) if (b.has(word)) shared++;
  return (2 * shared) / (a.size + b.size);
}

/** Half the words in common: an edited paragraph, not a different one. */
const EDITED_LIKENESS = 0.5;
/** An edited paragraph is looked for this far ahead, which keeps long rewrites cheap. */
const LOOK_AHEAD = 8;

/**
 * The paragraphs between two aligned ones. Each of a's is paired, in order,
 * with the next of b's that shares most of its words ('changed'); b's skipped
 * on the way are 'added', a's without a partner 'removed'.
 */
function unaligned(a: readonly string[], b: readonly string[], wordsA: readonly Words[], wordsB: readonly Words[]): ParagraphPair[] {
  const rows: ParagraphPair[] = [];
  let j = 0;
  a.forEach((paragraph, i) => {
    const words = wordsA[i] ?? new Set<string>();
    const last = Math.min(b.length, j + LOOK_AHEAD);
    let partner = j;
    while (partner < last && likeness(words, wordsB[partner] ?? new Set<string>()) < EDITED_LIKENESS) partner++;
    if (partner === last) {
      rows.push({ change: 'removed', a: paragraph, b: null });
      return;
    }
    for (; j < partner; j++) rows.push({ change: 'added', a: null, b: b[j] ?? '' });
    rows.push({ change: 'changed', a: paragraph, b: b[partner] ?? '' });
    j = partner + 1;
  });
  for (; j < b.length; j++) rows.push({ change: 'added', a: null, b: b[j] ?? '' });
  return rows;
}

/** Aligned rows of two lists of paragraphs, every paragraph of each in its order, none dropped. */
export function compareParagraphs(a: readonly string[], b: readonly string[]): ParagraphPair[] {
  const keysA = a.map(comparable);
  const keysB = b.map(comparable);
  // Shared openings and endings need no table, and most edits leave most of a story alone.
  let start = 0;
  while (start < a.length && start < b.length && keysA[start] === keysB[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && keysA[endA - 1] === keysB[endB - 1]) {
    endA--;
    endB--;
  }

  const rows: ParagraphPair[] = [];
  const same = (i: number, j: number): void => void rows.push({ change: 'same', a: a[i] ?? '', b: b[j] ?? '' });
  for (let k = 0; k < start; k++) same(k, k);
  const between = (fromA: number, toA: number, fromB: number, toB: number): void => {
    const wordsA = keysA.slice(fromA, toA).map(wordsOf);
    const wordsB = keysB.slice(fromB, toB).map(wordsOf);
    rows.push(...unaligned(a.slice(fromA, toA), b.slice(fromB, toB), wordsA, wordsB));
  };
  let i = start;
  let j = start;
  for (const [di, dj] of commonSubsequence(keysA.slice(start, endA), keysB.slice(start, endB))) {
    between(i, start + di, j, start + dj);
    same(start + di, start + dj);
    i = start + di + 1;
    j = start + dj + 1;
  }
  between(i, endA, j, endB);
  for (let k = 0; endA + k < a.length; k++) same(endA + k, endB + k);
  return rows;
}

function compareField(a: string, b: string): FieldComparison {
  return { a, b, same: comparable(a) === comparable(b) };
}

/** Headline, sapo and body paragraphs of two texts of a story, aligned for reading side by side. */
export function compareStoryTexts(a: ComparableText, b: ComparableText): StoryComparison {
  const headline = compareField(a.headline, b.headline);
  const sapo = compareField(a.sapo, b.sapo);
  const body = compareParagraphs(paragraphsOfBody(a.body), paragraphsOfBody(b.body));
  return { headline, sapo, body, same: headline.same && sapo.same && body.every((row) => row.change === 'same') };
}

/** A row of the comparison with its word-level changes. */
export interface ParagraphDiff extends ParagraphPair {
  /** The paragraph word by word: all runs inline; equal + delete is a, equal + insert is b. */
  runs: DiffRun[];
}

export interface StoryDiff {
  headline: DiffRun[];
  sapo: DiffRun[];
  body: ParagraphDiff[];
  /** True when headline, sapo and every paragraph are the same. */
  same: boolean;
}

function runsOf(row: ParagraphPair): DiffRun[] {
  switch (row.change) {
    case 'same':
      return row.b === '' ? [] : [{ op: 'equal', text: row.b ?? '' }];
    case 'added':
      return [{ op: 'insert', text: row.b ?? '' }];
    case 'removed':
      return [{ op: 'delete', text: row.a ?? '' }];
    case 'changed':
      return diffWords(row.a ?? '', row.b ?? '');
  }
}

/** What changed from a to b (two revisions, or a story before and after the desk's edits), paragraph by paragraph and word by word. */
export function diffStoryTexts(a: ComparableText, b: ComparableText): StoryDiff {
  const comparison = compareStoryTexts(a, b);
  const field = (f: FieldComparison): DiffRun[] => (f.same ? (f.b === '' ? [] : [{ op: 'equal', text: f.b }]) : diffWords(f.a, f.b));
  return {
    headline: field(comparison.headline),
    sapo: field(comparison.sapo),
    body: comparison.body.map((row) => ({ ...row, runs: runsOf(row) })),
    same: comparison.same,
  };
}
