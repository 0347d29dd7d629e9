// The window: a top bar, the story list on the left, the editor on the right.
// Settings are loaded first, since language, theme and "mine" depend on them.
import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { prefetchFirstPage } from '../list/prefetch';
import type { NewsdeskClient } from '../transport';
import { useSettings } from './useSettings';
import { Workspace } from './Workspace';

export function App(props: { client: NewsdeskClient }): ReactNode {
  const { t } = useTranslation();
  const { settings, error, reload, save } = useSettings(props.client);
  const [firstPage] = useState(() => prefetchFirstPage(props.client));

  useEffect(() => {
    document.title = t('app.title');
  }, [t]);

  if (settings === null) {
    return (
      <div className="startup" data-testid="startup">
        {error === null ? (
          <p role="status">{t('app.starting')}</p>
        ) : (
          <div role="alert" className="startup-error">
            <h1>{t('app.startFailed')}</h1>
            <p>{error.message}</p>
            <button type="button" className="button button-primary" onClick={reload}>
              {t('common.retry')}
            </button>
          </div>
        )}
      </div>
    );
  }
  return <Workspace client={props.client} settings={settings} saveSettings={save} firstPage={firstPage} />;
}
