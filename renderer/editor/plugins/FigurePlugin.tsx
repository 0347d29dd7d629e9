// Draws every figure node with FigureView, in a portal inside the node's own
// element, and keeps the figure's inputs out of Lexical's key handling.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { FigureNode, type FigureFields } from '../../../core/story/lexical-nodes';
import { FigureView } from '../figures/FigureView';
import { isolateControls } from './isolate-controls';
import { useDecoratorElements } from './useDecoratorElements';

const readFields = (node: FigureNode): FigureFields => node.getFields();

function Isolated(props: { element: HTMLElement }): null {
  useEffect(() => isolateControls(props.element), [props.element]);
  return null;
}

export function FigurePlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const figures = useDecoratorElements(FigureNode, readFields);
  return figures.map(({ key, element, value }) =>
    createPortal(
      <>
        <Isolated element={element} />
        <FigureView editor={editor} nodeKey={key} fields={value} />
      </>,
      element,
      key,
    ),
  );
}
