// Blocks merged by id. A parent's children (the body's blocks, a list's items,
// the lists nested in an item) are lined up by their ids; each block that both
// sides kept is merged field by field, its text by ./inline. A block that
// cannot be merged stays as mine (or as the side that kept it) and becomes a
// conflict carrying all three versions.
import { blockIdOf, type BlockNode, type IdentifiedNode, type InlineNode, type ListItemNode, type ListNode } from '../story';
import { mergeInline } from './inline';
import { mergeOrder } from './order';
import { sameJson } from '../story/same-json';
import { mergeText } from './text';
import type { BlockConflict } from './types';

/** Merges one node both sides kept; null when it cannot (the caller keeps mine and records a conflict). */
type NodeMerger<N> = (base: N | null, mine: N, theirs: N, conflicts: BlockConflict[]) => N | null;

function idOf(node: IdentifiedNode): string {
  const id = blockIdOf(node);
  if (id === undefined) throw new Error('A merged body must have block ids (withBlockIds)');
  return id;
}

/**
 * Three-way merge of a node's own fields (all but `children` and `ignored`):
 * a field changed on one side takes that side; changed on both, differently, fails.
 */
function mergeFields<N extends object>(base: N, mine: N, theirs: N, ignored: readonly string[] = []): Partial<N> | null {
  const b = base as Record<string, unknown>;
  const m = mine as Record<string, unknown>;
  const t = theirs as Record<string, unknown>;
  const merged: Record<string, unknown> = {};
  for (const key of new Set([...Object.keys(m), ...Object.keys(t), ...Object.keys(b)])) {
    if (key === 'children' || ignored.includes(key)) continue;
    let value: unknown;
    if (sameJson(m[key], t[key]) || sameJson(b[key], t[key])) value = m[key];
    else if (sameJson(b[key], m[key])) value = t[key];
    else return null;
    if (value !== undefined) merged[key] = value;
  }
  return merged as Partial<N>;
}

/** Who changed what, before any real work: most blocks were touched by one side at most. */
function trivialMerge<N>(base: N | null, mine: N, theirs: N): N | null {
  if (sameJson(mine, theirs)) return mine;
  if (base === null) return null;
  if (sameJson(base, theirs)) return mine;
  if (sameJson(base, mine)) return theirs;
  return null;
}

/** The children of one parent, merged by id; conflicts are appended to `conflicts`. */
export function mergeChildren<N extends IdentifiedNode>(
  parentId: string | null,
  base: readonly N[],
  mine: readonly N[],
  theirs: readonly N[],
  mergeNode: NodeMerger<N>,
  conflicts: BlockConflict[],
): N[] {
  const byId = (nodes: readonly N[]): Map<string, N> => new Map(nodes.map((node) => [idOf(node), node]));
  const [baseNodes, mineNodes, theirsNodes] = [byId(base), byId(mine), byId(theirs)];
  const merged = new Map<string, N>();
  const conflict = (id: string, reason: 'both-edited' | 'mine-deleted' | 'theirs-deleted' | 'both-added'): void => {
    const pick = (nodes: Map<string, N>): N | null => nodes.get(id) ?? null;
    conflicts.push({ kind: 'block', blockId: id, parentId, reason, base: pick(baseNodes), mine: pick(mineNodes), theirs: pick(theirsNodes) });
  };

  for (const id of new Set([...mineNodes.keys(), ...theirsNodes.keys()])) {
    const b = baseNodes.get(id) ?? null;
    const m = mineNodes.get(id);
    const t = theirsNodes.get(id);
    if (m !== undefined && t !== undefined) {
      const node = mergeNode(b, m, t, conflicts);
      if (node === null) conflict(id, b === null ? 'both-added' : 'both-edited');
      merged.set(id, node ?? m);
    } else {
      const kept = (m ?? t) as N;
      // Deleted on one side: gone, unless the other side changed it (then its text stays).
      if (b !== null && sameJson(b, kept)) continue;
      if (b !== null) conflict(id, m === undefined ? 'mine-deleted' : 'theirs-deleted');
      merged.set(id, kept);
    }
  }

  const ids = (nodes: readonly N[]): string[] => nodes.map(idOf);
  const theirsIds = ids(theirs);
  const { order, movedByBoth } = mergeOrder(ids(base), ids(mine), theirsIds, (id) => merged.has(id));
  for (const id of movedByBoth) {
    let after: string | null = null;
    for (let k = theirsIds.indexOf(id) - 1; k >= 0 && after === null; k--) {
      const candidate = theirsIds[k] as string;
      if (merged.has(candidate)) after = candidate;
    }
    const pick = (nodes: Map<string, N>): N | null => nodes.get(id) ?? null;
    conflicts.push({
      kind: 'block', blockId: id, parentId, reason: 'both-moved', theirsAfter: after,
      base: pick(baseNodes), mine: pick(mineNodes), theirs: pick(theirsNodes),
    });
  }
  return order.map((id) => merged.get(id) as N);
}

/** A list item's own text and the lists nested in it; null when a nested list sits between its words. */
function itemParts(item: ListItemNode): { inline: InlineNode[]; lists: ListNode[] } | null {
  const firstList = item.children.findIndex((child) => child.type === 'list');
  if (firstList < 0) return { inline: item.children as InlineNode[], lists: [] };
  const inline = item.children.slice(0, firstList);
  const rest = item.children.slice(firstList);
  if (inline.some((child) => child.type === 'list') || rest.some((child) => child.type !== 'list')) return null;
  return { inline: inline as InlineNode[], lists: rest as ListNode[] };
}

const mergeListItem: NodeMerger<ListItemNode> = (base, mine, theirs, conflicts) => {
  const trivial = trivialMerge(base, mine, theirs);
  if (trivial !== null || base === null) return trivial;
  const [b, m, t] = [itemParts(base), itemParts(mine), itemParts(theirs)];
  if (b === null || m === null || t === null) return null;
  // The value is the item's number, which inserts above it change; lexicalForm renumbers the list.
  const fields = mergeFields(base, mine, theirs, ['value']);
  const inline = mergeInline(b.inline, m.inline, t.inline);
  if (fields === null || inline === null) return null;
  const lists = mergeChildren(idOf(mine), b.lists, m.lists, t.lists, mergeList, conflicts);
  return { ...fields, value: mine.value, children: [...inline, ...lists] } as ListItemNode;
};

const mergeList: NodeMerger<ListNode> = (base, mine, theirs, conflicts) => {
  const trivial = trivialMerge(base, mine, theirs);
  if (trivial !== null || base === null) return trivial;
  const fields = mergeFields(base, mine, theirs);
  if (fields === null) return null;
  const items = mergeChildren(idOf(mine), base.children, mine.children, theirs.children, mergeListItem, conflicts);
  return { ...fields, children: items } as ListNode;
};

const TEXT_BLOCKS = new Set(['paragraph', 'heading', 'quote']);
const FIGURE_TEXTS = ['caption', 'alt', 'credit'] as const;

/** Merges one block of the body (see mergeChildren). */
export const mergeBlock: NodeMerger<BlockNode> = (base, mine, theirs, conflicts) => {
  const trivial = trivialMerge(base, mine, theirs);
  if (trivial !== null || base === null) return trivial;
  if (TEXT_BLOCKS.has(base.type) && TEXT_BLOCKS.has(mine.type) && TEXT_BLOCKS.has(theirs.type)) {
    if (!('children' in base && 'children' in mine && 'children' in theirs)) return null;
    // A paragraph turned into a heading on one side keeps the other side's edits to its words.
    const fields = mergeFields(base, mine, theirs);
    const children = mergeInline(base.children as InlineNode[], mine.children as InlineNode[], theirs.children as InlineNode[]);
    return fields === null || children === null ? null : ({ ...fields, children } as BlockNode);
  }
  if (base.type === 'list' && mine.type === 'list' && theirs.type === 'list') return mergeList(base, mine, theirs, conflicts);
  if (base.type === 'figure' && mine.type === 'figure' && theirs.type === 'figure') {
    const fields = mergeFields(base, mine, theirs, FIGURE_TEXTS);
    if (fields === null) return null;
    const merged = { ...mine, ...fields };
    for (const key of FIGURE_TEXTS) {
      const text = mergeText(base[key], mine[key], theirs[key]);
      if (text === null) return null;
      merged[key] = text;
    }
    return merged;
  }
  // Related stories are one choice of links, and a block whose kind changed on one side is another block.
  return null;
};
