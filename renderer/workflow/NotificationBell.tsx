// The bell in the top bar: how many notifications are unread, and the list of
// them (returned, approved, published, assigned, mentioned, taken over, a
// schedule that failed), each opening its story and marking itself read.
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatVietnamDateTime } from '../../core/workflow';
import type { NewsdeskClient } from '../transport';
import { askNotificationPermission } from './os-notify';
import { useNotifications } from './useNotifications';
import './workflow.css';

export function NotificationBell(props: { client: NewsdeskClient; onOpenStory: (storyId: string) => void }): ReactNode {
  const { t } = useTranslation('workflow');
  const { answer, markRead } = useNotifications(props.client, props.onOpenStory);
  const [open, setOpen] = useState(false);
  const unread = answer.items.filter((n) => n.readAt === null).map((n) => n.id);
  const label = answer.unread > 0 ? t('bell.unread', { count: answer.unread }) : t('bell.label');
  return (
    <div className="wf-bell" data-testid="notification-bell">
      <button
        type="button"
        className="button button-icon"
        aria-label={label}
        title={label}
        aria-expanded={open}
        data-testid="bell-button"
        onClick={() => {
          if (props.client.transport === 'http') askNotificationPermission();
          setOpen((was) => !was);
        }}
      >
        <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
          <path fill="currentColor" d="M12 22a2.5 2.5 0 0 0 2.45-2h-4.9A2.5 2.5 0 0 0 12 22Zm7-6V11a7 7 0 0 0-5.5-6.84V3a1.5 1.5 0 0 0-3 0v1.16A7 7 0 0 0 5 11v5l-2 2v1h18v-1l-2-2Z" />
        </svg>
        {answer.unread > 0 && (
          <span className="wf-bell-count" data-testid="bell-count">
            {answer.unread}
          </span>
        )}
      </button>
      {open && (
        <section className="wf-bell-panel" aria-label={t('bell.title')} data-testid="bell-panel">
          <h2>{t('bell.title')}</h2>
          {answer.items.length === 0 ? (
            <p className="wf-bell-empty">{t('bell.empty')}</p>
          ) : (
            <ul className="wf-bell-list">
              {answer.items.map((n) => (
                <li key={n.id} className={`wf-bell-item ${n.readAt === null ? 'is-unread' : ''}`} data-testid="bell-item" data-kind={n.kind}>
                  <strong>{n.title}</strong>
                  <span>{n.body}</span>
                  <div>
                    <time dateTime={n.at}>{formatVietnamDateTime(n.at)}</time>{' '}
                    <button
                      type="button"
                      className="button button-quiet"
                      onClick={() => {
                        markRead([n.id]);
                        setOpen(false);
                        props.onOpenStory(n.storyId);
                      }}
                    >
                      {t('bell.open')}
                    </button>
                  </div>
                </li>
              ))}
            </ul>
          )}
          {unread.length > 0 && (
            <div className="dialog-actions">
              <button type="button" className="button" data-testid="bell-mark-all" onClick={() => markRead(unread)}>
                {t('bell.markAll')}
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
