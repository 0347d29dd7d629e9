// Images enter the body three ways: the toolbar's file dialog, a drop and a
// paste (which PastePlugin hands over as INSERT_IMAGE_FILES_COMMAND).
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import {
  $getNearestNodeFromDOMNode,
  $isDecoratorNode,
  $isElementNode,
  $isTextNode,
  COMMAND_PRIORITY_EDITOR,
  COMMAND_PRIORITY_HIGH,
  DRAGOVER_COMMAND,
  DROP_COMMAND,
  type NodeKey,
} from 'lexical';
import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { caretAtPoint } from '../dom/caret';
import { useEditorServices } from '../EditorServices';
import { attachImage, insertImages, type UploadMessages } from '../figures/insert-images';
import { INSERT_IMAGE_FILES_COMMAND, OPEN_IMAGE_DIALOG_COMMAND } from './commands';

function imageFiles(data: DataTransfer | null): File[] {
  return Array.from(data?.files ?? []).filter((file) => file.type.startsWith('image/'));
}

function mayHoldImages(data: DataTransfer | null): boolean {
  return Array.from(data?.items ?? []).some((item) => item.kind === 'file' && item.type.startsWith('image/'));
}

function $selectAtDomPoint(node: Node, offset: number): void {
  const target = $getNearestNodeFromDOMNode(node);
  if ($isTextNode(target)) target.select(offset, offset);
  else if ($isElementNode(target)) target.selectEnd();
  else if ($isDecoratorNode(target)) target.selectNext();
}

export function ImagesPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const services = useEditorServices();
  const { t } = useTranslation('editor');
  const input = useRef<HTMLInputElement>(null);
  /** The figure the open file dialog is for, or null for new figures. */
  const target = useRef<NodeKey | null>(null);

  const messages: UploadMessages = {
    uploading: t('imageUploading'),
    failed: (name, message) => t('imageFailed', { name, message }),
  };
  const messagesRef = useRef(messages);
  useEffect(() => {
    messagesRef.current = messages;
  });

  useEffect(
    () =>
      mergeRegister(
        editor.registerCommand(
          INSERT_IMAGE_FILES_COMMAND,
          (files) => {
            void insertImages(editor, files, services, messagesRef.current);
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          OPEN_IMAGE_DIALOG_COMMAND,
          (nodeKey) => {
            target.current = nodeKey;
            input.current?.click();
            return true;
          },
          COMMAND_PRIORITY_EDITOR,
        ),
        editor.registerCommand(
          DRAGOVER_COMMAND,
          (event) => {
            if (!mayHoldImages(event.dataTransfer)) return false;
            event.preventDefault();
            if (event.dataTransfer !== null) event.dataTransfer.dropEffect = 'copy';
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
        editor.registerCommand(
          DROP_COMMAND,
          (event) => {
            const files = imageFiles(event.dataTransfer);
            if (files.length === 0) return false;
            event.preventDefault();
            event.stopPropagation();
            const caret = caretAtPoint(event.clientX, event.clientY);
            if (caret !== null) editor.update(() => $selectAtDomPoint(caret.node, caret.offset));
            editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, files);
            return true;
          },
          COMMAND_PRIORITY_HIGH,
        ),
      ),
    [editor, services],
  );

  return (
    <input
      ref={input}
      type="file"
      accept="image/*"
      multiple
      hidden
      data-testid="figure-file-input"
      aria-label={t('figureChoose')}
      onChange={(event) => {
        // Any file the writer picks goes to the service, which says clearly if it is not an image.
        const files = Array.from(event.currentTarget.files ?? []);
        event.currentTarget.value = '';
        const figure = target.current;
        target.current = null;
        const [first] = files;
        if (figure !== null && first !== undefined) void attachImage(editor, figure, first, services, messagesRef.current);
        else if (files.length > 0) editor.dispatchCommand(INSERT_IMAGE_FILES_COMMAND, files);
      }}
    />
  );
}
