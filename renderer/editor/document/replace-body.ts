// Puts a new body into the open editor (a merge that came in while the story
// was open) and keeps the caret where it was: in the same block, found by its
// id, at the same place in its text. Tagged, so that autosave does not take
// the replacement for typing.
import { $getBlockId } from '../../../core/story/lexical-nodes';
import type { StoryBody } from '../../../core/story';
import {
  $createRangeSelection,
  $getRoot,
  $getSelection,
  $isElementNode,
  $isRangeSelection,
  $isTextNode,
  $setSelection,
  CLEAR_HISTORY_COMMAND,
  type ElementNode,
  type LexicalEditor,
  type LexicalNode,
} from 'lexical';

export const FOLLOW_TAG = 'newsdesk-follow-store';

interface Caret {
  blockId: string;
  offset: number;
}

/** The nearest ancestor (or the node itself) that carries a block id. */
function $blockOf(node: LexicalNode): ElementNode | null {
  for (let at: LexicalNode | null = node; at !== null; at = at.getParent()) {
    if ($isElementNode(at) && $getBlockId(at) !== '') return at;
  }
  return null;
}

function $readCaret(): Caret | null {
  const selection = $getSelection();
  if (!$isRangeSelection(selection) || !$isTextNode(selection.anchor.getNode())) return null;
  const text = selection.anchor.getNode();
  const block = $blockOf(text);
  if (block === null) return null;
  let offset = selection.anchor.offset;
  for (const node of block.getAllTextNodes()) {
    if (node.is(text)) break;
    offset += node.getTextContentSize();
  }
  return { blockId: $getBlockId(block), offset };
}

/** The block or list item with this id in the editor, or null. */
export function $findBlock(blockId: string): LexicalNode | null {
  let found: LexicalNode | null = null;
  const visit = (node: LexicalNode): void => {
    if (found !== null) return;
    if ($getBlockId(node) === blockId) found = node;
    else if ($isElementNode(node)) node.getChildren().forEach(visit);
  };
  $getRoot().getChildren().forEach(visit);
  return found;
}

function $placeCaret(caret: Caret): void {
  const block = $findBlock(caret.blockId);
  if (!$isElementNode(block)) return;
  let left = caret.offset;
  for (const node of block.getAllTextNodes()) {
    const size = node.getTextContentSize();
    if (left <= size) {
      const selection = $createRangeSelection();
      selection.anchor.set(node.getKey(), left, 'text');
      selection.focus.set(node.getKey(), left, 'text');
      $setSelection(selection);
      return;
    }
    left -= size;
  }
}

export function replaceBody(editor: LexicalEditor, body: StoryBody): void {
  const caret = editor.getEditorState().read($readCaret);
  const hadFocus = editor.getRootElement()?.contains(document.activeElement) ?? false;
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)), { tag: FOLLOW_TAG });
  if (caret !== null && hadFocus) editor.update(() => $placeCaret(caret), { tag: FOLLOW_TAG });
  // Undo must not step back to a text without what was merged in (and save that as the writer's edit).
  editor.dispatchCommand(CLEAR_HISTORY_COMMAND, undefined);
}
