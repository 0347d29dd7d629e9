// fast-check generators for the merge properties: Vietnamese stories made of
// the words of the sample articles (paragraphs, headings, quotes, lists with
// nested lists, figures, related stories; bold, italic, links, line breaks),
// and the edits two people make to them apart: typing, deleting and replacing
// words, formatting, adding, deleting, moving and retyping blocks, list items,
// captions, the headline, the tags and the section.
import fc from 'fast-check';
import {
  lexicalForm,
  nodes,
  sequentialBlockIds,
  TEXT_FORMAT,
  withBlockId,
  withBlockIds,
  type BlockNode,
  type InlineNode,
  type ListItemNode,
  type ListNode,
  type StoryContent,
  type TextNode,
} from '../../core/story';
import { SAMPLE_FILES, sampleText } from '../fixtures/text-samples';

/** Every distinct word of the sample articles, in order of appearance. */
export const SAMPLE_WORDS: readonly string[] = [
  ...new Set(
    SAMPLE_FILES.flatMap((file) => sampleText(file).split(/\s+/))
      .map((word) => word.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
      .filter((word) => /\p{L}/u.test(word)),
  ),
];
const TAGS = ['công đoàn', 'Hai Bà Trưng', 'Tết', 'thi đua', 'đoàn viên', 'CNVCLĐ', 'người lao động'];
const SECTIONS = ['Công đoàn', 'Thời sự', 'Xã hội', 'Kinh tế'];
const URLS = ['https://laodongthudo.vn/cong-doan.html', 'https://laodongthudo.vn/thi-dua.html', 'mailto:toasoan@laodongthudo.vn'];
const { bold, italic, underline } = TEXT_FORMAT;

const word = fc.constantFrom(...SAMPLE_WORDS);
const words = (max: number): fc.Arbitrary<string[]> => fc.array(word, { minLength: 1, maxLength: max });
const sentence = (max = 12): fc.Arbitrary<string> => words(max).map((ws) => ws.join(' '));
const format = fc.constantFrom(0, 0, 0, bold, italic, bold | italic, underline);

const run: fc.Arbitrary<InlineNode[]> = fc.oneof(
  { weight: 6, arbitrary: fc.tuple(sentence(), format).map(([text, f]) => [nodes.textRun(text, f)]) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom(...URLS), sentence(4), format).map(([url, text, f]) => [nodes.link(url, [nodes.textRun(text, f)])]) },
  { weight: 1, arbitrary: sentence(6).map((text) => [nodes.lineBreak(), nodes.textRun(text)]) },
);

/** Inline content: runs of words, each after a space, as a writer types them. */
const inline: fc.Arbitrary<InlineNode[]> = fc.array(run, { minLength: 0, maxLength: 4 }).map((runs) =>
  runs.flatMap((nodesOfRun, i) => (i === 0 ? nodesOfRun : [nodes.textRun(' '), ...nodesOfRun])),
);
const plainInline = sentence().map((text) => [nodes.textRun(text)]);

const list: fc.Arbitrary<ListNode> = fc
  .tuple(fc.constantFrom('bullet' as const, 'number' as const), fc.array(plainInline, { minLength: 1, maxLength: 4 }), fc.option(fc.array(plainInline, { minLength: 1, maxLength: 2 })))
  .map(([type, items, nested]) => {
    const content: Array<Array<InlineNode | ListNode>> = items.map((item) => [...item]);
    if (nested !== null) content[content.length - 1]?.push(nodes.list('bullet', nested, 1));
    return nodes.list(type, content);
  });

export const block: fc.Arbitrary<BlockNode> = fc.oneof(
  { weight: 8, arbitrary: inline.map((children) => nodes.paragraph(children)) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('h2' as const, 'h3' as const), plainInline).map(([tag, children]) => nodes.heading(tag, children)) },
  { weight: 1, arbitrary: inline.map((children) => nodes.quote(children)) },
  { weight: 2, arbitrary: list },
  { weight: 1, arbitrary: fc.tuple(sentence(), fc.constantFrom('', 'Ảnh: H.Phong', 'Ảnh: Mạnh Quân')).map(([caption, credit]) => nodes.figure({ caption, credit })) },
  { weight: 1, arbitrary: fc.array(sentence(8), { minLength: 1, maxLength: 3 }).map((titles) => nodes.relatedBlock(titles)) },
);

export const story: fc.Arbitrary<StoryContent> = fc
  .record({
    headline: sentence(14),
    sapo: sentence(30),
    section: fc.constantFrom(...SECTIONS),
    tags: fc.subarray(TAGS),
    blocks: fc.array(block, { minLength: 1, maxLength: 10 }),
  })
  .map(({ blocks, ...meta }) => ({
    ...meta,
    byline: 'H.Phong',
    slug: '',
    related: [],
    body: lexicalForm(withBlockIds(nodes.bodyOf(blocks), sequentialBlockIds())),
  }));

export type Edit =
  | { kind: 'type'; target: number; at: number; words: string[] }
  | { kind: 'delete-words'; target: number; at: number; count: number }
  | { kind: 'replace-word'; target: number; at: number; word: string }
  | { kind: 'format'; target: number; format: number }
  | { kind: 'insert-block'; at: number; block: BlockNode }
  | { kind: 'delete-block'; at: number }
  | { kind: 'move-block'; at: number; to: number }
  | { kind: 'retype'; at: number; to: 'paragraph' | 'heading' | 'quote' }
  | { kind: 'insert-item'; target: number; at: number; words: string[] }
  | { kind: 'delete-item'; target: number; at: number }
  | { kind: 'caption'; target: number; words: string[] }
  | { kind: 'headline'; at: number; words: string[] }
  | { kind: 'tags'; add: string; remove: number }
  | { kind: 'section'; section: string };

const index = fc.nat({ max: 1_000 });
export const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('type' as const), target: index, at: index, words: words(5) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('delete-words' as const), target: index, at: index, count: fc.integer({ min: 1, max: 4 }) }) },
  { weight: 3, arbitrary: fc.record({ kind: fc.constant('replace-word' as const), target: index, at: index, word }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('format' as const), target: index, format }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('insert-block' as const), at: index, block }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete-block' as const), at: index }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('move-block' as const), at: index, to: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('retype' as const), at: index, to: fc.constantFrom('paragraph' as const, 'heading' as const, 'quote' as const) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('insert-item' as const), target: index, at: index, words: words(6) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('delete-item' as const), target: index, at: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('caption' as const), target: index, words: words(4) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('headline' as const), at: index, words: words(3) }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('tags' as const), add: fc.constantFrom(...TAGS), remove: index }) },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('section' as const), section: fc.constantFrom(...SECTIONS) }) },
);
export const edits = fc.array(edit, { minLength: 0, maxLength: 6 });

/** Every list in the body, nested ones included. */
function listsOf(blocks: readonly BlockNode[]): ListNode[] {
  const found: ListNode[] = [];
  const visit = (listNode: ListNode): void => {
    found.push(listNode);
    for (const item of listNode.children) for (const child of item.children) if (child.type === 'list') visit(child);
  };
  for (const b of blocks) if (b.type === 'list') visit(b);
  return found;
}

/** The inline arrays people type in: text blocks and list items. */
function textTargets(blocks: readonly BlockNode[]): Array<Array<InlineNode | ListNode>> {
  const targets: Array<Array<InlineNode | ListNode>> = [];
  for (const b of blocks) if (b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote') targets.push(b.children);
  for (const listNode of listsOf(blocks)) for (const item of listNode.children) targets.push(item.children);
  return targets;
}

function textNodesOf(children: ReadonlyArray<InlineNode | ListNode>): TextNode[] {
  return children.flatMap((child) => (child.type === 'text' ? [child] : child.type === 'link' ? child.children.filter((c): c is TextNode => c.type === 'text') : []));
}

const pick = <T>(items: readonly T[], at: number): T | undefined => (items.length === 0 ? undefined : items[at % items.length]);

/** Changes a text node's words; a node left without text goes. */
function editWords(children: Array<InlineNode | ListNode>, at: number, change: (ws: string[], i: number) => void): void {
  const text = pick(textNodesOf(children), at);
  if (text === undefined) {
    return;
  }
  const ws = text.text.split(' ');
  change(ws, at % (ws.length + 1));
  text.text = ws.join(' ');
  if (text.text !== '') return;
  const drop = (list: Array<InlineNode | ListNode> | Array<TextNode | { type: 'linebreak'; version: number }>): void => {
    const i = (list as unknown[]).indexOf(text);
    if (i >= 0) list.splice(i, 1);
  };
  drop(children);
  for (const child of children) if (child.type === 'link') drop(child.children);
}

/** Applies the edits to a copy of the story; new blocks get ids `${prefix}1`, `${prefix}2`... */
export function applyEdits(original: StoryContent, list: readonly Edit[], prefix: string): StoryContent {
  const content = structuredClone(original);
  const blocks = content.body.root.children;
  let minted = 0;
  const newId = (): string => `${prefix}${++minted}`;
  for (const e of list) {
    const targets = textTargets(blocks);
    switch (e.kind) {
      case 'type':
        if (targets.length === 0) break;
        editWords(pick(targets, e.target)!, e.at, (ws, i) => ws.splice(i, 0, ...e.words));
        if (textNodesOf(pick(targets, e.target)!).length === 0) pick(targets, e.target)!.unshift(nodes.textRun(e.words.join(' ')));
        break;
      case 'delete-words':
        if (targets.length > 0) editWords(pick(targets, e.target)!, e.at, (ws, i) => ws.splice(i, e.count));
        break;
      case 'replace-word':
        if (targets.length > 0) editWords(pick(targets, e.target)!, e.at, (ws, i) => ws.splice(i, 1, e.word));
        break;
      case 'format': {
        const text = targets.length === 0 ? undefined : pick(textNodesOf(pick(targets, e.target)!), e.target);
        if (text) text.format = e.format;
        break;
      }
      case 'insert-block': {
        const fresh = withBlockIds(nodes.bodyOf([structuredClone(e.block)]), newId).root.children[0]!;
        blocks.splice(e.at % (blocks.length + 1), 0, fresh);
        break;
      }
      case 'delete-block':
        if (blocks.length > 0) blocks.splice(e.at % blocks.length, 1);
        break;
      case 'move-block': {
        if (blocks.length < 2) break;
        const [moved] = blocks.splice(e.at % blocks.length, 1);
        blocks.splice(e.to % (blocks.length + 1), 0, moved!);
        break;
      }
      case 'retype': {
        const i = e.at % Math.max(blocks.length, 1);
        const b = blocks[i];
        if (!b || !(b.type === 'paragraph' || b.type === 'heading' || b.type === 'quote')) break;
        const id = b.$?.blockId ?? newId();
        const children = b.children;
        const next = e.to === 'paragraph' ? nodes.paragraph(children) : e.to === 'heading' ? nodes.heading('h2', children) : nodes.quote(children);
        blocks[i] = withBlockId(next, id);
        break;
      }
      case 'insert-item': {
        const target = pick(listsOf(blocks), e.target);
        if (!target) break;
        const item: ListItemNode = withBlockId({ ...nodes.list('bullet', [[nodes.textRun(e.words.join(' '))]]).children[0]!, indent: target.children[0]?.indent ?? 0 }, newId());
        target.children.splice(e.at % (target.children.length + 1), 0, item);
        target.children.forEach((li, k) => (li.value = target.start + k));
        break;
      }
      case 'delete-item': {
        const target = pick(listsOf(blocks), e.target);
        if (!target || target.children.length < 2) break;
        target.children.splice(e.at % target.children.length, 1);
        target.children.forEach((li, k) => (li.value = target.start + k));
        break;
      }
      case 'caption': {
        const figure = pick(blocks.filter((b) => b.type === 'figure'), e.target);
        if (figure?.type === 'figure') figure.caption = `${figure.caption} ${e.words.join(' ')}`.trim();
        break;
      }
      case 'headline': {
        const ws = content.headline.split(' ');
        ws.splice(e.at % (ws.length + 1), 0, ...e.words);
        content.headline = ws.join(' ');
        break;
      }
      case 'tags': {
        const removed = pick(content.tags, e.remove);
        content.tags = [...new Set([...content.tags.filter((t) => t !== removed), e.add])];
        break;
      }
      case 'section':
        content.section = e.section;
        break;
    }
  }
  // As the editor would write it: in the real editor, two lists brought together join at once.
  return { ...content, body: lexicalForm(content.body) };
}
