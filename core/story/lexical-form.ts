// A body as Lexical 0.52 writes it back after loading it. The editor tidies a
// body as it loads: it joins neighbouring text runs of one format, joins two
// neighbouring lists of one kind, numbers list items, and writes a paragraph's
// text format from its first words. Bodies written by the editor are already
// so; a body put together elsewhere (a merge, an import) must be too, or the
// first load in the editor changes it and shows a change nobody made.
import type { BlockNode, InlineNode, ListItemNode, ListNode, ParagraphNode, StoryBody, TextNode } from './body';

// TextNode detail bit Lexical calls "unmergeable".
const UNMERGEABLE = 2;

function isSimpleText(node: InlineNode | ListNode): node is TextNode {
  return node.type === 'text' && node.mode === 'normal' && (node.detail & UNMERGEABLE) === 0;
}

/** Text runs as Lexical keeps them: no empty run, two neighbours of one format and style joined. */
function joinedText<N extends InlineNode | ListNode>(children: readonly N[]): N[] {
  const out: N[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (isSimpleText(child)) {
      if (child.text === '') continue;
      if (last !== undefined && isSimpleText(last) && last.format === child.format && last.style === child.style) {
        out[out.length - 1] = { ...last, text: last.text + child.text };
        continue;
      }
    }
    if (child.type === 'link') out.push({ ...child, children: joinedText(child.children) });
    else out.push(child);
  }
  return out;
}

/**
 * Lexical writes a paragraph's textFormat and textStyle (the format for text
 * typed into it) from its first text node unless the paragraph has both of its own.
 */
export function withLexicalTextFormat(node: ParagraphNode): ParagraphNode {
  if (node.textFormat && node.textStyle) return node;
  const first = node.children.find((child): child is TextNode => child.type === 'text');
  if (first === undefined || (node.textFormat === first.format && node.textStyle === first.style)) return node;
  return { ...node, textFormat: first.format, textStyle: first.style };
}

const nestsOnly = (item: ListItemNode | undefined): ListNode | null =>
  item !== undefined && item.children[0]?.type === 'list' ? item.children[0] : null;

/** Two lists joined as Lexical's list transform joins them (the second one's id goes). */
function joinLists(first: ListNode, second: ListNode): ListNode {
  const last = first.children.at(-1);
  const next = second.children[0];
  const innerLast = nestsOnly(last);
  const innerNext = nestsOnly(next);
  if (last !== undefined && innerLast !== null && innerNext !== null && innerLast.listType === innerNext.listType) {
    const joined: ListItemNode = { ...last, children: [joinLists(innerLast, innerNext), ...last.children.slice(1)] };
    return { ...first, children: [...first.children.slice(0, -1), joined, ...second.children.slice(1)] };
  }
  return { ...first, children: [...first.children, ...second.children] };
}

/** Item values as Lexical's list transform sets them: from `start`, an item holding only a nested list not counted. */
export function renumbered(list: ListNode): ListNode {
  let value = list.start;
  const children = list.children.map((item) => {
    const { checked: _checked, ...numbered } = item;
    const result: ListItemNode = item.value === value && item.checked === undefined ? item : { ...numbered, value };
    if (nestsOnly(item) === null) value++;
    return result;
  });
  return { ...list, children };
}

function listForm(list: ListNode): ListNode {
  return renumbered({ ...list, children: list.children.map((item) => ({ ...item, children: joinedText(joinedLists(item.children)) })) });
}

/** Every list tidied, and two neighbouring lists of one kind joined. */
function joinedLists<N extends BlockNode | InlineNode | ListNode>(children: readonly N[]): N[] {
  const out: N[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (child.type === 'list' && last?.type === 'list' && last.listType === child.listType) {
      out[out.length - 1] = listForm(joinLists(last, child)) as N;
    } else out.push((child.type === 'list' ? listForm(child) : child) as N);
  }
  return out;
}

function blockForm(block: BlockNode): BlockNode {
  switch (block.type) {
    case 'paragraph':
      return withLexicalTextFormat({ ...block, children: joinedText(block.children) });
    case 'heading':
    case 'quote':
      return { ...block, children: joinedText(block.children) };
    default:
      return block;
  }
}

/** The body as the editor writes it after loading it; a body already in that form comes back equal. */
export function lexicalForm(body: StoryBody): StoryBody {
  return { root: { ...body.root, children: joinedLists(body.root.children.map(blockForm)) } };
}
