// The story's audit log, beside the editor: who did what, when (Hanoi time),
// from which state to which, with the note. The server keeps it; offline, the
// panel says so in words.
import { useCallback, useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditAnswer } from '../../core/api';
import { formatVietnamDateTime, SCHEDULER_ACTOR } from '../../core/workflow';
import { toServiceError, type NewsdeskClient } from '../transport';
import './workflow.css';

type Load = { status: 'loading' } | { status: 'ready'; answer: AuditAnswer } | { status: 'failed'; message: string };

export function AuditPanel(props: { client: NewsdeskClient; storyId: string; onClose: () => void }): ReactNode {
  const { t } = useTranslation('workflow');
  const { client, storyId } = props;
  const [load, setLoad] = useState<Load>({ status: 'loading' });
  const [asked, setAsked] = useState(0);
  const reload = useCallback(() => setAsked((n) => n + 1), []);
  const ref = useRef<HTMLElement>(null);
  // Fixed beside the editor pane, below the top bar, however far the story is scrolled.
  const [top, setTop] = useState(0);
  useLayoutEffect(() => {
    const pane = ref.current?.parentElement;
    if (!pane) return;
    const place = (): void => setTop(pane.getBoundingClientRect().top);
    place();
    window.addEventListener('resize', place);
    return () => window.removeEventListener('resize', place);
  }, []);

  useEffect(() => {
    let live = true;
    client.call('workflow.audit', { storyId }).then(
      (answer) => live && setLoad({ status: 'ready', answer }),
      (error: unknown) => live && setLoad({ status: 'failed', message: toServiceError(error).message }),
    );
    return () => {
      live = false;
    };
  }, [client, storyId, asked]);
  // A transition here reaches the log once the server has it: read it again when the story changes.
  useEffect(
    () =>
      client.on('story.changed', ({ id }) => {
        if (id === storyId) reload();
      }),
    [client, storyId, reload],
  );

  const entries = load.status === 'ready' ? load.answer.entries : null;
  return (
    <aside ref={ref} className="wf-audit" style={{ top }} aria-label={t('audit.title')} data-testid="audit-panel">
      <div className="wf-audit-head">
        <h2>{t('audit.title')}</h2>
        <button type="button" className="button button-quiet" onClick={reload}>
          {t('audit.refresh')}
        </button>
        <button type="button" className="button button-quiet" onClick={props.onClose} data-testid="audit-close">
          {t('audit.close')}
        </button>
      </div>
      <div className="wf-audit-body">
        {load.status === 'loading' && <p role="status">{t('audit.loading')}</p>}
        {load.status === 'failed' && <p className="nd-error">{load.message}</p>}
        {load.status === 'ready' && load.answer.unavailable !== null && (
          <p className="wf-note" role="status" data-testid="audit-unavailable">
            {load.answer.unavailable}
          </p>
        )}
        {entries !== null && entries.length === 0 && <p>{t('audit.empty')}</p>}
        {entries !== null && entries.length > 0 && (
          <ol className="wf-audit-list" data-testid="audit-entries">
            {entries.map((entry, i) => (
              <li key={`${entry.at}-${i}`} className="wf-audit-entry" data-testid="audit-entry" data-action={entry.action}>
                <strong>
                  {t('audit.entry', {
                    actor: entry.actor === SCHEDULER_ACTOR ? t('audit.scheduler') : entry.actor,
                    action: t(`action.${entry.action}`),
                  })}
                </strong>
                <time dateTime={entry.at}>{formatVietnamDateTime(entry.at)}</time>
                <span className="wf-audit-move">{t('audit.move', { from: t(`app:status.${entry.from}`), to: t(`app:status.${entry.to}`) })}</span>
                {entry.late === true && <span className="wf-overdue">{t('audit.late')}</span>}
                {entry.note !== null && <p className="wf-audit-note">{entry.note}</p>}
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}
