import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface Notice {
  id: number;
  message: string;
}

/** Errors from actions (creating, trashing…), shown until dismissed. */
export function Notices(props: { notices: readonly Notice[]; onDismiss: (id: number) => void }): ReactNode {
  const { t } = useTranslation();
  return (
    <div className="notices" role="alert" aria-live="assertive">
      {props.notices.map((notice) => (
        <div key={notice.id} className="notice" data-testid="notice">
          <span>{notice.message}</span>
          <button type="button" className="button button-quiet" onClick={() => props.onDismiss(notice.id)} aria-label={t('common.dismiss')}>
            ×
          </button>
        </div>
      ))}
    </div>
  );
}
