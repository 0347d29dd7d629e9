// What the desk does around core's merge, checked with fast-check on generated
// Vietnamese stories and edits (the merge's own properties are in
// merge.property.test.ts):
// - merged from what both share (no base kept), no word of either side is lost:
//   each is in the result or in a recorded conflict;
// - every conflict settled "giữ cả hai", in any order, leaves every word of
//   both sides in the story (a section or slug is one name: "both" keeps mine),
//   and a story the schema accepts, every block with its own id.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commonBase, mergeStoryContent, settleConflict, type MergeConflict } from '../../core/merge';
import { hasBlockIds, inlineText, sequentialBlockIds, storyContent, type InlineNode, type StoryContent } from '../../core/story';
import { applyEdits, edits, story } from '../helpers/merge-arbitraries';
import { fuzzSettings, FUZZ_TIMEOUT } from '../helpers/fuzz-settings';

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const INLINE_TYPES = new Set(['text', 'link', 'linebreak']);
const TEXT_KEYS = new Set(['caption', 'alt', 'credit', 'title']);

/** Every text a reader could read in a JSON value, a block's inline nodes read as one text. */
function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'children' && Array.isArray(child)) {
        out.push(inlineText(child.filter((c: { type?: string }) => INLINE_TYPES.has(c.type ?? '')) as InlineNode[]));
        textsIn(child.filter((c: { type?: string }) => !INLINE_TYPES.has(c.type ?? '')), out);
      } else if (typeof child === 'string') {
        if (TEXT_KEYS.has(key)) out.push(child);
      } else textsIn(child, out);
    }
  }
  return out;
}

const wordsIn = (...values: unknown[]): Set<string> => new Set(values.flatMap((value) => textsIn(value)).flatMap((text) => text.match(WORD) ?? []));
/** The words a reader reads in a story, names (section, slug) left out. */
const textWords = (c: StoryContent): Set<string> => wordsIn(c.headline, c.sapo, c.byline, c.tags, c.related, c.body);
/** The words a conflict holds for a choice: not a name's, nor a move's (a block moved by both has one text, the merged one). */
const conflictWords = (conflicts: readonly MergeConflict[]): Set<string> =>
  wordsIn(
    conflicts
      .filter((c) => (c.kind === 'block' ? c.reason !== 'both-moved' : c.field !== 'section' && c.field !== 'slug'))
      .map((c) => [c.mine, c.theirs]),
  );
const missing = (words: Set<string>, ...in_: Array<Set<string>>): string[] => [...words].filter((word) => !in_.some((set) => set.has(word)));

const apart = fc.tuple(story, edits, edits).map(([base, mineEdits, theirsEdits]) => ({
  mine: applyEdits(base, mineEdits, 'm'),
  theirs: applyEdits(base, theirsEdits, 't'),
}));

describe('merging without a base', () => {
  it(
    'loses no word of either side when the base is what both share',
    () => {
      fc.assert(
        fc.property(apart, ({ mine, theirs }) => {
          const { merged, conflicts } = mergeStoryContent(commonBase(mine, theirs), mine, theirs);
          const kept = [textWords(merged), conflictWords(conflicts)];
          expect(missing(textWords(mine), ...kept)).toEqual([]);
          expect(missing(textWords(theirs), ...kept)).toEqual([]);
        }),
        fuzzSettings(300, 20_250_321),
      );
    },
    FUZZ_TIMEOUT,
  );
});

describe('settling every conflict "giữ cả hai"', () => {
  it(
    'keeps every word of both sides in the story, which stays valid with unique block ids',
    () => {
      fc.assert(
        fc.property(
          fc.tuple(story, edits, edits).map(([base, m, t]) => ({ base, mine: applyEdits(base, m, 'm'), theirs: applyEdits(base, t, 't') })),
          fc.boolean(),
          ({ base, mine, theirs }, backwards) => {
            const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
            const expected = new Set([...textWords(merged), ...conflictWords(conflicts)]);
            const order = backwards ? [...conflicts].reverse() : conflicts;
            const newId = sequentialBlockIds('s');
            const settled = order.reduce((content, conflict) => settleConflict(content, conflict, 'both', newId), merged);
            expect(missing(expected, textWords(settled))).toEqual([]);
            expect(storyContent.safeParse(settled).success).toBe(true);
            expect(hasBlockIds(settled.body)).toBe(true);
          },
        ),
        fuzzSettings(300, 20_250_322),
      );
    },
    FUZZ_TIMEOUT,
  );
});
