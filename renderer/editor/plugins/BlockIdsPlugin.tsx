// Keeps every block of the body identified while people type, split, join,
// copy and paste (core/story/block-id has the rules): a block without an id and
// the newer of two blocks sharing one (a pasted copy) get a new random id, so
// that two desks editing one story apart never mint the same id and a merge can
// line their versions up block by block.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { useEffect } from 'react';
import { randomBlockId } from '../../../core/story';
import { registerBlockIds } from '../../../core/story/lexical-nodes';

export function BlockIdsPlugin(): null {
  const [editor] = useLexicalComposerContext();
  useEffect(() => registerBlockIds(editor, randomBlockId), [editor]);
  return null;
}
