// The open story's history: every revision with why it was written, by whom and
// when; a chosen one compared with the current text or with the revision before
// it; and going back to it. Restoring asks first, then saves the old text as a
// new 'restore' revision (nothing in history is lost) and has the editor load
// it, as the conflict banner does after a choice.
import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { RevisionSummary, Settings } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { useNow } from '../list/useNow';
import { toServiceError, type NewsdeskClient } from '../transport';
import { useSyncStatus } from '../sync/useSyncStatus';
import { Dialog } from '../ui/Dialog';
import './history.css';
import type { DiffLayout } from '../compare/StoryDiffView';
import { RevisionComparison, type CompareMode } from './RevisionComparison';
import { RevisionList } from './RevisionList';
import { formatRevisionTime } from './revision-time';
import { useRevisionHistory, useRevisionTexts } from './useRevisionHistory';

/** The fields a restore writes, in one order, so that two texts can be compared whole. */
function sameContent(a: StoryContent, b: StoryContent): boolean {
  const fields = (c: StoryContent) => [c.headline, c.sapo, c.byline, c.section, c.tags, c.slug, c.related, c.body];
  return JSON.stringify(fields(a)) === JSON.stringify(fields(b));
}

type Restore = { step: 'idle' } | { step: 'confirming' } | { step: 'restoring' } | { step: 'done'; message: string; revisionId: string };

export function HistoryPanel(props: {
  client: NewsdeskClient;
  storyId: string;
  onClose: () => void;
  /** A revision was restored: the story's text changed, so the editor must load it again. */
  onRestored: () => void;
}): ReactNode {
  const { client, storyId, onRestored } = props;
  const { t, i18n } = useTranslation('history');
  const language: Settings['language'] = i18n.language === 'en' ? 'en' : 'vi';
  const now = useNow(30_000);
  const { load, refresh } = useRevisionHistory(client, storyId);
  const { status: syncStatus } = useSyncStatus(client);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [mode, setMode] = useState<CompareMode>('current');
  const [otherId, setOtherId] = useState<string | null>(null);
  const [layout, setLayout] = useState<DiffLayout>('side');
  const [restore, setRestore] = useState<Restore>({ step: 'idle' });
  const [failure, setFailure] = useState<string | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const restoreRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  const revisions = useMemo(() => (load.status === 'ready' ? load.revisions : []), [load]);
  const index = revisions.findIndex((revision) => revision.id === selectedId);
  const selected: RevisionSummary | null = revisions[index] ?? null;
  const previous: RevisionSummary | null = index >= 0 ? (revisions[index + 1] ?? null) : null;
  const other: RevisionSummary | null = revisions.find((revision) => revision.id === otherId && revision.id !== selectedId) ?? null;
  const wanted = useMemo(
    () => [selected, mode === 'previous' ? previous : null, mode === 'other' ? other : null].filter((r): r is RevisionSummary => r !== null),
    [selected, previous, other, mode],
  );
  const { texts, failure: textFailure } = useRevisionTexts(client, wanted);
  const selectedText = selected === null ? undefined : texts.get(selected.id);
  const current = load.status === 'ready' ? load.current : null;
  const unchanged = selectedText !== undefined && current !== null && sameContent(selectedText.content, current);

  const confirming = restore.step === 'confirming' || restore.step === 'restoring';
  useEffect(() => {
    if (restore.step === 'confirming') confirmRef.current?.focus();
  }, [restore.step]);
  // After a restore, the new revision is chosen and takes the focus once the list shows it.
  const restoredId = restore.step === 'done' ? restore.revisionId : null;
  useEffect(() => {
    if (restoredId === null || !revisions.some((revision) => revision.id === restoredId)) return;
    listRef.current?.querySelector<HTMLElement>(`[data-revision-id="${restoredId}"]`)?.focus();
  }, [restoredId, revisions]);

  const select = (id: string): void => {
    setSelectedId(id);
    if (restore.step !== 'restoring') setRestore({ step: 'idle' });
    setFailure(null);
  };

  const cancelConfirm = (): void => {
    setRestore({ step: 'idle' });
    // The confirm button is going away; give the focus back where the question came from.
    queueMicrotask(() => restoreRef.current?.focus());
  };

  const restoreSelected = async (): Promise<void> => {
    if (selected === null) return;
    const time = formatRevisionTime(selected.createdAt, language);
    setRestore({ step: 'restoring' });
    setFailure(null);
    try {
      const result = await client.call('revisions.restore', { id: selected.id, storyId });
      setSelectedId(result.revisionId);
      setMode('current');
      setRestore({ step: 'done', message: t('restored', { time }), revisionId: result.revisionId });
      onRestored();
      refresh();
    } catch (error) {
      setRestore({ step: 'confirming' });
      setFailure(t('restoreFailed', { message: toServiceError(error).message }));
    }
  };

  let content: ReactNode;
  if (load.status === 'loading') {
    content = (
      <p className="field-hint" role="status">
        {t('loading')}
      </p>
    );
  } else if (load.status === 'failed') {
    content = (
      <div className="form-error" role="alert">
        <p>{t('loadFailed', { message: load.message })}</p>
      </div>
    );
  } else if (load.revisions.length === 0) {
    content = <p className="field-hint">{t('empty')}</p>;
  } else {
    content = (
      <div className="history-columns">
        <RevisionList revisions={load.revisions} selectedId={selectedId} now={now} language={language} onSelect={select} listRef={listRef} />
        {selected === null ? (
          <p className="field-hint history-select-hint">{t('selectHint')}</p>
        ) : (
          <RevisionComparison
            selected={selected}
            previous={previous}
            revisions={load.revisions}
            other={other}
            onOther={setOtherId}
            texts={texts}
            current={load.current}
            mode={mode}
            onMode={setMode}
            layout={layout}
            onLayout={setLayout}
            language={language}
          />
        )}
      </div>
    );
  }

  return (
    <Dialog
      title={t('title')}
      onClose={confirming ? cancelConfirm : props.onClose}
      testId="history-panel"
      className="dialog-wide history-dialog"
    >
      <div className="dialog-body history-body">
        {restore.step === 'done' && (
          <p className="history-done" role="status" data-testid="history-restored">
            {restore.message}
          </p>
        )}
        {syncStatus?.signedIn === true && !syncStatus.online && (
          <p className="field-hint" role="status" data-testid="history-server-offline">
            {t('serverOffline')}
          </p>
        )}
        {(failure ?? textFailure) !== null && (
          <div className="form-error" role="alert">
            <p>{failure ?? textFailure}</p>
          </div>
        )}
        {content}
      </div>
      <div className="dialog-actions">
        {confirming && selected !== null ? (
          <div className="history-confirm" role="group" aria-labelledby={questionId}>
            <p id={questionId} className="history-confirm-question">
              {t('restoreQuestion', { time: formatRevisionTime(selected.createdAt, language), author: selected.author })}
            </p>
            <p className="field-hint">{t('restoreExplain')}</p>
            <div className="history-confirm-actions">
              <button
                ref={confirmRef}
                type="button"
                className="button button-primary"
                data-testid="history-restore-confirm"
                disabled={restore.step === 'restoring'}
                onClick={() => void restoreSelected()}
              >
                {restore.step === 'restoring' ? t('restoring') : t('restoreConfirm')}
              </button>
              <button type="button" className="button" onClick={cancelConfirm} disabled={restore.step === 'restoring'}>
                {t('restoreCancel')}
              </button>
            </div>
          </div>
        ) : (
          <button
            ref={restoreRef}
            type="button"
            className="button"
            data-testid="history-restore"
            disabled={selected === null || selectedText === undefined || current === null || unchanged}
            onClick={() => {
              setFailure(null);
              setRestore({ step: 'confirming' });
            }}
          >
            {t('restore')}
          </button>
        )}
        <span className="spacer" />
        <button type="button" className="button button-quiet" onClick={props.onClose} disabled={restore.step === 'restoring'}>
          {t('close')}
        </button>
      </div>
    </Dialog>
  );
}
