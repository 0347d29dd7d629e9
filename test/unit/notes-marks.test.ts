// Passage notes in the body editor (renderer/notes/note-marks.ts), on a
// headless Lexical editor with the desk's nodes: a passage is found again from
// its block id and text and wrapped in a mark, the mark follows the passage
// while text is typed around it, and the body saved with marks open is the
// body without them.
import { MarkNode } from '@lexical/mark';
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $isElementNode, $isTextNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { bodyFromBlocks, type StoryBody } from '../../core/story';
import { NEWS_NODES } from '../../core/story/lexical-nodes';
import { $markById, $selectedPassage, markPassages, markSelection, unmark } from '../../renderer/notes/note-marks';
import { withoutNoteMarks } from '../../renderer/notes/strip-marks';

const P1 = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Quốc Oai.';
const P2 = 'Năm 2025, Cụm thi đua số 4 đã chăm lo cho 1.250 đoàn viên với tổng kinh phí hơn 600 triệu đồng.';
const P3 = 'Cuối buổi, đoàn khảo sát ghi nhận 1.250 đoàn viên được tặng quà Tết.';
const NOTE = '0196f0a2-3c4d-7e5f-8a9b-0c1d2e3f4a5b';

function editorWith(body: StoryBody): LexicalEditor {
  const editor = createHeadlessEditor({
    namespace: 'notes-test',
    nodes: [...NEWS_NODES, MarkNode],
    onError: (error) => {
      throw error;
    },
  });
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return editor;
}

/** Three paragraphs, with the block ids b1, b2, b3 an import gives them. */
const body = (): StoryBody => bodyFromBlocks([P1, P2, P3].map((text) => ({ type: 'paragraph' as const, text })));
const json = (editor: LexicalEditor): unknown => JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
const markText = (editor: LexicalEditor, id = NOTE) => editor.getEditorState().read(() => $markById(id)?.getTextContent() ?? null);
const markBlock = (editor: LexicalEditor, id = NOTE) =>
  editor.getEditorState().read(() => $markById(id)?.getParent()?.getTextContent() ?? null);

describe('passage marks', () => {
  it('finds the passage in its own block first, wraps it, and saves the body without the mark', () => {
    const original = body();
    const editor = editorWith(original);
    const before = json(editor);
    // "1.250 đoàn viên" is in b2 and b3; the note was made on b3.
    expect(markPassages(editor, [{ id: NOTE, blockId: 'b3', passage: '1.250 đoàn viên' }])).toEqual(new Set());
    expect(markText(editor)).toBe('1.250 đoàn viên');
    expect(markBlock(editor)).toBe(P3);
    expect(JSON.stringify(json(editor))).toContain('"type":"mark"');
    expect(withoutNoteMarks(json(editor))).toEqual(before);
    // Marking again changes nothing.
    markPassages(editor, [{ id: NOTE, blockId: 'b3', passage: '1.250 đoàn viên' }]);
    expect(withoutNoteMarks(json(editor))).toEqual(before);
  });

  it('falls back to any block when the block is gone, and reports a passage that is nowhere', () => {
    const editor = editorWith(body());
    const lost = markPassages(editor, [
      { id: NOTE, blockId: 'khong-con', passage: 'Đàm Công Lợi' },
      { id: '0196f0a2-3c4d-7e5f-8a9b-0c1d2e3f4a5c', blockId: 'b1', passage: 'một câu đã bị xoá' },
    ]);
    expect(markText(editor)).toBe('Đàm Công Lợi');
    expect(lost).toEqual(new Set(['0196f0a2-3c4d-7e5f-8a9b-0c1d2e3f4a5c']));
  });

  it('keeps the mark on the passage while text is typed before and after it', () => {
    const editor = editorWith(body());
    markPassages(editor, [{ id: NOTE, blockId: 'b2', passage: 'Cụm thi đua số 4' }]);
    editor.update(
      () => {
        const paragraph = $getRoot().getChildAtIndex(1);
        if (!$isElementNode(paragraph)) throw new Error('no paragraph');
        paragraph.selectStart().insertText('Theo báo cáo, ');
        paragraph.selectEnd().insertText(' (số liệu LĐLĐ huyện)');
        // Right after the mark: typed text stays outside it.
        const mark = $markById(NOTE);
        const next = mark?.getNextSibling();
        if ($isTextNode(next)) next.select(0, 0).insertText(' gồm 12 đơn vị,');
      },
      { discrete: true },
    );
    expect(markText(editor)).toBe('Cụm thi đua số 4');
    const text = editor.getEditorState().read(() => $getRoot().getChildAtIndex(1)?.getTextContent());
    expect(text).toBe(`Theo báo cáo, Năm 2025, Cụm thi đua số 4 gồm 12 đơn vị, đã chăm lo cho 1.250 đoàn viên với tổng kinh phí hơn 600 triệu đồng. (số liệu LĐLĐ huyện)`);
    // Saved, the body has the typing and no mark; opened again, the passage is found where it now is.
    const saved = withoutNoteMarks(json(editor)) as StoryBody;
    expect(JSON.stringify(saved)).not.toContain('"mark"');
    const reopened = editorWith(saved);
    markPassages(reopened, [{ id: NOTE, blockId: 'b2', passage: 'Cụm thi đua số 4' }]);
    expect(markText(reopened)).toBe('Cụm thi đua số 4');
  });

  it('marks the writer’s selection within one block, and takes the mark away again', () => {
    const editor = editorWith(body());
    editor.update(
      () => {
        const paragraph = $getRoot().getChildAtIndex(0);
        const text = $isElementNode(paragraph) ? paragraph.getFirstChild() : null;
        if (!$isTextNode(text)) throw new Error('no text');
        const at = P1.indexOf('Đàm Công Lợi');
        text.select(at, at + 'Đàm Công Lợi'.length);
      },
      { discrete: true },
    );
    expect(markSelection(editor, NOTE)).toEqual({ ok: true, blockId: 'b1', passage: 'Đàm Công Lợi' });
    expect(markText(editor)).toBe('Đàm Công Lợi');
    unmark(editor, NOTE);
    expect(markText(editor)).toBeNull();
    expect(JSON.stringify(json(editor))).not.toContain('"mark"');
    // A selection across two paragraphs is not one passage.
    editor.update(
      () => {
        const first = $getRoot().getChildAtIndex(0);
        const second = $getRoot().getChildAtIndex(1);
        if (!$isElementNode(first) || !$isElementNode(second)) throw new Error('no paragraphs');
        const selection = first.selectEnd();
        const end = second.getFirstChild();
        if ($isTextNode(end)) selection.focus.set(end.getKey(), 4, 'text');
      },
      { discrete: true },
    );
    expect(editor.getEditorState().read(() => $selectedPassage())).toEqual({ ok: false, reason: 'blocks' });
  });
});

describe('withoutNoteMarks', () => {
  it('joins text a mark had split, keeps formatted pieces apart, and leaves a body without marks as it is', () => {
    const text = (t: string, format = 0) => ({ type: 'text', text: t, format, style: '', detail: 0, mode: 'normal', version: 1 });
    const marked = {
      root: {
        type: 'root',
        children: [
          {
            type: 'paragraph',
            children: [text('Năm 2025, '), { type: 'mark', ids: [NOTE], children: [text('1.250'), text(' đoàn viên', 1)] }, text(' được tặng quà.')],
          },
        ],
      },
    };
    expect(withoutNoteMarks(marked)).toEqual({
      root: { type: 'root', children: [{ type: 'paragraph', children: [text('Năm 2025, 1.250'), text(' đoàn viên', 1), text(' được tặng quà.')] }] },
    });
    const plain = { root: { type: 'root', children: [{ type: 'paragraph', children: [text('Không có ghi chú.')] }] } };
    expect(withoutNoteMarks(plain)).toBe(plain);
  });
});
