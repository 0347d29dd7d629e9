// Any valid body survives the desk's editor: parsed into a headless Lexical
// editor and written back to JSON, it comes back equal and still valid. Bodies
// are generated in the form the app writes them (core/story's node factories),
// in the one form Lexical keeps: adjacent runs of one format joined, adjacent
// lists of one kind joined, a paragraph's textFormat taken from its first run.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nodes, storyBody, TEXT_FORMAT, type BlockNode, type InlineNode, type ListNode, type StoryBody, type TextNode } from '../../core/story';
import { FUZZ_TIMEOUT, fuzzSettings } from '../helpers/fuzz-settings';

/** The seed of every property here in `npm test`; FUZZ_RUNS and FUZZ_SEED take over in `npm run fuzz`. */
const SEED = 20_251_205;
import { throughEditor } from '../helpers/lexical-editor';

const LETTERS = [...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂĐÊÔƠƯàảãáạằẳẵắặầẩẫấậèẻẽéẹềểễếệìỉĩíịòỏõóọồổỗốộờởỡớợùủũúụừửữứựỳỷỹýỵ0123456789'];
const TEXT_UNITS = [...LETTERS, ' ', ' ', ',', '.', '“', '”', '-', '…', '&', '<', '>', '"', "'", '📰', 'Thủ đô'];

const text = fc.string({ unit: fc.constantFrom(...TEXT_UNITS), minLength: 1, maxLength: 24 });
// Any text, in NFC as every stored string is (the schema normalizes).
const anyText = fc.string({ unit: 'grapheme', maxLength: 40 }).map((t) => t.normalize('NFC'));
const { bold, italic, underline, strikethrough, code, subscript, superscript } = TEXT_FORMAT;
const format = fc.constantFrom(0, bold, italic, bold | italic, underline, strikethrough, code, subscript, superscript, bold | underline);
const run = fc.tuple(text, format).map(([t, f]) => nodes.textRun(t, f));
const url = fc.constantFrom('https://laodongthudo.vn/cong-doan.html', 'http://hanoi.gov.vn/', 'mailto:toasoan@laodongthudo.vn');

/** Joins adjacent runs of the same format, as Lexical does. */
function joined<T extends InlineNode | ListNode>(children: T[]): T[] {
  const out: T[] = [];
  for (const child of children) {
    const last = out.at(-1);
    if (last?.type === 'text' && child.type === 'text' && (last as TextNode).format === (child as TextNode).format) {
      out[out.length - 1] = { ...last, text: (last as TextNode).text + (child as TextNode).text } as T;
    } else out.push(child);
  }
  return out;
}

const inline: fc.Arbitrary<InlineNode> = fc.oneof(
  { weight: 5, arbitrary: run },
  { weight: 1, arbitrary: fc.constant(nodes.lineBreak()) },
  { weight: 1, arbitrary: fc.tuple(url, fc.array(run, { minLength: 1, maxLength: 2 })).map(([u, runs]) => nodes.link(u, joined(runs))) },
);
const inlines = fc.array(inline, { minLength: 1, maxLength: 5 }).map(joined);

const list: fc.Arbitrary<ListNode> = fc
  .tuple(
    fc.constantFrom('bullet' as const, 'number' as const),
    fc.array(fc.tuple(inlines, fc.option(fc.array(inlines, { minLength: 1, maxLength: 3 }), { nil: undefined })), { minLength: 1, maxLength: 3 }),
  )
  .map(([listType, items]) =>
    nodes.list(
      listType,
      items.map(([content, nested]) => (nested === undefined ? content : [...content, nodes.list('bullet', nested, 1)])),
    ),
  );

/** A paragraph as Lexical writes it: its textFormat is the format of its first own text run. */
function paragraph(children: InlineNode[]): BlockNode {
  const first = children.find((child): child is TextNode => child.type === 'text');
  return { ...nodes.paragraph(children), textFormat: first?.format ?? 0 };
}

const block: fc.Arbitrary<BlockNode> = fc.oneof(
  { weight: 4, arbitrary: inlines.map(paragraph) },
  { weight: 1, arbitrary: fc.constant(nodes.paragraph([])) },
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('h2' as const, 'h3' as const), inlines).map(([tag, children]) => nodes.heading(tag, children)) },
  { weight: 1, arbitrary: inlines.map(nodes.quote) },
  { weight: 2, arbitrary: list },
  {
    weight: 1,
    arbitrary: fc
      .record({ src: fc.constantFrom('', `media:${'9c'.repeat(32)}`, 'https://laodongthudo.vn/anh.jpg'), alt: anyText, caption: anyText, credit: anyText })
      .map(nodes.figure),
  },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.record({ id: fc.option(fc.uuid(), { nil: null }), title: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).map((t) => t.normalize('NFC')) }), { maxLength: 3 })
      .map(nodes.relatedBlock),
  },
);

/** Lists of one kind that follow each other are one list, as Lexical merges them. */
function joinedLists(blocks: BlockNode[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const next of blocks) {
    const last = out.at(-1);
    if (last?.type === 'list' && next.type === 'list' && last.listType === next.listType) {
      const children = [...last.children, ...next.children].map((item, i) => ({ ...item, value: i + 1 }));
      out[out.length - 1] = { ...last, children };
    } else out.push(next);
  }
  return out;
}

// At least one block: Lexical refuses to set an empty root (the desk opens an empty story with one paragraph).
const body: fc.Arbitrary<StoryBody> = fc.array(block, { minLength: 1, maxLength: 6 }).map((blocks) => nodes.bodyOf(joinedLists(blocks)));

describe('the body schema and the Lexical editor', { timeout: FUZZ_TIMEOUT }, () => {
  it('agree: every generated body is valid, and comes back from the editor unchanged', () => {
    fc.assert(
      fc.property(body, (generated) => {
        expect(storyBody.parse(generated)).toEqual(generated);
        const after = throughEditor(generated);
        expect(after).toEqual(generated);
        expect(storyBody.parse(after)).toEqual(generated);
      }),
      fuzzSettings(100, SEED),
    );
  });
});
