// Marks the blocks of the body that wait for a choice after a merge (the cards
// above the body say which and why), so the writer sees them in the text too.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getRoot, $isElementNode, type LexicalNode } from 'lexical';
import { useEffect } from 'react';
import { $getBlockId } from '../../../core/story/lexical-nodes';

const MARK = 'nd-block-conflict';

export function ConflictMarksPlugin(props: { blockIds: readonly string[] }): null {
  const [editor] = useLexicalComposerContext();
  const key = props.blockIds.join(' ');

  useEffect(() => {
    if (key === '') return;
    const wanted = new Set(key.split(' '));
    let marked: HTMLElement[] = [];
    const mark = (): void => {
      const elements: HTMLElement[] = [];
      editor.getEditorState().read(() => {
        const visit = (node: LexicalNode): void => {
          if (wanted.has($getBlockId(node))) {
            const element = editor.getElementByKey(node.getKey());
            if (element !== null) elements.push(element);
          }
          if ($isElementNode(node)) node.getChildren().forEach(visit);
        };
        $getRoot().getChildren().forEach(visit);
      });
      for (const element of marked) if (!elements.includes(element)) element.classList.remove(MARK);
      for (const element of elements) element.classList.add(MARK);
      marked = elements;
    };
    mark();
    const off = editor.registerUpdateListener(mark);
    return () => {
      off();
      for (const element of marked) element.classList.remove(MARK);
    };
  }, [editor, key]);

  return null;
}
