// @vitest-environment happy-dom
// Block ids in the real body editor (BodyEditor with all its plugins, against
// a fake service): a new block gets a new random id, a paragraph made a
// heading from the toolbar keeps its id, a pasted copy gets a new one while
// the original keeps its own, and what is autosaved carries all of them.
import { $generateJSONFromSelectedNodes, $generateNodesFromSerializedNodes, $insertGeneratedNodes } from '@lexical/clipboard';
import {
  $createParagraphNode,
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  type ElementNode,
  type LexicalEditor,
} from 'lexical';
import { act, createElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { HandlerName, Settings } from '../../core/api';
import { blockIdOf, bodyFromBlocks, hasBlockIds, storyBody, type StoryBody, type StoryContent } from '../../core/story';
import { StoryEditor } from '../../renderer/editor/StoryEditor';
import { createI18n } from '../../renderer/i18n';
import { FakeServiceDesk, storedStory } from '../helpers/fake-service-client';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const STORY_ID = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5c';
// From shared/samples (ldld-hai-ba-trung-doi-moi.txt); happy-dom cannot read the file itself.
const P1 =
  'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên, CNVCLĐ là nhiệm vụ quan trọng của tổ chức Công đoàn, không những đảm bảo tính đặc trưng của Công đoàn, mà còn tạo ra sức mạnh đoàn kết, để hoàn thành tốt các nhiệm vụ chính trị được giao.';
const P2 = 'Xác định rõ điều đó, các cấp Công đoàn quận Hai Bà Trưng luôn tập trung thực hiện tốt các hoạt động Công đoàn và phong trào CNVCLĐ.';
const settings: Settings = { language: 'vi', theme: 'light', userName: 'Mạnh Quân', sectionTargets: {}, personalDictionary: [], serverUrl: '' };

const content: StoryContent = {
  headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới',
  sapo: '',
  byline: 'Mạnh Quân',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  // As the store hands a story out: every block has its id (b1, b2 for a story stored before ids).
  body: bodyFromBlocks([
    { type: 'paragraph', text: P1 },
    { type: 'paragraph', text: P2 },
  ]),
};

class Desk extends FakeServiceDesk {
  protected answer(name: HandlerName): unknown {
    if (name === 'stories.get') return storedStory(content, { id: STORY_ID, status: 'draft', rev: 0 });
    if (name === 'stories.autosave') return { updatedAt: new Date().toISOString() };
    if (name === 'stories.sections' || name === 'sync.conflicts') return [];
    throw new Error(`not in this test: ${name}`);
  }

  lastSavedBody(): StoryBody | undefined {
    const saved = this.named('stories.autosave').at(-1) as { content: StoryContent } | undefined;
    return saved === undefined ? undefined : storyBody.parse(saved.content.body);
  }
}

const ids = (body: StoryBody | undefined): string[] => (body?.root.children ?? []).map((block) => blockIdOf(block) ?? '?');

function lexicalOf(element: Element): LexicalEditor {
  const editor = (element as Element & { __lexicalEditor?: LexicalEditor }).__lexicalEditor;
  if (editor === undefined) throw new Error('the body has no Lexical editor');
  return editor;
}

/** Puts the caret at `offset` in the text of block `index`. */
function $caretIn(index: number, offset: number): void {
  const text = $getRoot().getChildAtIndex<ElementNode>(index)?.getFirstDescendant();
  if (!$isTextNode(text)) throw new Error(`block ${index} has no text`);
  const selection = $createRangeSelection();
  selection.anchor.set(text.getKey(), offset, 'text');
  selection.focus.set(text.getKey(), offset, 'text');
  $setSelection(selection);
}

describe('block ids in the body editor', () => {
  let root: Root;
  let container: HTMLDivElement;
  let desk: Desk;
  let editor: LexicalEditor;

  beforeEach(async () => {
    desk = new Desk();
    container = document.createElement('div');
    document.body.append(container);
    root = createRoot(container);
    await act(async () => {
      root.render(createElement(I18nextProvider, { i18n: createI18n('vi') }, createElement(StoryEditor, { client: desk.client(), storyId: STORY_ID, settings })));
    });
    const body = await vi.waitFor(() => {
      const element = document.querySelector('[data-testid="editor-body"]');
      if (element === null) throw new Error('no body yet');
      return element;
    });
    editor = lexicalOf(body);
  });

  afterEach(async () => {
    await act(async () => root.unmount());
    container.remove();
  });

  const edit = async (fn: () => void): Promise<void> => {
    await act(async () => editor.update(fn, { discrete: true }));
  };
  const saved = async (count: number): Promise<StoryBody | undefined> => {
    await vi.waitFor(() => expect(desk.named('stories.autosave')).toHaveLength(count), { timeout: 3_000 });
    return desk.lastSavedBody();
  };

  it('gives a block split off with Enter a new random id, and the first half keeps its own', async () => {
    await edit(() => {
      $caretIn(0, P1.indexOf(' ', 40));
      const selection = $getSelection();
      if (!$isRangeSelection(selection)) throw new Error('no caret');
      selection.insertParagraph();
    });
    const body = await saved(1);
    expect(hasBlockIds(body ?? { root: { type: 'root', version: 1, children: [] } })).toBe(true);
    expect(ids(body)).toEqual(['b1', expect.stringMatching(/^[A-Za-z0-9]{10}$/), 'b2']);
  });

  it('keeps the id of a paragraph the toolbar makes a heading, and of the heading made a paragraph again', async () => {
    await edit(() => $caretIn(1, 3));
    await act(async () => document.querySelector<HTMLButtonElement>('[data-testid="toolbar-h2"]')?.click());
    const heading = await saved(1);
    expect(heading?.root.children[1]).toMatchObject({ type: 'heading', tag: 'h2', $: { blockId: 'b2' } });
    await edit(() => $caretIn(1, 3));
    await act(async () => document.querySelector<HTMLButtonElement>('[data-testid="toolbar-h2"]')?.click());
    const paragraph = await saved(2);
    expect(paragraph?.root.children[1]).toMatchObject({ type: 'paragraph', $: { blockId: 'b2' } });
  });

  it('gives a pasted copy of a block a new id while the original keeps its own', async () => {
    let clip: ReturnType<typeof $generateJSONFromSelectedNodes> | null = null;
    await edit(() => {
      // Both blocks, whole: a selection inside one block copies its text, not the block.
      const first = $getRoot().getChildAtIndex<ElementNode>(0);
      const end = $getRoot().getChildAtIndex<ElementNode>(1)?.getLastDescendant();
      if (first === null || !$isTextNode(end)) throw new Error('no blocks to copy');
      const selection = $createRangeSelection();
      selection.anchor.set(first.getKey(), 0, 'element');
      selection.focus.set(end.getKey(), end.getTextContentSize(), 'text');
      $setSelection(selection);
      clip = $generateJSONFromSelectedNodes(editor, selection);
    });
    expect(JSON.stringify(clip)).toContain('"blockId":"b1"');
    await edit(() => {
      const line = $createParagraphNode();
      $getRoot().append(line);
      line.select();
      const selection = $getSelection();
      if (selection === null || clip === null) throw new Error('no selection or nothing copied');
      $insertGeneratedNodes(editor, $generateNodesFromSerializedNodes(clip.nodes), selection);
    });
    const body = await saved(1);
    const copiesOf = (text: string) => (body?.root.children ?? []).filter((block) => JSON.stringify(block).includes(text.slice(0, 40)));
    expect(copiesOf(P1).map((block) => blockIdOf(block))).toEqual(['b1', expect.stringMatching(/^[A-Za-z0-9]{10}$/)]);
    expect(copiesOf(P2).map((block) => blockIdOf(block))).toEqual(['b2', expect.stringMatching(/^[A-Za-z0-9]{10}$/)]);
    expect(new Set(ids(body)).size).toBe(ids(body).length);
  });
});
