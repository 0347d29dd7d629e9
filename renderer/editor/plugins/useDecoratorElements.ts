// core/story's figure and related-stories nodes draw nothing themselves
// (decorate() returns null) so that the server and headless code need no
// React. The editor draws them by following each node's DOM element and
// rendering a portal into it, the same thing Lexical does with decorators.
// Subclassing would mean a second node type ("figure" is taken by the core
// class), and the saved JSON must say "figure".
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNodeByKey, type Klass, type LexicalEditor, type LexicalNode, type NodeKey } from 'lexical';
import { useEffect, useRef, useState } from 'react';

export interface DecoratedNode<T> {
  key: NodeKey;
  element: HTMLElement;
  value: T;
}

/**
 * The DOM element and current value (read with `read`) of every node of
 * `klass`, kept up to date as nodes are created, changed and destroyed.
 */
export function useDecoratorElements<N extends LexicalNode, T>(klass: Klass<N>, read: (node: N) => T): Array<DecoratedNode<T>> {
  const [editor] = useLexicalComposerContext();
  const [nodes, setNodes] = useState<ReadonlyMap<NodeKey, DecoratedNode<T>>>(new Map());
  const readRef = useRef(read);
  useEffect(() => {
    readRef.current = read;
  });

  useEffect(() => {
    const refresh = (target: LexicalEditor, keys: Iterable<[NodeKey, string]>): void => {
      setNodes((old) => {
        const next = new Map(old);
        target.getEditorState().read(() => {
          for (const [key, mutation] of keys) {
            const node = $getNodeByKey<N>(key);
            const element = target.getElementByKey(key);
            if (mutation === 'destroyed' || node === null || element === null) next.delete(key);
            else next.set(key, { key, element, value: readRef.current(node) });
          }
        });
        return next;
      });
    };
    return editor.registerMutationListener(klass, (mutations) => refresh(editor, mutations), { skipInitialization: false });
  }, [editor, klass]);

  return [...nodes.values()];
}
