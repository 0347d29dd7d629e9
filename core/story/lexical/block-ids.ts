// Block ids inside a Lexical editor (the rules are in ../block-id). The id is
// NodeState, so Lexical's own paragraph, heading, quote and list nodes carry it
// through exportJSON/importJSON and the clipboard's JSON without subclasses.
import {
  $getRoot,
  $getState,
  $isDecoratorNode,
  $isElementNode,
  $setState,
  createState,
  RootNode,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $copyBlockFormatIndent } from '@lexical/selection';
import { BLOCK_ID_PATTERN, type NewBlockId } from '../block-id';

export const blockIdState = createState('blockId', {
  parse: (value: unknown): string => (typeof value === 'string' && BLOCK_ID_PATTERN.test(value) ? value : ''),
  // A node copied to split a block (Enter in the middle, a list split) is a new block.
  resetOnCopyNode: true,
});

/** The node's block id, or '' when it has none yet. */
export function $getBlockId(node: LexicalNode): string {
  return $getState(node, blockIdState);
}

export function $setBlockId<N extends LexicalNode>(node: N, id: string): N {
  return $setState(node, blockIdState, id);
}

/**
 * For $setBlocksType (a paragraph made a heading or a quote): Lexical builds a
 * new node, and this hands it the old one's id along with its alignment and
 * indent, so the block is still the same block to a merge.
 */
export function $copyBlockFormatIndentAndId(from: ElementNode, to: ElementNode): void {
  $copyBlockFormatIndent(from, to);
  const id = $getBlockId(from);
  if (id !== '') $setBlockId(to, id);
}

/** Blocks and list items in reading order: the nodes that carry an id. */
function $identifiedNodes(): LexicalNode[] {
  const nodes: LexicalNode[] = [];
  const visitList = (list: LexicalNode): void => {
    nodes.push(list);
    if (!$isListNode(list)) return;
    for (const item of list.getChildren()) {
      nodes.push(item);
      if ($isListItemNode(item)) for (const child of item.getChildren()) if ($isListNode(child)) visitList(child);
    }
  };
  for (const block of $getRoot().getChildren()) {
    if ($isListNode(block)) visitList(block);
    else if ($isElementNode(block) || $isDecoratorNode(block)) nodes.push(block);
  }
  return nodes;
}

/** Lexical mints keys from a counter, so the smaller key is the node that existed first. */
function olderOf(a: LexicalNode, b: LexicalNode): LexicalNode {
  return Number(a.getKey()) <= Number(b.getKey()) ? a : b;
}

/**
 * Gives an id to every block that has none and to the newer of two blocks that
 * share one (a paste of a copy). Returns how many ids it set.
 */
export function $assignBlockIds(newId: NewBlockId): number {
  const nodes = $identifiedNodes();
  const owner = new Map<string, LexicalNode>();
  for (const node of nodes) {
    const id = $getBlockId(node);
    if (id === '') continue;
    const current = owner.get(id);
    owner.set(id, current === undefined ? node : olderOf(current, node));
  }
  let assigned = 0;
  for (const node of nodes) {
    const id = $getBlockId(node);
    if (id !== '' && owner.get(id) === node) continue;
    let fresh = newId();
    while (owner.has(fresh)) fresh = newId();
    owner.set(fresh, node);
    $setBlockId(node, fresh);
    assigned++;
  }
  return assigned;
}

/**
 * Keeps every block of the editor identified while people type, split, join,
 * copy and paste. Returns the unregister function, as Lexical's register* do.
 */
export function registerBlockIds(editor: LexicalEditor, newId: NewBlockId): () => void {
  return editor.registerNodeTransform(RootNode, () => {
    $assignBlockIds(newId);
  });
}
