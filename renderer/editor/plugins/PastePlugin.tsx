// Pasting from Word, Google Docs or a web page goes through cleanPastedHtml, so
// only the story's own nodes enter the body. Pasted image files become figures.
// A paste from this editor itself (Lexical's own clipboard format) and plain
// text are left to Lexical, which already keeps those within our nodes.
import { $insertGeneratedNodes } from '@lexical/clipboard';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getSelection, COMMAND_PRIORITY_HIGH, PASTE_COMMAND } from 'lexical';
import { useEffect } from 'react';
import { EDITOR_NAMESPACE } from '../editor-config';
import { $storyNodesFromHtml } from '../paste/story-nodes';
import { INSERT_IMAGE_FILES_COMMAND } from './commands';

const LEXICAL_MIME = 'application/x-lexical-editor';

/** A copy from a Newsdesk editor keeps figures and related stories; any other Lexical app's does not. */
function isOwnClipboard(data: DataTransfer): boolean {
  if (!data.types.includes(LEXICAL_MIME)) return false;
  try {
    const parsed: unknown = JSON.parse(data.getData(LEXICAL_MIME));
    return typeof parsed === 'object' && parsed !== null && (parsed as { namespace?: unknown }).namespace === EDITOR_NAMESPACE;
  } catch {
    return false;
  }
}

/** Office puts a picture of the copied text next to its HTML; only a paste of just images is images. */
function pastedImages(data: DataTransfer, html: string): File[] {
  if (html.trim() !== '' && !/^\s*(<meta[^>]*>\s*)?<img[^>]*>\s*$/i.test(html)) return [];
  return Array.from(data.files).filter((file) => file.type.startsWith('image/'));
}

export function PastePlugin(): null {
  const [editor] = useLexicalComposerContext();

  useEffect(
    () =>
      editor.registerCommand(
        PASTE_COMMAND,
        (event) => {
          if (!(event instanceof ClipboardEvent) || event.clipboardData === null) return false;
          const data = event.clipboardData;
          const html = data.getData('text/html');
          const images = pastedImages(data, html);
          if (images.length > 0) {
            event.preventDefault();
            editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, images);
            return true;
          }
          if (html.trim() === '' || isOwnClipboard(data)) return false;
          event.preventDefault();
          editor.update(() => {
            const selection = $getSelection();
            if (selection === null) return;
            $insertGeneratedNodes(editor, $storyNodesFromHtml(editor, html), selection);
          });
          return true;
        },
        COMMAND_PRIORITY_HIGH,
      ),
    [editor],
  );

  return null;
}
