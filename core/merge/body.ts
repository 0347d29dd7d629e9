// Three-way merge of story bodies.
import {
  blockIdOf,
  lexicalForm,
  sequentialBlockIds,
  withBlockIds,
  withLoadedBlockIds,
  type BlockNode,
  type IdentifiedNode,
  type ListItemNode,
  type ListNode,
  type StoryBody,
} from '../story';
import { mergeBlock, mergeChildren } from './blocks';
import { sameJson } from '../story/same-json';
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
const identified = withLoadedBlockIds;

/**
 * A block both sides moved into different parents (two lists) is in the
 * merge twice. The same content twice is one block: the later copy goes. Two
 * different versions both stay, whole; withBlockIds renames the later one.
 * Returns the body itself when no block repeats.
 */
function withoutRepeatedBlocks(body: StoryBody): StoryBody {
  const seen = new Map<string, IdentifiedNode>();
  let dropped = false;
  /** 'first' for a block not seen before, 'same' for a copy of one, 'other' for another version of one. */
  const visit = (node: IdentifiedNode): 'first' | 'same' | 'other' => {
    const id = blockIdOf(node) ?? '';
    const first = seen.get(id);
    if (first === undefined) {
      seen.set(id, node);
      return 'first';
    }
    if (!sameJson(first, node)) return 'other';
    dropped = true;
    return 'same';
  };
  const children = <N extends IdentifiedNode>(nodes: readonly N[], inside: (node: N) => N): N[] =>
    nodes.flatMap((node) => {
      const seenAs = visit(node);
      return seenAs === 'same' ? [] : [seenAs === 'first' ? inside(node) : node];
    });
  const list = (node: ListNode): ListNode => ({ ...node, children: children(node.children, listItem) });
  const listItem = (item: ListItemNode): ListItemNode => {
    const lists = children(item.children.filter((child) => child.type === 'list'), list);
    return { ...item, children: [...item.children.filter((child) => child.type !== 'list'), ...lists] };
  };
  const blocks = children<BlockNode>(body.root.children, (block) => (block.type === 'list' ? list(block) : block));
  return dropped ? { root: { ...body.root, children: blocks } } : body;
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
  // Written as the editor writes it (lists renumbered, neighbouring lists of one
  // kind joined...), so that loading it changes nothing. A block moved from one
  // parent to another (into a list) can be kept at both places; the later copy
  // gets a new id so that ids stay unique.
  const formed = lexicalForm({ root: { ...rootFields, children } });
  const single = withoutRepeatedBlocks(formed);
  const merged = withBlockIds(single === formed ? formed : lexicalForm(single), sequentialBlockIds('m'));
  return { merged, conflicts };
}
