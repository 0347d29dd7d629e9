// A headless Lexical editor with the news nodes, as the desk's editor is set up,
// for tests that send bodies through Lexical and back.
import { createHeadlessEditor } from '@lexical/headless';
import type { LexicalEditor } from 'lexical';
import type { StoryBody } from '../../core/story';
import { NEWS_NODES } from '../../core/story/lexical-nodes';

export function newsEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'newsdesk-test',
    nodes: NEWS_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** The body after a trip through a Lexical editor and back to JSON. */
export function throughEditor(body: StoryBody): unknown {
  const editor = newsEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}
