// Lexical binds Ctrl+B, Ctrl+I and Ctrl+U itself; strikethrough has no
// standard key, so the editor uses Ctrl+Shift+X as Google Docs does.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { COMMAND_PRIORITY_NORMAL, FORMAT_TEXT_COMMAND, KEY_DOWN_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { isPrimaryShortcut } from './shortcuts';

export function FormatShortcutsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(
    () =>
      editor.registerCommand(
        KEY_DOWN_COMMAND,
        (event) => {
          if (!isPrimaryShortcut(event, 'x', { shift: true })) return false;
          event.preventDefault();
          return editor.dispatchCommand(FORMAT_TEXT_COMMAND, 'strikethrough');
        },
        COMMAND_PRIORITY_NORMAL,
      ),
    [editor],
  );
  return null;
}
