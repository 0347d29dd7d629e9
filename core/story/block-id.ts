// Every block of a body (paragraph, heading, quote, list, list item, figure,
// related stories) carries an id, so that two versions of a story can be
// lined up block by block (core/merge) whatever was typed, moved or deleted.
//
// The id lives in Lexical's NodeState, which Lexical serializes under "$" in the
// node's JSON: { "type": "paragraph", ..., "$": { "blockId": "Vq3xT0bKp2" } }.
// Lexical's own nodes keep it through exportJSON/importJSON without subclassing.
//
// The rules:
// - An id is unique within its story; it says nothing across stories.
// - Edits keep the id. A block split in two keeps its id for the first half and
//   the second half gets a new one; two blocks joined keep the first one's id.
// - Copy and paste inside a story: a pasted block whose id is already in the
//   story gets a new id (the older block keeps its own). Cut and paste keeps the
//   id, since the original is gone by the time the copy lands. (Pasted into the
//   middle of a line, Lexical joins the first pasted paragraph to that line: its
//   text then lives on under that block's id, as typed text would.)
// - A pasted HTML page carries no ids; its blocks get new ones.
// - Stories stored before ids existed get them when they are loaded
//   (withBlockIds with sequentialBlockIds, so that every desk names the blocks
//   of an old story alike and their versions still line up); blocks typed in the
//   editor get random ids (randomBlockId), so two desks never mint the same one.
import { storyBody, type BlockNode, type ListItemNode, type ListNode, type StoryBody } from './body';

export { BLOCK_ID_PATTERN, blockId, blockState, type BlockState } from './block-state';

/** A node that can carry a block id. */
export type IdentifiedNode = BlockNode | ListItemNode;

/** A function that mints a new block id; called only for blocks that need one. */
export type NewBlockId = () => string;

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const RANDOM_ID_LENGTH = 10;

/**
 * Ten random letters and digits (about 59 bits): ids minted on two desks while
 * apart must not meet. Uses Web Crypto, which Node, browsers and Electron share.
 */
export function randomBlockId(): string {
  const bytes = new Uint8Array(RANDOM_ID_LENGTH);
  globalThis.crypto.getRandomValues(bytes);
  let id = '';
  // 248 = 4 * 62: bytes at or above it would favour the first letters, so they are drawn again.
  for (let i = 0; i < bytes.length; i++) {
    let byte = bytes[i] ?? 0;
    while (byte >= 248) byte = globalThis.crypto.getRandomValues(new Uint8Array(1))[0] ?? 0;
    id += ALPHABET[byte % 62];
  }
  return id;
}

/** b1, b2, b3...: deterministic ids, for imports and for the first load of an old story. */
export function sequentialBlockIds(prefix = 'b'): NewBlockId {
  let next = 1;
  return () => `${prefix}${next++}`;
}

export function blockIdOf(node: IdentifiedNode): string | undefined {
  return node.$?.blockId;
}

/** The node with its id set (a copy; the node itself is not changed). */
export function withBlockId<N extends IdentifiedNode>(node: N, id: string): N {
  return { ...node, $: { ...node.$, blockId: id } };
}

/** Calls visit for every block and list item, in reading order, parents before children. */
export function forEachBlock(body: StoryBody, visit: (node: IdentifiedNode) => void): void {
  const walkList = (list: ListNode): void => {
    visit(list);
    for (const item of list.children) {
      visit(item);
      for (const child of item.children) if (child.type === 'list') walkList(child);
    }
  };
  for (const block of body.root.children) {
    if (block.type === 'list') walkList(block);
    else visit(block);
  }
}

/** True when every block and list item has an id and no id is used twice. */
export function hasBlockIds(body: StoryBody): boolean {
  const seen = new Set<string>();
  let ok = true;
  forEachBlock(body, (node) => {
    const id = blockIdOf(node);
    if (id === undefined || seen.has(id)) ok = false;
    else seen.add(id);
  });
  return ok;
}

/**
 * The body with an id on every block and list item: a missing id, and the later
 * of two equal ids, get one from newId (ids already in use are skipped). A body
 * that already has them is returned as it is, so this is idempotent and cheap
 * to call on every load.
 */
export function withBlockIds(body: StoryBody, newId: NewBlockId): StoryBody {
  if (hasBlockIds(body)) return body;
  const used = new Set<string>();
  forEachBlock(body, (node) => {
    const id = blockIdOf(node);
    if (id !== undefined) used.add(id);
  });
  const seen = new Set<string>();
  const fresh = (): string => {
    let id = newId();
    while (used.has(id)) id = newId();
    used.add(id);
    return id;
  };
  const identify = <N extends IdentifiedNode>(node: N): N => {
    const id = blockIdOf(node);
    if (id !== undefined && !seen.has(id)) {
      seen.add(id);
      return node;
    }
    const next = fresh();
    seen.add(next);
    return withBlockId(node, next);
  };
  const list = (node: ListNode): ListNode => ({
    ...identify(node),
    children: node.children.map(listItem),
  });
  const listItem = (node: ListItemNode): ListItemNode => ({
    ...identify(node),
    children: node.children.map((child) => (child.type === 'list' ? list(child) : child)),
  });
  const children = body.root.children.map((block): BlockNode => (block.type === 'list' ? list(block) : identify(block)));
  return { root: { ...body.root, children } };
}

/**
 * The body as every desk loads it: an old story's blocks named b1, b2... in
 * reading order, alike on every desk, so that their versions still line up.
 */
export function withLoadedBlockIds(body: StoryBody): StoryBody {
  return withBlockIds(body, sequentialBlockIds());
}

/** The body without block ids: what a body looked like before ids existed. */
export function withoutBlockIds(body: StoryBody): StoryBody {
  const strip = <N extends IdentifiedNode>(node: N): N => {
    const { $: _state, ...rest } = node;
    return rest as N;
  };
  const list = (node: ListNode): ListNode => ({ ...strip(node), children: node.children.map(listItem) });
  const listItem = (node: ListItemNode): ListItemNode => ({
    ...strip(node),
    children: node.children.map((child) => (child.type === 'list' ? list(child) : child)),
  });
  return { root: { ...body.root, children: body.root.children.map((b): BlockNode => (b.type === 'list' ? list(b) : strip(b))) } };
}

/** A body as it is after loading: every block and list item has an id, none twice. */
export const identifiedStoryBody = storyBody.refine(hasBlockIds, {
  message: 'Mỗi khối của bài phải có một mã khối riêng',
});
