// The story editor's entry point: load the story, then lay it out. Loading and
// saving live in useStoryDocument; each feature of the body is a plugin.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../core/api';
import type { NewsdeskClient } from '../transport/client';
import type { NotesFocus } from '../notes/NotesPanel';
import './editor.css';
import './editor-blocks.css';
import { EditorLayout } from './EditorLayout';
import { useStoryDocument } from './useStoryDocument';
import { useWorkflowView } from '../workflow/useWorkflowView';

export function StoryEditor(props: {
  client: NewsdeskClient;
  storyId: string;
  settings: Settings;
  onChanged?: () => void;
  /** Controls the app adds to the status bar (the history button). */
  statusTools?: ReactNode;
  /** What the notes panel opens with in view: the editor's note of a returned story, or a thread. */
  notesFocus?: NotesFocus;
}): ReactNode {
  const { t } = useTranslation('editor');
  const doc = useStoryDocument(props.client, props.storyId, props.onChanged);
  const workflow = useWorkflowView(props.client, props.storyId);
  const { load } = doc;

  // Until the workflow is known the story is not shown: a story this user may not edit must never open editable.
  if (load.status === 'loading' || workflow.load.status === 'loading') {
    return (
      <p className="nd-editor-loading" role="status">
        {t('loading')}
      </p>
    );
  }
  if (load.status === 'failed') {
    return (
      <div className="nd-editor-failed" role="alert">
        <p>{t('loadFailed', { message: load.message })}</p>
        <button type="button" className="button" onClick={doc.reload}>
          {t('retry')}
        </button>
      </div>
    );
  }
  return (
    <EditorLayout
      key={load.story.id}
      client={props.client}
      story={load.story}
      document={doc}
      settings={props.settings}
      statusTools={props.statusTools}
      workflow={workflow.load.status === 'ready' ? { view: workflow.load.view, onView: workflow.set } : null}
      notesFocus={props.notesFocus}
    />
  );
}
