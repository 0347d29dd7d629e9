// editor.focus() restores Lexical's selection but, coming from a toolbar
// button or a dialog, Chromium may leave focus where it was; focusing the
// content element first makes the caret come back for keyboard users.
import type { LexicalEditor } from 'lexical';

export function focusEditor(editor: LexicalEditor): void {
  editor.getRootElement()?.focus({ preventScroll: true });
  editor.focus();
}
