// Reads pasted clipboard HTML into a small model of blocks and runs: the
// marks, links and list structure that survive, with Word's list paragraphs
// grouped into real lists and empty blocks dropped. ./clean-html writes it back out.
import { isAllowedLinkUrl } from '../../../core/story';
import { normalizeText } from '../../../core/text';

export type Mark = 'b' | 'i' | 'u' | 's';
export const MARK_ORDER: readonly Mark[] = ['b', 'i', 'u', 's'];

interface Run {
  kind: 'text';
  text: string;
  marks: ReadonlySet<Mark>;
  href: string | null;
}
interface Break {
  kind: 'br';
}
export type Inline = Run | Break;

type TextBlockKind = 'p' | 'h2' | 'h3' | 'blockquote';
export interface TextBlock {
  kind: TextBlockKind;
  inlines: Inline[];
}
interface ListItem {
  inlines: Inline[];
  lists: List[];
}
export interface List {
  kind: 'list';
  ordered: boolean;
  items: ListItem[];
  wordListId?: string;
}
/** A paragraph Word marked as a list item; runs of them become real lists. */
interface WordListItem {
  kind: 'word-list-item';
  /** Word's list id (`l0`, `l1`…): a new id starts a new list. */
  listId: string;
  level: number;
  ordered: boolean;
  inlines: Inline[];
}
type Block = TextBlock | List | WordListItem;

interface InlineContext {
  marks: ReadonlySet<Mark>;
  href: string | null;
}

const DROPPED = new Set([
  'script', 'style', 'head', 'meta', 'link', 'title', 'template', 'noscript', 'iframe', 'object', 'embed',
  'svg', 'math', 'canvas', 'video', 'audio', 'img', 'picture', 'input', 'button', 'select', 'textarea', 'xml',
  'hr', 'form', 'nav',
]);
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'blockquote', 'section', 'article', 'header', 'footer', 'main',
  'aside', 'figure', 'figcaption', 'pre', 'address', 'dl', 'dt', 'dd', 'center', 'td', 'th', 'caption', 'body',
  'html', 'li', 'details', 'summary', 'fieldset', 'legend',
]);
const TABLE_STRUCTURE = new Set(['table', 'thead', 'tbody', 'tfoot', 'tr', 'colgroup', 'col']);
const HEADING_KIND: Record<string, TextBlockKind> = { h1: 'h2', h2: 'h2', h3: 'h3', h4: 'h3', h5: 'h3', h6: 'h3' };

function styleOf(element: Element): Map<string, string> {
  const style = new Map<string, string>();
  for (const declaration of (element.getAttribute('style') ?? '').split(';')) {
    const colon = declaration.indexOf(':');
    if (colon < 0) continue;
    style.set(declaration.slice(0, colon).trim().toLowerCase(), declaration.slice(colon + 1).trim().toLowerCase());
  }
  return style;
}

function fontWeightIsBold(weight: string): boolean | null {
  if (weight === 'bold' || weight === 'bolder') return true;
  if (weight === 'normal' || weight === 'lighter') return false;
  const numeric = Number.parseInt(weight, 10);
  return Number.isNaN(numeric) ? null : numeric >= 600;
}

/** The marks in force inside `element`, from its tag first and then its inline style. */
function marksInside(element: Element, tag: string, outer: ReadonlySet<Mark>, insideLink = false): Set<Mark> {
  const marks = new Set(outer);
  if (tag === 'b' || tag === 'strong') marks.add('b');
  if (tag === 'i' || tag === 'em' || tag === 'cite' || tag === 'var') marks.add('i');
  if (tag === 'u' || tag === 'ins') marks.add('u');
  if (tag === 's' || tag === 'strike' || tag === 'del') marks.add('s');

  const style = styleOf(element);
  const weight = style.get('font-weight');
  const bold = weight === undefined ? null : fontWeightIsBold(weight);
  if (bold === true) marks.add('b');
  if (bold === false) marks.delete('b');
  const fontStyle = style.get('font-style');
  if (fontStyle === 'italic' || fontStyle === 'oblique') marks.add('i');
  if (fontStyle === 'normal') marks.delete('i');
  const decoration = `${style.get('text-decoration') ?? ''} ${style.get('text-decoration-line') ?? ''}`;
  // Google Docs and web pages underline links with CSS; that is the link's look, not the writer's underline.
  if (decoration.includes('underline') && !insideLink && tag !== 'a') marks.add('u');
  if (decoration.includes('line-through')) marks.add('s');
  return marks;
}

const MSO_LIST_LEVEL = /level(\d+)/;
const MSO_LIST_ID = /\b(l\d+)\b/;
const ORDERED_MARKER = /^[(]?(\d+|[a-z]|[ivxlc]+)[.)]/i;

/** Word's list paragraphs: `style="mso-list:l0 level2 lfo1"` with the bullet in a `mso-list:Ignore` span. */
function wordListPosition(element: Element): { listId: string; level: number } | null {
  const msoList = styleOf(element).get('mso-list');
  if (msoList === undefined || msoList === 'ignore') return null;
  const level = MSO_LIST_LEVEL.exec(msoList);
  return { listId: MSO_LIST_ID.exec(msoList)?.[1] ?? '', level: level === null ? 1 : Number(level[1]) };
}

function isWordListMarker(element: Element): boolean {
  return styleOf(element).get('mso-list') === 'ignore';
}

/** Google Docs routes every link through google.com/url?q=…; keep the address the writer meant. */
function unwrapRedirect(href: string): string {
  try {
    const url = new URL(href);
    const target = url.searchParams.get('q');
    if (/^(www\.)?google\.[a-z.]+$/.test(url.hostname) && url.pathname === '/url' && target !== null) return target;
  } catch {
    // Not an absolute URL: the allow-list check refuses it.
  }
  return href;
}

function collapseWhitespace(text: string): string {
  return normalizeText(text).replace(/[ \t\n\r\f]+/g, ' ');
}

/** Walks the pasted DOM, flattening it into blocks of runs. */
class Flattener {
  readonly blocks: Block[] = [];
  private open: { inlines: Inline[]; close: () => void } | null = null;

  walkChildren(parent: Node, context: InlineContext, kind: TextBlockKind): void {
    for (const child of Array.from(parent.childNodes)) this.walk(child, context, kind);
  }

  private inlineSink(kind: TextBlockKind): Inline[] {
    if (this.open === null) {
      const block: TextBlock = { kind, inlines: [] };
      this.open = { inlines: block.inlines, close: () => this.blocks.push(block) };
    }
    return this.open.inlines;
  }

  closeBlock(): void {
    this.open?.close();
    this.open = null;
  }

  private walk(node: Node, context: InlineContext, kind: TextBlockKind): void {
    if (node.nodeType === node.TEXT_NODE) {
      const text = collapseWhitespace(node.textContent ?? '');
      // Whitespace between blocks (Word's line wrapping) must not open an empty paragraph.
      if (text === '' || (text === ' ' && this.open === null)) return;
      this.inlineSink(kind).push({ kind: 'text', text, marks: context.marks, href: context.href });
      return;
    }
    if (node.nodeType !== node.ELEMENT_NODE) return;
    const element = node as Element;
    const tag = element.localName.toLowerCase();
    if (DROPPED.has(tag) || isWordListMarker(element)) return;

    if (tag === 'br') {
      this.inlineSink(kind).push({ kind: 'br' });
      return;
    }
    if (tag === 'ul' || tag === 'ol') {
      this.closeBlock();
      this.blocks.push(readList(element, tag === 'ol', context));
      return;
    }
    const inner: InlineContext = { marks: marksInside(element, tag, context.marks, context.href !== null), href: context.href };
    if (tag === 'a') {
      const href = unwrapRedirect(element.getAttribute('href')?.trim() ?? '');
      inner.href = isAllowedLinkUrl(href) ? href : context.href;
    }
    if (TABLE_STRUCTURE.has(tag)) {
      this.closeBlock();
      this.walkChildren(element, inner, 'p');
      this.closeBlock();
      return;
    }
    if (!BLOCKS.has(tag)) {
      this.walkChildren(element, inner, kind);
      return;
    }

    this.closeBlock();
    if (tag === 'blockquote') {
      this.blocks.push({ kind: 'blockquote', inlines: inlinesOfBlocks(element, inner) });
      return;
    }
    const position = tag === 'p' ? wordListPosition(element) : null;
    if (position !== null) {
      const item: WordListItem = { kind: 'word-list-item', ...position, ordered: isOrderedWordItem(element), inlines: [] };
      this.open = { inlines: item.inlines, close: () => this.blocks.push(item) };
      this.walkChildren(element, inner, 'p');
    } else {
      const blockKind = HEADING_KIND[tag] ?? kind;
      this.walkChildren(element, inner, blockKind);
    }
    this.closeBlock();
  }
}

function isOrderedWordItem(element: Element): boolean {
  const marker = Array.from(element.querySelectorAll('span')).find(isWordListMarker);
  return ORDERED_MARKER.test(collapseWhitespace(marker?.textContent ?? '').trim());
}

/**
 * The content of an element that can hold only inline nodes (a list item, a
 * quote): its inner blocks become lines joined by breaks. Nested lists go to
 * `lists` when given, otherwise their items become lines too.
 */
function inlinesOfBlocks(element: Element, context: InlineContext, lists?: List[]): Inline[] {
  const flattener = new Flattener();
  flattener.walkChildren(element, context, 'p');
  flattener.closeBlock();
  const inlines: Inline[] = [];
  const addLine = (line: readonly Inline[]): void => {
    if (line.length === 0) return;
    if (inlines.length > 0) inlines.push({ kind: 'br' });
    inlines.push(...line);
  };
  const addListLines = (list: List): void => {
    for (const item of list.items) {
      addLine(item.inlines);
      item.lists.forEach(addListLines);
    }
  };
  for (const block of flattener.blocks) {
    if (block.kind !== 'list') addLine(block.inlines);
    else if (lists !== undefined) lists.push(block);
    else addListLines(block);
  }
  return inlines;
}

/** A list element; block content inside an item (Google Docs' <li><p>) joins the item's line. */
function readList(element: Element, ordered: boolean, context: InlineContext): List {
  const list: List = { kind: 'list', ordered, items: [] };
  for (const child of Array.from(element.children)) {
    const tag = child.localName.toLowerCase();
    if (tag === 'ul' || tag === 'ol') {
      const nested = readList(child, tag === 'ol', context);
      const last = list.items.at(-1);
      if (last === undefined) list.items.push({ inlines: [], lists: [nested] });
      else last.lists.push(nested);
      continue;
    }
    const lists: List[] = [];
    const inlines = inlinesOfBlocks(child, { marks: marksInside(child, tag, context.marks), href: context.href }, lists);
    list.items.push({ inlines, lists });
  }
  return list;
}

/** Trims a block's edges and merges the spaces where runs meet; false when nothing is left. */
function tidyInlines(inlines: Inline[]): boolean {
  let previousEndsInSpace = true;
  for (const inline of inlines) {
    if (inline.kind === 'br') {
      previousEndsInSpace = true;
      continue;
    }
    if (previousEndsInSpace) inline.text = inline.text.replace(/^ +/, '');
    if (inline.text !== '') previousEndsInSpace = inline.text.endsWith(' ');
  }
  // Trailing spaces before a break or at the end of the block.
  let nextIsBreak = true;
  for (let i = inlines.length - 1; i >= 0; i--) {
    const inline = inlines[i] as Inline;
    if (inline.kind === 'br') {
      nextIsBreak = true;
      continue;
    }
    if (nextIsBreak) inline.text = inline.text.replace(/ +$/, '');
    if (inline.text !== '') nextIsBreak = false;
  }
  const kept = inlines.filter((inline) => inline.kind === 'br' || inline.text !== '');
  while (kept[0]?.kind === 'br') kept.shift();
  while (kept.at(-1)?.kind === 'br') kept.pop();
  inlines.splice(0, inlines.length, ...kept);
  return kept.length > 0;
}

/** Consecutive Word list paragraphs become one list, nested by their level. */
function groupWordLists(blocks: Block[]): Array<TextBlock | List> {
  const result: Array<TextBlock | List> = [];
  let stack: List[] = [];
  for (const block of blocks) {
    if (block.kind !== 'word-list-item') {
      stack = [];
      result.push(block);
      continue;
    }
    const first = stack[0];
    if (first !== undefined && (first.wordListId !== block.listId || (block.level === 1 && first.ordered !== block.ordered))) {
      stack = [];
    }
    const depth = Math.max(1, Math.min(block.level, stack.length + 1));
    stack = stack.slice(0, depth);
    let list = stack[depth - 1];
    if (list === undefined) {
      list = { kind: 'list', ordered: block.ordered, items: [], wordListId: block.listId };
      const parent = stack[depth - 2];
      if (parent === undefined) result.push(list);
      else {
        const lastItem = parent.items.at(-1);
        if (lastItem === undefined) parent.items.push({ inlines: [], lists: [list] });
        else lastItem.lists.push(list);
      }
      stack[depth - 1] = list;
    }
    list.items.push({ inlines: block.inlines, lists: [] });
  }
  return result;
}

function tidyList(list: List): boolean {
  list.items = list.items.filter((item) => {
    item.lists = item.lists.filter(tidyList);
    return tidyInlines(item.inlines) || item.lists.length > 0;
  });
  return list.items.length > 0;
}

/** Clipboard HTML as tidy blocks: text blocks with something in them, and lists with items. */
export function readPastedBlocks(html: string): Array<TextBlock | List> {
  // A template's content is inert: no image, iframe or script in the paste loads or runs.
  const template = document.createElement('template');
  template.innerHTML = html;
  const flattener = new Flattener();
  flattener.walkChildren(template.content, { marks: new Set(), href: null }, 'p');
  flattener.closeBlock();
  return groupWordLists(flattener.blocks).filter((block) => (block.kind === 'list' ? tidyList(block) : tidyInlines(block.inlines)));
}
