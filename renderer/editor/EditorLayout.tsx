// The open story, laid out like the printed article: headline, sapo, body;
// the metadata beside it; save state and counts above.
import { $isElementNode, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings, WorkflowView } from '../../core/api';
import type { Story, StoryBody } from '../../core/story';
import { readOnlyReason } from '../workflow/desk-rules';
import { StoryWorkflow } from '../workflow/StoryWorkflow';
import type { NewsdeskClient } from '../transport/client';
import { toServiceError } from '../transport/client';
import { NotesBridge } from '../notes/notes-bridge';
import { NotesPanel, type NotesFocus } from '../notes/NotesPanel';
import { PresenceNotice } from '../notes/PresenceNotice';
import { usePresence } from '../notes/usePresence';
import { useReturnNote } from '../workflow/useReturnNote';
import { BodyEditor, focusBodyStart } from './BodyEditor';
import { MergeConflicts } from './conflicts/MergeConflicts';
import { useMergeConflicts } from './conflicts/useMergeConflicts';
import { $findBlock } from './document/replace-body';
import { storyCounts } from './document/counts';
import { EditorServicesContext, type EditorServices } from './EditorServices';
import { HeadlineField } from './fields/HeadlineField';
import { MetaPanel } from './fields/MetaPanel';
import { SapoField } from './fields/SapoField';
import { StatusBar } from './fields/StatusBar';
import { SpellcheckProvider } from './spell/SpellcheckProvider';
import { contentOf } from './document/story-meta';
import { Toasts, useToasts } from './fields/Toasts';
import { isPrimaryShortcut } from './plugins/shortcuts';
import type { StoryDocument } from './useStoryDocument';

export function EditorLayout(props: {
  client: NewsdeskClient;
  story: Story;
  document: StoryDocument;
  settings: Settings;
  statusTools?: ReactNode;
  /** The story's workflow on this desk, once known: the action bar, and whether the text may be edited. */
  workflow?: { view: WorkflowView; onView: (view: WorkflowView) => void } | null;
  /** What the notes panel opens with in view (a returned story's note, a thread). */
  notesFocus?: NotesFocus;
}): ReactNode {
  const { client, story, document: doc, settings, workflow } = props;
  const { t } = useTranslation('editor');
  const toasts = useToasts();
  const sapoRef = useRef<HTMLTextAreaElement>(null);
  const bodyEditor = useRef<LexicalEditor | null>(null);
  const { notify, beginWork } = toasts;

  // The notes panel and the body's marks share one bridge per open story; presence is heartbeated while it is open.
  const notes = useMemo(() => new NotesBridge(), []);
  const services = useMemo<EditorServices>(() => ({ client, storyId: story.id, notify, beginWork, notes }), [client, story.id, notify, beginWork, notes]);
  const counts = useMemo(
    () => storyCounts({ headline: doc.meta.headline, sapo: doc.meta.sapo, bodyText: doc.bodyText }, settings.sectionTargets[doc.meta.section.trim()]),
    [doc.meta.headline, doc.meta.sapo, doc.bodyText, doc.meta.section, settings.sectionTargets],
  );

  const { saveRevision, flush, edit, attachEditor, bodyChanged, setReadOnly } = doc;
  const autosave = useMemo(() => ({ attachEditor, bodyChanged, flush }), [attachEditor, bodyChanged, flush]);
  // The body is only read for the workflow's stand-in of the site's copy (core/api/desk-workflow): the loaded one will do.
  const content = useMemo(() => contentOf(doc.meta, story.body), [doc.meta, story.body]);
  const readOnly = workflow ? readOnlyReason(workflow.view, content) !== null : false;
  useEffect(() => setReadOnly(readOnly), [readOnly, setReadOnly]);
  // A story open read-only only asks who is editing it: others are not told this desk is.
  const present = usePresence(client, story.id, readOnly ? 'viewing' : 'editing');
  const returnNote = useReturnNote(client, workflow?.view ?? null);
  const notesFocus = useMemo<NotesFocus | undefined>(
    () => (returnNote === null ? props.notesFocus : { ...props.notesFocus, returnNote }),
    [returnNote, props.notesFocus],
  );
  const saveRevisionNow = useCallback(() => {
    if (readOnly) return;
    saveRevision().then(
      () => notify(t('revisionSaved')),
      (error: unknown) => notify(t('revisionFailed', { message: toServiceError(error).message }), 'error'),
    );
  }, [saveRevision, notify, t, readOnly]);

  // Ctrl+S anywhere while the story is open, and the desktop menu's "save revision".
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent): void => {
      if (!isPrimaryShortcut(event, 's')) return;
      event.preventDefault();
      saveRevisionNow();
    };
    window.addEventListener('keydown', onKeyDown);
    const stopMenu = client.on('menu.command', ({ command }) => {
      if (command === 'save-revision') saveRevisionNow();
    });
    return () => {
      window.removeEventListener('keydown', onKeyDown);
      stopMenu();
    };
  }, [client, saveRevisionNow]);

  const { conflicts, refresh: refreshConflicts } = useMergeConflicts(client, story.id);
  const conflictKey = conflicts.map((c) => (c.conflict.kind === 'block' ? c.conflict.blockId : '')).join(' ');
  const conflictBlocks = useMemo(() => conflictKey.split(' ').filter((id) => id !== ''), [conflictKey]);
  // Where each block is now, for the cards' "Đoạn 3": the editor's body as it stands when the list changes.
  const currentBody = useMemo(
    () => (bodyEditor.current?.getEditorState().toJSON() as unknown as StoryBody | undefined) ?? story.body,
    // Read again whenever the conflicts change: that is when the cards need it.
    [conflicts, story.body],
  );
  const showBlock = useCallback((blockId: string) => {
    const editor = bodyEditor.current;
    if (editor === null) return;
    editor.update(() => {
      const block = $findBlock(blockId);
      if (!$isElementNode(block)) return;
      block.selectStart();
      editor.getElementByKey(block.getKey())?.scrollIntoView({ block: 'center' });
    });
    editor.focus();
  }, []);

  const onBlur = useCallback(() => void flush(), [flush]);
  const onEditor = useCallback((editor: LexicalEditor | null) => {
    bodyEditor.current = editor;
  }, []);

  return (
    <EditorServicesContext.Provider value={services}>
      <div className="nd-editor" data-testid="story-editor" data-read-only={readOnly || undefined}>
        {workflow && (
          <StoryWorkflow client={client} view={workflow.view} content={content} updatedAt={story.updatedAt} flush={flush} onView={workflow.onView} notify={notify} />
        )}
        <StatusBar save={doc.save} counts={counts} onSaveRevision={saveRevisionNow} tools={props.statusTools} readOnly={readOnly} />
        <PresenceNotice present={present} />
        <div className="nd-editor-columns">
          {/* Disabled, a fieldset takes every field, button and figure caption of the story out of reach at once; notes stay open. */}
          <fieldset className="nd-editor-fieldset" disabled={readOnly}>
          <SpellcheckProvider personalDictionary={settings.personalDictionary}>
            <article className="nd-story" lang="vi">
              <HeadlineField
                value={doc.meta.headline}
                onChange={(value) => edit({ field: 'headline', value })}
                onEnter={() => sapoRef.current?.focus()}
                onBlur={onBlur}
              />
              <SapoField
                ref={sapoRef}
                value={doc.meta.sapo}
                onChange={(value) => edit({ field: 'sapo', value })}
                onEnter={() => {
                  if (bodyEditor.current !== null) focusBodyStart(bodyEditor.current);
                }}
                onBlur={onBlur}
              />
              <MergeConflicts
                client={client}
                conflicts={conflicts}
                story={{ body: currentBody }}
                flush={flush}
                onSettled={refreshConflicts}
                onShow={showBlock}
              />
              <BodyEditor body={story.body} autosave={autosave} onEditor={onEditor} readOnly={readOnly} conflictBlocks={conflictBlocks} />
            </article>
          </SpellcheckProvider>
          </fieldset>
          <div className="nd-sidebar">
            <fieldset className="nd-editor-fieldset" disabled={readOnly}>
              <MetaPanel meta={doc.meta} sectionsWithTargets={Object.keys(settings.sectionTargets)} onEdit={edit} onBlur={onBlur} />
            </fieldset>
            <NotesPanel client={client} storyId={story.id} bridge={notes} focus={notesFocus} notify={notify} />
          </div>
        </div>
        <Toasts toasts={toasts.toasts} work={toasts.work} onDismiss={toasts.dismiss} />
      </div>
    </EditorServicesContext.Provider>
  );
}
