// The open story, laid out like the printed article: headline, sapo, body;
// the metadata beside it; save state and counts above.
import { $isElementNode, type LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../core/api';
import type { Story, StoryBody } from '../../core/story';
import type { NewsdeskClient } from '../transport/client';
import { toServiceError } from '../transport/client';
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
import { Toasts, useToasts } from './fields/Toasts';
import { isPrimaryShortcut } from './plugins/shortcuts';
import type { StoryDocument } from './useStoryDocument';

export function EditorLayout(props: {
  client: NewsdeskClient;
  story: Story;
  document: StoryDocument;
  settings: Settings;
  statusTools?: ReactNode;
}): ReactNode {
  const { client, story, document: doc, settings } = props;
  const { t } = useTranslation('editor');
  const toasts = useToasts();
  const sapoRef = useRef<HTMLTextAreaElement>(null);
  const bodyEditor = useRef<LexicalEditor | null>(null);
  const { notify, beginWork } = toasts;

  const services = useMemo<EditorServices>(() => ({ client, storyId: story.id, notify, beginWork }), [client, story.id, notify, beginWork]);
  const counts = useMemo(
    () => storyCounts({ headline: doc.meta.headline, sapo: doc.meta.sapo, bodyText: doc.bodyText }, settings.sectionTargets[doc.meta.section.trim()]),
    [doc.meta.headline, doc.meta.sapo, doc.bodyText, doc.meta.section, settings.sectionTargets],
  );

  const { saveRevision, flush, edit, attachEditor, bodyChanged } = doc;
  const autosave = useMemo(() => ({ attachEditor, bodyChanged, flush }), [attachEditor, bodyChanged, flush]);
  const saveRevisionNow = useCallback(() => {
    saveRevision().then(
      () => notify(t('revisionSaved')),
      (error: unknown) => notify(t('revisionFailed', { message: toServiceError(error).message }), 'error'),
    );
  }, [saveRevision, notify, t]);

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
      <div className="nd-editor" data-testid="story-editor">
        <StatusBar save={doc.save} counts={counts} onSaveRevision={saveRevisionNow} tools={props.statusTools} />
        <div className="nd-editor-columns">
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
            <BodyEditor
              body={story.body}
              autosave={autosave}
              personalDictionary={settings.personalDictionary}
              onEditor={onEditor}
              conflictBlocks={conflictBlocks}
            />
          </article>
          <MetaPanel meta={doc.meta} sectionsWithTargets={Object.keys(settings.sectionTargets)} onEdit={edit} onBlur={onBlur} />
        </div>
        <Toasts toasts={toasts.toasts} work={toasts.work} onDismiss={toasts.dismiss} />
      </div>
    </EditorServicesContext.Provider>
  );
}
