// Each image file is stored with the service first; only a stored image
// becomes a figure, so the body never points at bytes that are not in the
// store. Uploads run in the background: the writer keeps typing meanwhile.
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $getNodeByKey, $getRoot, $getSelection, $isRangeSelection, $setSelection, type BaseSelection, type LexicalEditor, type NodeKey } from 'lexical';
import { $createFigureNode, $isFigureNode } from '../../../core/story/lexical-nodes';
import type { EditorServices } from '../EditorServices';
import { uploadImage } from './media';

/** Puts the selection back where the writer was when the upload started, if that text still exists. */
function $restoreSelection(saved: BaseSelection | null): void {
  if ($isRangeSelection(saved) && $getNodeByKey(saved.anchor.key) !== null && $getNodeByKey(saved.focus.key) !== null) {
    $setSelection(saved.clone());
  } else if ($getSelection() === null) {
    $getRoot().selectEnd();
  }
}

export interface UploadMessages {
  uploading: string;
  failed(name: string, message: string): string;
}

/** Stores the file and gives it to a figure that was missing its image. */
export async function attachImage(editor: LexicalEditor, nodeKey: NodeKey, file: File, services: EditorServices, messages: UploadMessages): Promise<void> {
  const done = services.beginWork(messages.uploading);
  try {
    const src = await uploadImage(services.client, file);
    editor.update(() => {
      const node = $getNodeByKey(nodeKey);
      if ($isFigureNode(node)) node.setFields({ src });
    });
  } catch (error) {
    services.notify(messages.failed(file.name, error instanceof Error ? error.message : String(error)), 'error');
  } finally {
    done();
  }
}

/** Stores each file and inserts it as a figure where the writer was when the files came in. */
export async function insertImages(editor: LexicalEditor, files: readonly File[], services: EditorServices, messages: UploadMessages): Promise<void> {
  let saved = editor.getEditorState().read(() => $getSelection()?.clone() ?? null);
  for (const file of files) {
    const done = services.beginWork(messages.uploading);
    try {
      const src = await uploadImage(services.client, file);
      editor.update(() => {
        $restoreSelection(saved);
        const figure = $insertNodeToNearestRoot($createFigureNode({ src }));
        figure.selectNext();
      });
      saved = null;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      services.notify(messages.failed(file.name, message), 'error');
    } finally {
      done();
    }
  }
}
