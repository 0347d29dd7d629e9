// The pre-publication checklist's results: each check with whether it passed,
// warns or blocks, and what it found, in words.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CheckResult } from '../../core/workflow';

export function ChecklistResults(props: { results: readonly CheckResult[] }): ReactNode {
  const { t } = useTranslation('workflow');
  return (
    <ul className="wf-checks" data-testid="checklist">
      {props.results.map((result) => {
        const outcome = result.ok ? 'ok' : result.level;
        const label = outcome === 'ok' ? t('dialog.checkOk') : outcome === 'warning' ? t('dialog.checkWarning') : t('dialog.checkBlocking');
        return (
          <li key={result.check} className={`wf-check is-${outcome}`} data-check={result.check} data-outcome={outcome}>
            <span className="wf-check-mark">{label}</span> {result.message}
          </li>
        );
      })}
    </ul>
  );
}
