// Block ids: given on load and on import, kept by edits, splits, the clipboard
// and the Lexical round trip, renewed for a pasted copy.
import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import { createHeadlessEditor } from '@lexical/headless';
import { $createHeadingNode, registerRichText } from '@lexical/rich-text';
import { $setBlocksType } from '@lexical/selection';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isElementNode,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  bodyFromBlocks,
  forEachBlock,
  blockIdOf,
  hasBlockIds,
  identifiedStoryBody,
  nodes,
  randomBlockId,
  sequentialBlockIds,
  storyBody,
  withBlockId,
  withBlockIds,
  withoutBlockIds,
  type StoryBody,
} from '../../core/story';
import {
  $assignBlockIds,
  $copyBlockFormatIndentAndId,
  $getBlockId,
  $isFigureNode,
  $isRelatedStoriesNode,
  NEWS_NODES,
  registerBlockIds,
} from '../../core/story/lexical-nodes';
import { everyNodeBody } from '../fixtures/story-lexical';
import { sampleLine } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const P1 = sampleLine(LDLD, 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng');
const P2 = sampleLine(LDLD, 'Xác định rõ điều đó');
const P3 = sampleLine(LDLD, 'Nhờ đa dạng hoá các hoạt động chăm lo');

function idsOf(body: StoryBody): string[] {
  const ids: string[] = [];
  forEachBlock(body, (node) => ids.push(blockIdOf(node) ?? '?'));
  return ids;
}

function newsEditor(body: StoryBody): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'newsdesk-test',
    nodes: NEWS_NODES,
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor;
}

function bodyOfEditor(editor: LexicalEditor): StoryBody {
  return storyBody.parse(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
}

type SerializedClip = ReturnType<typeof $generateJSONFromSelectedNodes>;

const update = (editor: LexicalEditor, fn: () => void): void => editor.update(fn, { discrete: true });

/** Selects characters [from, to) of the text of block `index`. */
function $selectInBlock(index: number, from: number, to = from): void {
  const block = $getRoot().getChildAtIndex<ElementNode>(index);
  const text = block?.getFirstDescendant();
  if (!$isTextNode(text)) throw new Error(`block ${index} has no text`);
  const selection = $createRangeSelection();
  selection.anchor.set(text.getKey(), from, 'text');
  selection.focus.set(text.getKey(), to, 'text');
  $setSelection(selection);
}

function $selectBlocks(first: number, last: number): void {
  const root = $getRoot();
  const selection = $createRangeSelection();
  const start = root.getChildAtIndex(first);
  const end = root.getChildAtIndex(last);
  if (!$isElementNode(start) || !$isElementNode(end)) throw new Error('not element blocks');
  selection.anchor.set(start.getKey(), 0, 'element');
  const endText = end.getLastDescendant();
  if ($isTextNode(endText)) selection.focus.set(endText.getKey(), endText.getTextContentSize(), 'text');
  else selection.focus.set(end.getKey(), end.getChildrenSize(), 'element');
  $setSelection(selection);
}

describe('withBlockIds', () => {
  const legacy = withoutBlockIds(everyNodeBody());

  it('gives every block and list item of an old story an id, nested lists included', () => {
    expect(hasBlockIds(legacy)).toBe(false);
    const loaded = withBlockIds(legacy, sequentialBlockIds());
    expect(idsOf(loaded)).toEqual(Array.from({ length: 16 }, (_, i) => `b${i + 1}`));
    expect(identifiedStoryBody.parse(loaded)).toEqual(loaded);
    expect(withoutBlockIds(loaded)).toEqual(legacy);
  });

  it('is idempotent and hands back a body that already has ids untouched', () => {
    const loaded = withBlockIds(legacy, randomBlockId);
    expect(withBlockIds(loaded, () => 'never-called')).toBe(loaded);
  });

  it('names an old story alike on every desk, so its versions line up', () => {
    expect(idsOf(withBlockIds(legacy, sequentialBlockIds()))).toEqual(idsOf(withBlockIds(legacy, sequentialBlockIds())));
  });

  it('keeps the first of two equal ids and the ids already there, and skips ids in use', () => {
    const body = nodes.bodyOf([
      withBlockId(nodes.paragraph([nodes.textRun(P1)]), 'b2'),
      nodes.paragraph([nodes.textRun(P2)]),
      withBlockId(nodes.paragraph([nodes.textRun(P3)]), 'b2'),
    ]);
    expect(idsOf(withBlockIds(body, sequentialBlockIds()))).toEqual(['b2', 'b1', 'b3']);
  });

  it('mints random ids the schema accepts, all different', () => {
    const ids = Array.from({ length: 2_000 }, randomBlockId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[A-Za-z0-9]{10}$/);
  });
});

describe('the body schema and block ids', () => {
  it('accepts a body without ids (an old story) and refuses a malformed id or an unknown state', () => {
    expect(storyBody.safeParse(withoutBlockIds(everyNodeBody())).success).toBe(true);
    expect(identifiedStoryBody.safeParse(withoutBlockIds(everyNodeBody())).success).toBe(false);
    const bad = nodes.bodyOf([{ ...nodes.paragraph([]), $: { blockId: 'có dấu' } }]);
    expect(storyBody.safeParse(bad).error?.issues[0]?.message).toMatch(/Mã khối/);
    const unknown = JSON.parse(JSON.stringify(nodes.bodyOf([nodes.paragraph([])]))) as { root: { children: Array<Record<string, unknown>> } };
    unknown.root.children[0]!.$ = { blockId: 'b1', color: 'red' };
    expect(storyBody.safeParse(unknown).error?.issues[0]?.message).toMatch(/color/);
  });

  it('refuses a loaded body where two blocks share an id', () => {
    const twice = nodes.bodyOf([withBlockId(nodes.paragraph([]), 'b1'), withBlockId(nodes.quote([]), 'b1')]);
    expect(storyBody.safeParse(twice).success).toBe(true);
    expect(identifiedStoryBody.safeParse(twice).success).toBe(false);
  });

  it('gives imported stories ids', () => {
    const body = bodyFromBlocks([{ type: 'heading', text: 'Đa dạng hoá' }, { type: 'paragraph', text: P1 }], {
      related: [{ id: null, title: 'Tin khác' }],
    });
    expect(idsOf(body)).toEqual(['b1', 'b2', 'b3']);
    expect(hasBlockIds(bodyFromBlocks([{ type: 'paragraph', text: P2 }], { newId: randomBlockId }))).toBe(true);
  });
});

describe('block ids in the Lexical editor', () => {
  const loaded = (): StoryBody =>
    withBlockIds(
      nodes.bodyOf([
        nodes.paragraph([nodes.textRun(P1)]),
        nodes.heading('h2', [nodes.textRun('Đa dạng hoá các hoạt động chăm lo')]),
        nodes.paragraph([nodes.textRun(P2)]),
        nodes.paragraph([nodes.textRun(P3)]),
        nodes.list('bullet', [[nodes.textRun('Phúc Thọ')], [nodes.textRun('Ba Vì')]]),
        nodes.figure({ caption: 'Nhiều sân chơi bổ ích dành cho người lao động.' }),
        nodes.relatedBlock(['Tin khác']),
      ]),
      sequentialBlockIds(),
    );

  it('survive the JSON round trip on every block type', () => {
    const body = withBlockIds(everyNodeBody(), randomBlockId);
    expect(bodyOfEditor(newsEditor(body))).toEqual(body);
    const ids: string[] = [];
    newsEditor(body).read(() => {
      for (const block of $getRoot().getChildren()) ids.push($getBlockId(block));
    });
    expect(ids).toEqual(body.root.children.map((block) => blockIdOf(block)));
  });

  it('are kept by typing, and a split block keeps its id for the first half', () => {
    const editor = newsEditor(loaded());
    registerRichText(editor);
    registerBlockIds(editor, sequentialBlockIds('n'));
    update(editor, () => {
      const text = $getRoot().getChildAtIndex<ElementNode>(0)?.getFirstDescendant();
      if ($isTextNode(text)) text.setTextContent(`${text.getTextContent()} Phóng viên bổ sung.`);
    });
    update(editor, () => {
      $selectInBlock(2, 10);
      const selection = $getSelection();
      if ($isRangeSelection(selection)) selection.insertParagraph();
    });
    const after = bodyOfEditor(editor);
    expect(idsOf(after)).toEqual(['b1', 'b2', 'b3', 'n1', 'b4', 'b5', 'b6', 'b7', 'b8', 'b9']);
    expect(after.root.children[0]).toMatchObject({ children: [{ text: `${P1} Phóng viên bổ sung.` }] });
    expect(after.root.children[2]).toMatchObject({ children: [{ text: P2.slice(0, 10) }] });
  });

  it('are kept when a figure or a related-stories block changes', () => {
    const editor = newsEditor(loaded());
    registerBlockIds(editor, sequentialBlockIds('n'));
    update(editor, () => {
      for (const block of $getRoot().getChildren()) {
        if ($isFigureNode(block)) block.setFields({ caption: 'Sân chơi cho đoàn viên', credit: 'Ảnh: H.Phong' });
        if ($isRelatedStoriesNode(block)) block.setStories([{ id: null, title: 'Tin khác nữa' }]);
      }
    });
    const after = bodyOfEditor(editor);
    expect(idsOf(after)).toEqual(idsOf(loaded()));
    expect(after.root.children.at(-2)).toMatchObject({ caption: 'Sân chơi cho đoàn viên', $: { blockId: 'b8' } });
    expect(after.root.children.at(-1)).toMatchObject({ stories: [{ id: null, title: 'Tin khác nữa' }], $: { blockId: 'b9' } });
  });

  it('are kept when the toolbar turns a paragraph into a heading, with $copyBlockFormatIndentAndId', () => {
    const editor = newsEditor(loaded());
    registerRichText(editor);
    registerBlockIds(editor, sequentialBlockIds('n'));
    update(editor, () => {
      $selectInBlock(2, 4);
      $setBlocksType($getSelection(), () => $createHeadingNode('h3'), $copyBlockFormatIndentAndId);
    });
    const after = bodyOfEditor(editor);
    expect(after.root.children[2]).toMatchObject({ type: 'heading', tag: 'h3', $: { blockId: 'b3' } });
    expect(idsOf(after)).toEqual(idsOf(loaded()));
  });

  it('give blocks of an old story ids as soon as the editor changes', () => {
    const editor = newsEditor(withoutBlockIds(loaded()));
    registerBlockIds(editor, sequentialBlockIds('n'));
    update(editor, () => $getRoot().getFirstChild()?.markDirty());
    expect(idsOf(bodyOfEditor(editor))).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'n8', 'n9']);
  });

  /** Copies blocks [first, last] as Lexical's clipboard does, removing them when `cut`. */
  function copyBlocks(editor: LexicalEditor, first: number, last: number, cut: boolean): SerializedClip {
    let clip: SerializedClip | null = null;
    update(editor, () => {
      $selectBlocks(first, last);
      clip = $generateJSONFromSelectedNodes(editor, $getSelection());
      if (cut) $getRoot().getChildren().slice(first, last + 1).forEach((block) => block.remove());
    });
    if (clip === null) throw new Error('nothing copied');
    return clip;
  }

  /** Pastes on a new empty line at the end of the story. */
  function pasteAtEnd(editor: LexicalEditor, clip: SerializedClip): void {
    update(editor, () => {
      const line = $createParagraphNode();
      $getRoot().append(line);
      line.select();
      const selection = $getSelection();
      if (selection === null) throw new Error('no selection');
      $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(clip.nodes), selection);
    });
  }

  const idOfText = (body: StoryBody, text: string): string[] =>
    body.root.children.filter((block) => JSON.stringify(block).includes(text.slice(0, 60))).map((block) => blockIdOf(block) ?? '?');

  it('are renewed for a pasted copy, while the originals keep theirs', () => {
    const editor = newsEditor(loaded());
    registerRichText(editor);
    registerBlockIds(editor, sequentialBlockIds('n'));
    const clip = copyBlocks(editor, 2, 3, false);
    expect(JSON.stringify(clip.nodes)).toContain('"blockId":"b3"');
    pasteAtEnd(editor, clip);
    const after = bodyOfEditor(editor);
    expect(hasBlockIds(after)).toBe(true);
    expect(idOfText(after, P2)).toEqual(['b3', expect.stringMatching(/^n/)]);
    expect(idOfText(after, P3)).toEqual(['b4', expect.stringMatching(/^n/)]);
  });

  it('are kept by a cut and paste on an empty line, which moves the blocks', () => {
    const editor = newsEditor(loaded());
    registerRichText(editor);
    registerBlockIds(editor, sequentialBlockIds('n'));
    pasteAtEnd(editor, copyBlocks(editor, 2, 3, true));
    const after = bodyOfEditor(editor);
    expect(idsOf(after)).toEqual(['b1', 'b2', 'b5', 'b6', 'b7', 'b8', 'b9', 'b3', 'b4']);
  });

  it('$assignBlockIds reports how many ids it set', () => {
    const editor = newsEditor(loaded());
    let counts: number[] = [];
    update(editor, () => {
      counts = [$assignBlockIds(randomBlockId)];
      $getRoot().append($createParagraphNode());
      counts.push($assignBlockIds(randomBlockId));
    });
    expect(counts).toEqual([0, 1]);
  });
});
