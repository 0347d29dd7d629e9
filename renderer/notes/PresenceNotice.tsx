// "Nguyễn Văn A đang sửa từ 10:32": who else has this story open for editing,
// at the top of the editor. A soft lock: it informs and never blocks editing.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { PresentEditor } from '../../core/api';
import { formatVietnamDateTime, instantToVietnamLocal } from '../../core/workflow';

/** "10:32" when it is today in Hanoi, else "10:32 20/05/2025". */
export function sinceLabel(since: string, now: Date = new Date()): string {
  const then = instantToVietnamLocal(since);
  return then.date === instantToVietnamLocal(now.toISOString()).date ? then.time : formatVietnamDateTime(since);
}

export function PresenceNotice(props: { present: readonly PresentEditor[] }): ReactNode {
  const { t } = useTranslation('notes');
  if (props.present.length === 0) return null;
  return (
    <div className="nd-presence" role="status" data-testid="presence-notice" title={t('presenceHint')}>
      {props.present.map((p) => (
        <p key={p.username} data-username={p.username}>
          {t('presence', { name: p.displayName, time: sinceLabel(p.since) })}
        </p>
      ))}
    </div>
  );
}
