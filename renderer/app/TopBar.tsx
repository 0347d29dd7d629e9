import type { ReactNode, RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { SyncIndicator } from '../sync/SyncIndicator';
import { NotificationBell } from '../workflow/NotificationBell';
import type { NewsdeskClient } from '../transport';

export function TopBar(props: {
  client: NewsdeskClient;
  searchRef: RefObject<HTMLInputElement | null>;
  query: string;
  onQuery: (query: string) => void;
  onNewStory: () => void;
  creating: boolean;
  onImport: () => void;
  onSettings: () => void;
  /** Opens a story (a notification's). */
  onOpenStory: (id: string) => void;
  /** What can be done with the open story: trash it, or restore it when viewing the trash. */
  storyAction: 'trash' | 'restore' | null;
  onStoryAction: () => void;
}): ReactNode {
  const { t } = useTranslation();
  return (
    <header className="topbar">
      <span className="brand" aria-hidden="true">
        Newsdesk
      </span>
      <div className="search" role="search">
        <label className="visually-hidden" htmlFor="story-search">
          {t('topbar.searchLabel')}
        </label>
        <input
          id="story-search"
          ref={props.searchRef}
          type="search"
          value={props.query}
          placeholder={t('topbar.searchPlaceholder')}
          aria-keyshortcuts="Control+F"
          autoComplete="off"
          spellCheck={false}
          data-testid="search-input"
          onChange={(event) => props.onQuery(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Escape' && props.query !== '') {
              event.preventDefault();
              props.onQuery('');
            } else if (event.key === 'ArrowDown' || event.key === 'Enter') {
              const list = document.querySelector<HTMLElement>('[data-testid="story-list"]');
              if (list !== null) {
                event.preventDefault();
                list.focus();
              }
            }
          }}
        />
      </div>
      <div className="topbar-actions">
        <button
          type="button"
          className="button button-primary"
          onClick={props.onNewStory}
          aria-busy={props.creating}
          aria-keyshortcuts="Control+N"
          title={t('topbar.newStoryHint')}
          data-testid="new-story"
        >
          {t('topbar.newStory')}
        </button>
        <button
          type="button"
          className="button"
          onClick={props.onImport}
          aria-keyshortcuts="Control+O"
          title={t('topbar.importHint')}
          data-testid="import-button"
        >
          {t('topbar.import')}
        </button>
        {props.storyAction !== null && (
          <button
            type="button"
            className="button button-quiet"
            onClick={props.onStoryAction}
            data-testid={props.storyAction === 'trash' ? 'trash-story' : 'restore-story'}
          >
            {props.storyAction === 'trash' ? t('pane.trash') : t('pane.restore')}
          </button>
        )}
        <SyncIndicator client={props.client} />
        <NotificationBell client={props.client} onOpenStory={props.onOpenStory} />
        <button
          type="button"
          className="button button-icon"
          onClick={props.onSettings}
          aria-label={t('topbar.settings')}
          title={t('topbar.settings')}
          data-testid="settings-button"
        >
          <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
            <path
              fill="currentColor"
              d="M19.4 13a7.5 7.5 0 0 0 0-2l2.1-1.6-2-3.5-2.5 1a7.6 7.6 0 0 0-1.7-1L15 3h-4l-.4 2.9a7.6 7.6 0 0 0-1.7 1l-2.5-1-2 3.5L6.6 11a7.5 7.5 0 0 0 0 2l-2.1 1.6 2 3.5 2.5-1c.5.4 1.1.7 1.7 1L11 21h4l.4-2.9c.6-.3 1.2-.6 1.7-1l2.5 1 2-3.5L19.4 13ZM13 15.5a3.5 3.5 0 1 1 0-7 3.5 3.5 0 0 1 0 7Z"
              transform="translate(-1 0)"
            />
          </svg>
        </button>
      </div>
    </header>
  );
}
