// What changed between two texts, word by word, for people reading Vietnamese.
// A Vietnamese word is written as syllables between spaces, and a tone mark is
// part of the syllable: "hướng" (direction) and "hường" (a name) are different
// words, so syllables are compared exactly, marks and capitals included, once
// both texts are in one Unicode form. The diff itself is node-diff3's.
//
// The result is a list of runs (equal, delete, insert) that reads both ways:
// inline, all runs in order; side by side, the equal and deleted runs on the
// left and the equal and inserted runs on the right (see sidesOf).
import { diffComm } from 'node-diff3';
import { normalizeText } from '../text';

export type DiffOp = 'equal' | 'delete' | 'insert';

export interface DiffRun {
  op: DiffOp;
  text: string;
}

/** Syllables, runs of spaces, and each other character alone. */
const TOKEN = /[\p{L}\p{M}\p{N}]+|\s+|[^\p{L}\p{M}\p{N}\s]/gu;

/** The tokens a text is compared by, in NFC so that a decomposed "ướ" and a composed one agree. */
export function diffTokens(text: string): string[] {
  return normalizeText(text).match(TOKEN) ?? [];
}

function push(runs: DiffRun[], op: DiffOp, text: string): void {
  if (text === '') return;
  const last = runs.at(-1);
  if (last?.op === op) last.text += text;
  else runs.push({ op, text });
}

/**
 * Readable runs: a space left equal between two changes is shown as part of
 * both (so "Tết sum vầy" rewritten as "Xuân ơn Đảng" is one deletion and one
 * insertion, not three of each), and deletions come before insertions.
 */
function tidy(runs: readonly DiffRun[]): DiffRun[] {
  const out: DiffRun[] = [];
  for (let i = 0; i < runs.length; i++) {
    const run = runs[i] as DiffRun;
    const changedAround = i > 0 && i < runs.length - 1 && runs[i - 1]?.op !== 'equal' && runs[i + 1]?.op !== 'equal';
    if (run.op === 'equal' && changedAround && /^\s+$/u.test(run.text)) {
      push(out, 'delete', run.text);
      push(out, 'insert', run.text);
    } else push(out, run.op, run.text);
  }
  // Bring each change's deletions before its insertions.
  const sorted: DiffRun[] = [];
  let change: DiffRun[] = [];
  const flush = (): void => {
    for (const op of ['delete', 'insert'] as const) push(sorted, op, change.filter((r) => r.op === op).map((r) => r.text).join(''));
    change = [];
  };
  for (const run of out) {
    if (run.op === 'equal') {
      flush();
      push(sorted, 'equal', run.text);
    } else change.push(run);
  }
  flush();
  return sorted;
}

/** Word-level diff of a and b: runs that spell a (equal + delete) and b (equal + insert). */
export function diffWords(a: string, b: string): DiffRun[] {
  const left = diffTokens(a);
  const right = diffTokens(b);
  // Most revisions change little: the shared opening and ending need no diff.
  let start = 0;
  while (start < left.length && start < right.length && left[start] === right[start]) start++;
  let end = 0;
  while (end < left.length - start && end < right.length - start && left[left.length - 1 - end] === right[right.length - 1 - end]) end++;

  const runs: DiffRun[] = [];
  push(runs, 'equal', left.slice(0, start).join(''));
  for (const chunk of diffComm(left.slice(start, left.length - end), right.slice(start, right.length - end))) {
    if (chunk.common) push(runs, 'equal', chunk.common.join(''));
    else {
      push(runs, 'delete', chunk.buffer1.join(''));
      push(runs, 'insert', chunk.buffer2.join(''));
    }
  }
  push(runs, 'equal', left.slice(left.length - end).join(''));
  return tidy(runs);
}

/** The runs of each side, for showing two texts side by side: a's without insertions, b's without deletions. */
export function sidesOf(runs: readonly DiffRun[]): { a: DiffRun[]; b: DiffRun[] } {
  return { a: runs.filter((run) => run.op !== 'insert'), b: runs.filter((run) => run.op !== 'delete') };
}

/** The text of one side of a diff. */
export function textOf(runs: readonly DiffRun[], side: 'a' | 'b'): string {
  return runs
    .filter((run) => run.op === 'equal' || run.op === (side === 'a' ? 'delete' : 'insert'))
    .map((run) => run.text)
    .join('');
}
