// How the body's Lexical editor is built: its namespace (which the paste
// plugin uses to recognise copies from Newsdesk), nodes and class names.
import { MarkNode } from '@lexical/mark';
import type { InitialConfigType } from '@lexical/react/LexicalComposer';
import type { EditorThemeClasses } from 'lexical';
import type { StoryBody } from '../../core/story';
import { NEWS_NODES } from '../../core/story/lexical-nodes';

export const EDITOR_NAMESPACE = 'newsdesk-story';

export const editorTheme: EditorThemeClasses = {
  paragraph: 'nd-p',
  heading: { h2: 'nd-h2', h3: 'nd-h3' },
  quote: 'nd-quote',
  link: 'nd-link',
  // Passages with editorial notes (renderer/notes): in the editor only, never saved.
  mark: 'nd-note-mark',
  markOverlap: 'nd-note-mark-overlap',
  list: {
    ul: 'nd-ul',
    ol: 'nd-ol',
    listitem: 'nd-li',
    nested: { listitem: 'nd-li-nested' },
  },
  text: {
    bold: 'nd-bold',
    italic: 'nd-italic',
    underline: 'nd-underline',
    strikethrough: 'nd-strike',
    underlineStrikethrough: 'nd-underline-strike',
  },
};

export function bodyEditorConfig(body: StoryBody, onError: (error: Error) => void): InitialConfigType {
  return {
    namespace: EDITOR_NAMESPACE,
    nodes: [...NEWS_NODES, MarkNode],
    theme: editorTheme,
    onError,
    // An empty body is left to Lexical, which starts it with one paragraph to type in.
    editorState: body.root.children.length === 0 ? undefined : JSON.stringify(body),
  };
}
