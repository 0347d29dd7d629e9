// Three-way merge of story bodies.
import { sequentialBlockIds, withBlockIds, type BlockNode, type StoryBody } from '../story';
import { mergeBlock, mergeChildren } from './blocks';
import { sameJson } from './same';
import type { BlockConflict } from './types';

export interface BodyMerge {
  merged: StoryBody;
  conflicts: BlockConflict[];
}

/**
 * Bodies stored before block ids existed get the ids every desk gives them on
 * load (b1, b2... in reading order), so an old base still lines up with copies
 * that were loaded, given ids and edited.
 */
function identified(body: StoryBody): StoryBody {
  return withBlockIds(body, sequentialBlockIds());
}

/**
 * Merges two bodies that both started from `base`. Pure and deterministic.
 * Blocks are lined up by id; see ./blocks for what merges and what conflicts.
 */
export function mergeBodies(base: StoryBody, mine: StoryBody, theirs: StoryBody): BodyMerge {
  const [b, m, t] = [identified(base), identified(mine), identified(theirs)];
  if (sameJson(b, t) || sameJson(m, t)) return { merged: m, conflicts: [] };
  if (sameJson(b, m)) return { merged: t, conflicts: [] };

  const conflicts: BlockConflict[] = [];
  const children = mergeChildren<BlockNode>(null, b.root.children, m.root.children, t.root.children, mergeBlock, conflicts);
  // The root's own fields (direction, indent) mean nothing to a reader: a change on either side is taken, mine first.
  const { children: _children, ...rootFields } = sameJson({ ...b.root, children: [] }, { ...m.root, children: [] }) ? t.root : m.root;
  // A block moved from one parent to another (into a list) can be kept at both
  // places; the later copy gets a new id so that ids stay unique.
  const merged = withBlockIds({ root: { ...rootFields, children } }, sequentialBlockIds('m'));
  return { merged, conflicts };
}
