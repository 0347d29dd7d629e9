// Which changes sync could not do, and why: the ops the server refused and the
// pulled stories this desk set aside. Opened from the sync indicator, so that a
// refusal is never hidden behind "Đã đồng bộ" or a cut-off line.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncProblems as Problems } from '../../core/api';
import { toServiceError, type NewsdeskClient } from '../transport';

export function SyncProblems(props: { client: NewsdeskClient }): ReactNode {
  const { t } = useTranslation('sync');
  const [problems, setProblems] = useState<Problems | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const load = (open: boolean): void => {
    if (!open) return;
    props.client.call('sync.problems', {}).then(setProblems, (reason: unknown) => setFailure(toServiceError(reason).message));
  };
  const items = problems === null ? [] : [
    ...problems.refused.map((p) => ({ key: `r-${p.storyId}`, headline: p.headline, reason: t('refusedBecause', { reason: p.reason }) })),
    ...problems.setAside.map((p, i) => ({ key: `s-${i}`, headline: p.headline, reason: t('setAsideBecause', { reason: p.reason }) })),
  ];
  return (
    <details className="sync-problems" data-testid="sync-problems" onToggle={(event) => load(event.currentTarget.open)}>
      <summary>{t('problemsShow')}</summary>
      <div className="sync-problems-list" role="region" aria-label={t('problemsTitle')}>
        {failure !== null && <p className="nd-error">{failure}</p>}
        {problems !== null && items.length === 0 && <p>{t('problemsNone')}</p>}
        <ul>
          {items.map((item) => (
            <li key={item.key}>
              <strong>{item.headline.trim() || t('untitled')}</strong>: {item.reason}
            </li>
          ))}
        </ul>
      </div>
    </details>
  );
}
