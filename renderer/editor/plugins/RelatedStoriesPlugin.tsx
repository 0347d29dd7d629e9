// The related-stories block: drawn with RelatedStoriesView, inserted and
// edited through RelatedPicker.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $insertNodeToNearestRoot } from '@lexical/utils';
import { $getNodeByKey, $getRoot, $getSelection, COMMAND_PRIORITY_EDITOR, type NodeKey } from 'lexical';
import { useEffect, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { RelatedStoryRef } from '../../../core/story';
import { $createRelatedStoriesNode, $isRelatedStoriesNode, RelatedStoriesNode } from '../../../core/story/lexical-nodes';
import { RelatedPicker } from '../related/RelatedPicker';
import { RelatedStoriesView } from '../related/RelatedStoriesView';
import { OPEN_RELATED_PICKER_COMMAND } from './commands';
import { isolateControls } from './isolate-controls';
import { useDecoratorElements } from './useDecoratorElements';
import { focusEditor } from '../dom/focus-editor';

const readStories = (node: RelatedStoriesNode): RelatedStoryRef[] => node.getStories();

interface Picking {
  /** The block being edited, or null for a new one. */
  nodeKey: NodeKey | null;
  initial: RelatedStoryRef[];
}

function Isolated(props: { element: HTMLElement }): null {
  useEffect(() => isolateControls(props.element), [props.element]);
  return null;
}

export function RelatedStoriesPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const blocks = useDecoratorElements(RelatedStoriesNode, readStories);
  const [picking, setPicking] = useState<Picking | null>(null);

  useEffect(
    () =>
      editor.registerCommand(
        OPEN_RELATED_PICKER_COMMAND,
        (nodeKey) => {
          const initial = nodeKey === null ? [] : editor.getEditorState().read(() => {
            const node = $getNodeByKey(nodeKey);
            return $isRelatedStoriesNode(node) ? node.getStories() : [];
          });
          setPicking({ nodeKey, initial });
          return true;
        },
        COMMAND_PRIORITY_EDITOR,
      ),
    [editor],
  );

  const finish = (stories: RelatedStoryRef[] | null): void => {
    const target = picking;
    setPicking(null);
    if (target !== null && stories !== null) {
      editor.update(() => {
        const existing = target.nodeKey === null ? null : $getNodeByKey(target.nodeKey);
        if ($isRelatedStoriesNode(existing)) {
          existing.setStories(stories);
          return;
        }
        if (stories.length === 0) return;
        if ($getSelection() === null) $getRoot().selectStart();
        $insertNodeToNearestRoot($createRelatedStoriesNode(stories));
      });
    }
    focusEditor(editor);
  };

  const remove = (key: NodeKey): void => {
    editor.update(() => $getNodeByKey(key)?.remove());
    focusEditor(editor);
  };

  return (
    <>
      {blocks.map(({ key, element, value }) =>
        createPortal(
          <>
            <Isolated element={element} />
            <RelatedStoriesView stories={value} onEdit={() => editor.dispatchCommand(OPEN_RELATED_PICKER_COMMAND, key)} onRemove={() => remove(key)} />
          </>,
          element,
          key,
        ),
      )}
      {picking !== null && <RelatedPicker initial={picking.initial} onDone={(stories) => finish(stories)} onCancel={() => finish(null)} />}
    </>
  );
}
