// Tells the story document when the body changes (for autosave and counts)
// and lends it the editor, so that a save reads the body only when it sends.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { BLUR_COMMAND, COMMAND_PRIORITY_LOW } from 'lexical';
import { useEffect } from 'react';
import type { StoryDocument } from '../useStoryDocument';
import { NOTE_MARKS_TAG } from '../../notes/note-marks';
import { FOLLOW_TAG } from '../document/replace-body';

export function AutosavePlugin(props: { document: Pick<StoryDocument, 'attachEditor' | 'bodyChanged' | 'flush'> }): null {
  const [editor] = useLexicalComposerContext();
  const { attachEditor, bodyChanged, flush } = props.document;

  useEffect(() => {
    attachEditor(editor);
    // Plugins registering node transforms re-run them over the loaded body as
    // they mount; those updates are the editor settling, not the writer editing.
    let settled = false;
    const settle = setTimeout(() => {
      settled = true;
    }, 0);
    const unregister = mergeRegister(
      () => clearTimeout(settle),
      editor.registerUpdateListener(({ dirtyElements, dirtyLeaves, prevEditorState, tags }) => {
        // A text that came in from the store (sync, a settled conflict) is not the writer's edit.
        if (!settled || prevEditorState.isEmpty() || tags.has(FOLLOW_TAG)) return;
        // Marks around noted passages are not part of the story: they are stripped before a save.
        if (tags.has(NOTE_MARKS_TAG)) return;
        // Selection moves are not edits.
        if (dirtyElements.size === 0 && dirtyLeaves.size === 0) return;
        bodyChanged();
      }),
      editor.registerCommand(
        BLUR_COMMAND,
        () => {
          void flush();
          return false;
        },
        COMMAND_PRIORITY_LOW,
      ),
    );
    return () => {
      unregister();
      attachEditor(null);
    };
  }, [editor, attachEditor, bodyChanged, flush]);

  return null;
}
