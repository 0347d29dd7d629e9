// Passage notes in the body editor. The anchor of a passage note is its
// block's id (core/story/block-id.ts) and the passage's text; the story's body
// never holds it. While the story is open the passage is wrapped in a Lexical
// MarkNode whose id is the note's id, so that it moves with the text as people
// type around it; the marks are stripped before the body is saved
// (./strip-marks.ts), and found again from block id and text on the next opening.
import { $isMarkNode, $unwrapMarkNode, $wrapSelectionInMarkNode, type MarkNode } from '@lexical/mark';
import { $isListItemNode, $isListNode } from '@lexical/list';
import { $dfs } from '@lexical/utils';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isLineBreakNode,
  $isRangeSelection,
  $isRootNode,
  $isTextNode,
  HISTORY_MERGE_TAG,
  type EditorUpdateOptions,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
  type TextNode,
} from 'lexical';
import { MAX_PASSAGE_LENGTH } from '../../core/workflow';
import { $getBlockId } from '../../core/story/lexical-nodes';

/** Updates that only add or remove note marks: not an edit of the story (autosave ignores them). */
export const NOTE_MARKS_TAG = 'note-marks';
/** Merged into the edit before it (undo never strips a mark alone), and committed at once. */
const markUpdate = (): EditorUpdateOptions => ({ tag: [NOTE_MARKS_TAG, HISTORY_MERGE_TAG], discrete: true });

export type PassageAnchor = { id: string; blockId: string | null; passage: string };

/** The blocks a passage may sit in, in reading order: top-level blocks and list items. */
function $textBlocks(): ElementNode[] {
  const blocks: ElementNode[] = [];
  const visit = (node: LexicalNode): void => {
    if ($isListNode(node)) {
      for (const item of node.getChildren()) visit(item);
      return;
    }
    if (!$isElementNode(node)) return;
    blocks.push(node);
    if ($isListItemNode(node)) for (const child of node.getChildren()) if ($isListNode(child)) visit(child);
  };
  for (const block of $getRoot().getChildren()) visit(block);
  return blocks;
}

/** The block a node sits in: the nearest element whose parent is the root or a list. */
function $blockOf(node: LexicalNode): ElementNode | null {
  let current: LexicalNode | null = node;
  while (current !== null) {
    const parent: ElementNode | null = current.getParent();
    if ($isElementNode(current) && (parent === null || $isRootNode(parent) || $isListNode(parent))) return current;
    current = parent;
  }
  return null;
}

type Run = { node: TextNode; start: number };

/** A block's own text (nested lists left out), with where each text node starts in it. */
function $textOf(block: ElementNode): { text: string; runs: Run[] } {
  let text = '';
  const runs: Run[] = [];
  const walk = (node: LexicalNode): void => {
    if ($isTextNode(node)) {
      runs.push({ node, start: text.length });
      text += node.getTextContent();
    } else if ($isLineBreakNode(node)) {
      text += '\n';
    } else if ($isElementNode(node) && !$isListNode(node)) {
      for (const child of node.getChildren()) walk(child);
    }
  };
  for (const child of block.getChildren()) walk(child);
  return { text, runs };
}

/** The text node and offset at `at` in the block's text; at a boundary, the end of the earlier node when `end`. */
function pointAt(runs: readonly Run[], at: number, end: boolean): { node: TextNode; offset: number } | null {
  for (const run of runs) {
    const length = run.node.getTextContentSize();
    const inside = end ? at > run.start && at <= run.start + length : at >= run.start && at < run.start + length;
    if (inside) return { node: run.node, offset: at - run.start };
  }
  return null;
}

export function $markById(id: string): MarkNode | null {
  for (const { node } of $dfs()) if ($isMarkNode(node) && node.hasID(id)) return node;
  return null;
}

/** Ids of every note mark in the editor. */
export function $markIds(): Set<string> {
  const ids = new Set<string>();
  for (const { node } of $dfs()) if ($isMarkNode(node)) for (const id of node.getIDs()) ids.add(id);
  return ids;
}

/** Wraps the passage in a mark: in its block first, else in the first block that has it. False when it is nowhere. */
function $wrapPassage(anchor: PassageAnchor): boolean {
  if ($markById(anchor.id) !== null) return true;
  const blocks = $textBlocks();
  const own = anchor.blockId === null ? [] : blocks.filter((b) => $getBlockId(b) === anchor.blockId);
  for (const block of [...own, ...blocks.filter((b) => !own.includes(b))]) {
    const { text, runs } = $textOf(block);
    const at = text.indexOf(anchor.passage);
    if (at < 0) continue;
    const start = pointAt(runs, at, false);
    const end = pointAt(runs, at + anchor.passage.length, true);
    if (start === null || end === null) continue;
    const selection = $createRangeSelection();
    selection.anchor.set(start.node.getKey(), start.offset, 'text');
    selection.focus.set(end.node.getKey(), end.offset, 'text');
    $wrapSelectionInMarkNode(selection, false, anchor.id);
    return true;
  }
  return false;
}

/** Marks every passage not yet marked; answers the ids whose passage is no longer in the text. */
export function markPassages(editor: LexicalEditor, anchors: readonly PassageAnchor[]): Set<string> {
  const lost = new Set<string>();
  const missing = editor.getEditorState().read(() => {
    const present = $markIds();
    return anchors.filter((a) => !present.has(a.id));
  });
  if (missing.length === 0) return lost;
  editor.update(() => {
    for (const anchor of missing) if (!$wrapPassage(anchor)) lost.add(anchor.id);
  }, markUpdate());
  return lost;
}

export type SelectedPassage = { ok: true; blockId: string | null; passage: string } | { ok: false; reason: 'none' | 'blocks' | 'long' };

/** What the writer has selected, as a passage: within one block, not empty, not too long. */
export function $selectedPassage(): SelectedPassage {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || selection.isCollapsed()) return { ok: false, reason: 'none' };
  const passage = selection.getTextContent();
  if (passage.trim() === '') return { ok: false, reason: 'none' };
  const block = $blockOf(selection.anchor.getNode());
  if (block === null || block !== $blockOf(selection.focus.getNode())) return { ok: false, reason: 'blocks' };
  if (passage.length > MAX_PASSAGE_LENGTH) return { ok: false, reason: 'long' };
  const blockId = $getBlockId(block);
  return { ok: true, blockId: blockId === '' ? null : blockId, passage };
}

/** Wraps the current selection in a mark with this id and answers its passage, or why it cannot. */
export function markSelection(editor: LexicalEditor, id: string): SelectedPassage {
  let result: SelectedPassage = { ok: false, reason: 'none' };
  editor.update(() => {
    result = $selectedPassage();
    const selection = $getSelection();
    if (result.ok && $isRangeSelection(selection)) $wrapSelectionInMarkNode(selection, selection.isBackward(), id);
  }, markUpdate());
  return result;
}

/** Takes the mark with this id away (a passage note that was not written after all). */
export function unmark(editor: LexicalEditor, id: string): void {
  editor.update(() => {
    const mark = $markById(id);
    if (mark === null) return;
    mark.deleteID(id);
    if (mark.getIDs().length === 0) $unwrapMarkNode(mark);
  }, markUpdate());
}

/** The DOM element of the mark with this id, to scroll to. */
export function markElement(editor: LexicalEditor, id: string): HTMLElement | null {
  const key = editor.getEditorState().read(() => $markById(id)?.getKey() ?? null);
  return key === null ? null : editor.getElementByKey(key);
}
