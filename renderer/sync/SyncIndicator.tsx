// The sync indicator: "Ngoại tuyến", "3 thay đổi chờ đồng bộ", "Đang đồng bộ…
// 120/5000" with a bar while a large backlog uploads, "Đã đồng bộ", stories
// with places both sides edited, waiting for a choice, and the last error in
// words. Mounted by the app shell.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { toServiceError, type NewsdeskClient } from '../transport';
import { describeSync } from './describe-sync';
import { SyncProblems } from './SyncProblems';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SyncIndicator(props: { client: NewsdeskClient }): ReactNode {
  const { t } = useTranslation('sync');
  const { status, refresh } = useSyncStatus(props.client);
  const [failure, setFailure] = useState<string | null>(null);
  if (status === null) return <div className="sync-indicator" data-testid="sync-indicator" data-state="loading" />;

  const line = describeSync(status);
  const waiting = (line.key === 'offline' || line.key === 'signedOut') && status.pending > 0;
  const error = failure ?? line.error;
  const syncNow = (): void => {
    setFailure(null);
    props.client.call('sync.now', {}).then(refresh, (reason: unknown) => setFailure(toServiceError(reason).message));
  };

  return (
    <div
      className={`sync-indicator sync-tone-${line.tone}`}
      data-testid="sync-indicator"
      data-state={line.key}
      role="status"
      aria-label={t('regionLabel')}
      title={status.lastSyncedAt ? t('lastSynced', { time: new Date(status.lastSyncedAt).toLocaleString() }) : undefined}
    >
      <span className="sync-dot" aria-hidden="true" />
      <span className="sync-label">{t(line.key, line.values)}</span>
      {waiting && <span className="sync-waiting">{t('waitingAlso', { count: status.pending })}</span>}
      {line.progress && (
        <progress className="sync-progress" max={line.progress.total} value={line.progress.sent} aria-label={t('progressLabel')} />
      )}
      {line.conflicts > 0 && (
        <span className="sync-conflicts" data-testid="sync-conflicts">
          {t('conflicts', { count: line.conflicts })}
        </span>
      )}
      {error !== null && (
        <span className="sync-last-error" data-testid="sync-error" title={t('lastError', { message: error })}>
          {t('lastError', { message: error })}
        </span>
      )}
      {error !== null && status.signedIn && <SyncProblems client={props.client} />}
      {status.signedIn && (
        <button type="button" className="button button-quiet sync-now" onClick={syncNow} disabled={status.syncing} title={t('syncNow')}>
          {/* An icon in the bar, so that the bar keeps one row; the words stay for screen readers. */}
          <svg viewBox="0 0 24 24" width="16" height="16" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M17.65 6.35A7.96 7.96 0 0 0 12 4a8 8 0 1 0 7.75 10h-2.08A6 6 0 1 1 12 6c1.66 0 3.14.69 4.22 1.78L13 11h7V4l-2.35 2.35Z"
            />
          </svg>
          <span className="visually-hidden">{t('syncNow')}</span>
        </button>
      )}
    </div>
  );
}
