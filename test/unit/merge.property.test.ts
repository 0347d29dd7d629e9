// The properties every merge of two copies of a story must have (issue 11),
// checked with fast-check on generated Vietnamese stories and edits:
// - merge(b, x, b) = x and merge(b, b, y) = y;
// - the result does not depend on which copy is "mine", apart from the order
//   of blocks both sides inserted at one place (and the side shown until a
//   conflict is settled);
// - every word either side typed is in the result or in a recorded conflict;
// - every result is a valid story and survives the Lexical round trip.
//
// CI runs a fixed seed. FUZZ_RUNS=<n> runs each property n times with a random
// seed (npm run fuzz); FUZZ_SEED=<seed> replays a failure fast-check reported.
import { createHeadlessEditor } from '@lexical/headless';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeStoryContent, type MergeConflict, type StoryMerge } from '../../core/merge';
import {
  blockIdOf,
  forEachBlock,
  identifiedStoryBody,
  storyContent,
  inlineText,
  type IdentifiedNode,
  type InlineNode,
  type StoryBody,
  type StoryContent,
} from '../../core/story';
import { NEWS_NODES } from '../../core/story/lexical-nodes';
import { movedIds } from '../../core/merge/order';
import { applyEdits, edits, story } from '../helpers/merge-arbitraries';
import { fuzzSettings, FUZZ_TIMEOUT } from '../helpers/fuzz-settings';

const settings = fuzzSettings;
const TIMEOUT = FUZZ_TIMEOUT;

/** A base and two copies edited apart from it. */
interface Triple {
  base: StoryContent;
  mine: StoryContent;
  theirs: StoryContent;
}
const triple: fc.Arbitrary<Triple> = fc
  .tuple(story, edits, edits)
  .map(([base, mineEdits, theirsEdits]) => ({ base, mine: applyEdits(base, mineEdits, 'm'), theirs: applyEdits(base, theirsEdits, 't') }));

const WORD = /[\p{L}\p{M}\p{N}]+/gu;
const TEXT_KEYS = new Set(['caption', 'alt', 'credit', 'title']);
const INLINE_TYPES = new Set(['text', 'link', 'linebreak']);

/**
 * Every text a reader could read in a JSON value (a body, a node, a field). A
 * block's inline nodes are read as one text, as a reader sees them: "Đề" in one
 * text node followed by "LĐLĐ" in the next is the word "ĐềLĐLĐ".
 */
function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value);
  else if (Array.isArray(value)) for (const item of value) textsIn(item, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'children' && Array.isArray(child)) {
        const inline = child.filter((c: { type?: string }) => INLINE_TYPES.has(c.type ?? '')) as InlineNode[];
        out.push(inlineText(inline));
        textsIn(child.filter((c: { type?: string }) => !INLINE_TYPES.has(c.type ?? '')), out);
      } else if (typeof child === 'string') {
        if (TEXT_KEYS.has(key)) out.push(child);
      } else textsIn(child, out);
    }
  }
  return out;
}

function wordsIn(...values: unknown[]): Set<string> {
  return new Set(values.flatMap((value) => textsIn(value)).flatMap((text) => text.match(WORD) ?? []));
}

const storyWords = (content: StoryContent): Set<string> =>
  wordsIn(content.headline, content.sapo, content.byline, content.section, content.tags, content.related, content.body);
const conflictWords = (conflicts: readonly MergeConflict[]): Set<string> => wordsIn(conflicts.map((c) => [c.mine, c.theirs]));

function throughLexical(body: StoryBody): unknown {
  // The editor never holds an empty root (it starts an empty story with a paragraph); there is nothing to carry.
  if (body.root.children.length === 0) return body;
  const editor = createHeadlessEditor({
    namespace: 'newsdesk-test',
    nodes: NEWS_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

/** Where each block and list item sits: its parent (null for the body) and its parent's child ids. */
function placesOf(body: StoryBody): { parentOf: Map<string, string | null>; childIds: Map<string | null, string[]> } {
  const childIds = new Map<string | null, string[]>([[null, body.root.children.map((b) => blockIdOf(b) ?? '')]]);
  forEachBlock(body, (node) => {
    const id = blockIdOf(node) ?? '';
    if (node.type === 'list') childIds.set(id, node.children.map((item) => blockIdOf(item) ?? ''));
    if (node.type === 'listitem') childIds.set(id, node.children.flatMap((c) => (c.type === 'list' ? [blockIdOf(c) ?? ''] : [])));
  });
  const parentOf = new Map<string, string | null>();
  for (const [parent, ids] of childIds) for (const id of ids) parentOf.set(id, parent);
  return { parentOf, childIds };
}

/**
 * What must not depend on the order of mine and theirs. The body is read as
 * its run of blocks and list items, the lists around items left out: two lists
 * of one kind that end up side by side are one list for the editor (see
 * lexicalForm), and whether blocks inserted at one place bring two lists
 * together depends on that order. Conflicted blocks and fields are masked (each run
 * shows its own "mine" there), blocks moved by both left out, list numbers
 * dropped, and whatever either side inserted or moved is sorted between two
 * blocks that stayed in their place on both sides.
 */
function comparable(result: StoryMerge, { base, mine, theirs }: Triple): unknown {
  // Blocks in conflict and blocks both moved are left out with all they hold: the conflicts are compared on their own.
  const idsIn = (value: unknown): string[] => [...JSON.stringify(value).matchAll(/"blockId":"([^"]+)"/g)].map((match) => match[1] ?? '');
  const masked = new Set<string>();
  const movedByBoth = new Set<string>();
  const fields = new Set<string>();
  for (const c of result.conflicts) {
    if (c.kind === 'field') fields.add(c.field);
    else for (const id of [c.blockId, ...idsIn([c.base, c.mine, c.theirs])]) (c.reason === 'both-moved' ? movedByBoth : masked).add(id);
  }
  const known = new Set(idsIn([base.body, mine.body, theirs.body]));
  const [b, m, t] = [placesOf(base.body), placesOf(mine.body), placesOf(theirs.body)];
  // In its place: kept in its base order and parent by both sides, and its parent in its place too.
  const inPlace = new Set<string>();
  for (const [parent, ids] of b.childIds) {
    const moved = new Set([...movedIds(ids, m.childIds.get(parent) ?? []), ...movedIds(ids, t.childIds.get(parent) ?? [])]);
    for (const id of ids) {
      const stays = (side: typeof m): boolean => side.parentOf.get(id) === parent || !side.parentOf.has(id);
      if (!moved.has(id) && stays(m) && stays(t)) inPlace.add(id);
    }
  }
  const stable = new Set<string>();
  forEachBlock(base.body, (node) => {
    const id = blockIdOf(node) ?? '';
    const parent = b.parentOf.get(id) ?? null;
    if (inPlace.has(id) && (parent === null || stable.has(parent))) stable.add(id);
  });
  const leaves: Array<{ id: string; leaf: unknown }> = [];
  const visit = (n: IdentifiedNode, listType: string | null): void => {
    const id = blockIdOf(n) ?? '';
    // Left out too: a block in the merge twice, in two versions (a conflict's), whose later copy was renamed.
    const leftOut = movedByBoth.has(id) || masked.has(id) || !known.has(id);
    if (n.type === 'list') {
      for (const item of n.children) visit(item, n.listType);
    } else if (n.type === 'listitem') {
      const { value: _value, children, ...item } = n;
      if (!leftOut) leaves.push({ id, leaf: { ...item, listType, children: children.filter((c) => c.type !== 'list') } });
      for (const child of children) if (child.type === 'list') visit(child, null);
    } else if (!leftOut) leaves.push({ id, leaf: n });
  };
  for (const block of result.merged.body.root.children) visit(block, null);

  const body: unknown[] = [];
  let floating: unknown[] = [];
  const flush = (): void => {
    body.push(...floating.sort((x, y) => JSON.stringify(x).localeCompare(JSON.stringify(y))));
    floating = [];
  };
  for (const { id, leaf } of leaves) {
    if (stable.has(id)) {
      flush();
      body.push(leaf);
    } else floating.push(leaf);
  }
  flush();
  const meta = Object.fromEntries(
    (['headline', 'sapo', 'byline', 'section', 'slug', 'tags', 'related'] as const).map((field) => {
      const value = result.merged[field];
      return [field, fields.has(field) ? 'conflict' : Array.isArray(value) ? [...value].sort() : value];
    }),
  );
  return { ...meta, body };
}

/** The conflicts as the other side would see them: mine and theirs swapped. */
function swapped(conflicts: readonly MergeConflict[]): string[] {
  const SWAP: Record<string, string> = { 'mine-deleted': 'theirs-deleted', 'theirs-deleted': 'mine-deleted' };
  return conflicts
    .map((c) =>
      c.kind === 'field'
        ? JSON.stringify([c.field, c.base, c.theirs, c.mine])
        : JSON.stringify([c.blockId, c.parentId, SWAP[c.reason] ?? c.reason, c.base, c.theirs, c.mine]),
    )
    .sort();
}
function asSeen(conflicts: readonly MergeConflict[]): string[] {
  return conflicts
    .map((c) => (c.kind === 'field' ? JSON.stringify([c.field, c.base, c.mine, c.theirs]) : JSON.stringify([c.blockId, c.parentId, c.reason, c.base, c.mine, c.theirs])))
    .sort();
}

describe('merge properties', () => {
  it(
    'merge(b, x, b) = x and merge(b, b, y) = y, with no conflict',
    () => {
      fc.assert(
        fc.property(triple, ({ base, mine, theirs }) => {
          expect(mergeStoryContent(base, mine, base)).toEqual({ merged: mine, conflicts: [] });
          expect(mergeStoryContent(base, base, theirs)).toEqual({ merged: theirs, conflicts: [] });
        }),
        settings(1_000, 11_01),
      );
    },
    TIMEOUT,
  );

  it(
    'does not depend on which copy is mine, apart from the order of blocks inserted at one place',
    () => {
      fc.assert(
        fc.property(triple, ({ base, mine, theirs }) => {
          const one = mergeStoryContent(base, mine, theirs);
          const other = mergeStoryContent(base, theirs, mine);
          expect(comparable(other, { base, mine: theirs, theirs: mine })).toEqual(comparable(one, { base, mine, theirs }));
          expect(asSeen(other.conflicts)).toEqual(swapped(one.conflicts));
        }),
        settings(1_500, 11_02),
      );
    },
    TIMEOUT,
  );

  it(
    'keeps every word either side typed, in the result or in a conflict',
    () => {
      fc.assert(
        fc.property(triple, ({ base, mine, theirs }) => {
          const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
          const kept = new Set([...storyWords(merged), ...conflictWords(conflicts)]);
          const before = storyWords(base);
          const typed = [...storyWords(mine), ...storyWords(theirs)].filter((word) => !before.has(word));
          expect(typed.filter((word) => !kept.has(word))).toEqual([]);
        }),
        settings(1_500, 11_03),
      );
    },
    TIMEOUT,
  );

  it(
    'gives a valid story that survives the Lexical round trip',
    () => {
      fc.assert(
        fc.property(triple, ({ base, mine, theirs }) => {
          const { merged } = mergeStoryContent(base, mine, theirs);
          expect(storyContent.safeParse(merged).error).toBeUndefined();
          expect(identifiedStoryBody.safeParse(merged.body).success).toBe(true);
          expect(throughLexical(merged.body)).toEqual(merged.body);
        }),
        settings(1_000, 11_04),
      );
    },
    TIMEOUT,
  );
});
