// The three-way merge of issue 11 at newsroom size: two copies of a story of
// 10,000 words (syllables), each with 50 edits made apart (words typed,
// replaced and deleted, a few paragraphs added, deleted and moved), merged
// with their common base. Also times the word-level diff of the two copies,
// what the history view shows. Target: merge ≤ 50 ms. Writes bench/results/merge.json.
import { mergeStoryContent } from '../../core/merge';
import { diffStoryTexts } from '../../core/story/compare';
import { nodes, randomBlockId, sequentialBlockIds, withBlockId, withBlockIds, type BlockNode, type StoryContent } from '../../core/story';
import { countWords } from '../../core/text';
import { sampleLines } from '../helpers/db-story-content';
import { percentile, round, writeResult } from './stats';

const STORY_WORDS = Number(process.env.BENCH_STORY_WORDS ?? 10_000);
const EDITS_PER_SIDE = Number(process.env.BENCH_MERGE_EDITS ?? 50);
const RUNS = 40;
const WARMUP = 5;
const TARGET_MS = 50;

/** mulberry32: the same "random" edits on every run, so figures compare across runs. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

function longStory(): StoryContent {
  const { paragraphs, headlines } = sampleLines();
  const blocks: BlockNode[] = [];
  let words = 0;
  for (let i = 0; words < STORY_WORDS; i++) {
    if (i % 8 === 7) blocks.push(nodes.heading('h2', nodes.inlineFromText(headlines[i % headlines.length] as string)));
    const text = paragraphs[i % paragraphs.length] as string;
    blocks.push(nodes.paragraph(nodes.inlineFromText(text)));
    words += countWords(text);
  }
  return {
    headline: headlines[0] ?? 'Bài dài',
    sapo: paragraphs[0] ?? '',
    byline: 'H.Phong',
    section: 'Công đoàn',
    tags: ['công đoàn', 'Hai Bà Trưng'],
    slug: '',
    related: [],
    body: withBlockIds(nodes.bodyOf(blocks), sequentialBlockIds()),
  };
}

/** The story with `count` edits as a writer makes them: mostly words, now and then a whole paragraph. */
function edited(base: StoryContent, count: number, random: () => number, vocabulary: readonly string[]): StoryContent {
  const blocks = structuredClone(base.body.root.children);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const word = (): string => pick(vocabulary);
  for (let n = 0; n < count; n++) {
    const kind = random();
    const at = Math.floor(random() * blocks.length);
    const block = blocks[at];
    if (kind < 0.85 && block !== undefined && (block.type === 'paragraph' || block.type === 'heading')) {
      const text = block.children.map((child) => (child.type === 'text' ? child.text : '')).join('');
      const words = text.split(' ');
      const i = Math.floor(random() * words.length);
      if (kind < 0.4) words.splice(i, 0, word(), word());
      else if (kind < 0.7) words.splice(i, 1, word());
      else words.splice(i, 1);
      block.children = nodes.inlineFromText(words.join(' '));
    } else if (kind < 0.92) {
      blocks.splice(at, 0, withBlockId(nodes.paragraph(nodes.inlineFromText(Array.from({ length: 30 }, word).join(' '))), randomBlockId()));
    } else if (kind < 0.96) {
      blocks.splice(at, 1);
    } else {
      const [moved] = blocks.splice(at, 1);
      if (moved) blocks.splice(Math.floor(random() * blocks.length), 0, moved);
    }
  }
  return { ...base, body: { root: { ...base.body.root, children: blocks } } };
}

function summary(samples: readonly number[]): { runs: number; p50Ms: number; p95Ms: number; maxMs: number } {
  return { runs: samples.length, p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), maxMs: round(Math.max(...samples)) };
}

function time(run: () => unknown): number[] {
  for (let i = 0; i < WARMUP; i++) run();
  const samples: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    run();
    samples.push(performance.now() - start);
  }
  return samples;
}

/** The base story and the two copies the benchmark merges: the same on every run. */
export function mergeInputs(): { base: StoryContent; mine: StoryContent; theirs: StoryContent } {
  const base = longStory();
  const vocabulary = sampleLines().paragraphs.flatMap((line) => line.split(' '));
  return { base, mine: edited(base, EDITS_PER_SIDE, seeded(1101), vocabulary), theirs: edited(base, EDITS_PER_SIDE, seeded(1102), vocabulary) };
}

export async function benchMerge(): Promise<object> {
  const { base, mine, theirs } = mergeInputs();
  const { conflicts } = mergeStoryContent(base, mine, theirs);
  const merge = summary(time(() => mergeStoryContent(base, mine, theirs)));
  const diff = summary(time(() => diffStoryTexts(mine, theirs)));
  const result = {
    story: { words: STORY_WORDS, blocks: base.body.root.children.length, editsPerSide: EDITS_PER_SIDE, conflicts: conflicts.length },
    merge,
    wordDiff: diff,
    targets: { mergeP50Ms: TARGET_MS },
    met: { merge: merge.p50Ms <= TARGET_MS },
  };
  writeResult('merge', result);
  return result;
}
