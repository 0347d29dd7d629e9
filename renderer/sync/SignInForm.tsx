// Sign-in to the newsroom server: address, user name, password → 'sync.signIn'.
// Signed in, it shows who and where, with a way to sign out. It is a fieldset,
// not a <form>, so that it can sit inside the settings dialog's own form;
// Enter in any field signs in.
import { useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncStatus } from '../../core/api';
import { toServiceError, type NewsdeskClient } from '../transport';
import { useSyncStatus } from './useSyncStatus';
import './sync.css';

export function SignInForm(props: { client: NewsdeskClient; onSignedIn?: (status: SyncStatus) => void }): ReactNode {
  const { t } = useTranslation('sync');
  const { status, refresh } = useSyncStatus(props.client);
  const [serverUrl, setServerUrl] = useState<string | null>(null);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const address = serverUrl ?? status?.serverUrl ?? '';

  const signIn = async (): Promise<void> => {
    if (busy) return;
    if (address.trim() === '' || username.trim() === '' || password === '') {
      setFailure(t('missingFields'));
      return;
    }
    setFailure(null);
    setBusy(true);
    try {
      const signedIn = await props.client.call('sync.signIn', { serverUrl: address.trim(), username: username.trim(), password });
      setPassword('');
      refresh();
      props.onSignedIn?.(signedIn);
    } catch (error) {
      setFailure(toServiceError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const signOut = async (): Promise<void> => {
    setBusy(true);
    try {
      await props.client.call('sync.signOut', {});
      refresh();
    } catch (error) {
      setFailure(toServiceError(error).message);
    } finally {
      setBusy(false);
    }
  };

  const onEnter = (event: KeyboardEvent<HTMLInputElement>): void => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    void signIn();
  };

  return (
    <fieldset className="sign-in-form" data-testid="sign-in-form" aria-busy={busy}>
      <legend>{t('formTitle')}</legend>
      {failure !== null && (
        <div className="form-error" role="alert">
          <p>{failure}</p>
        </div>
      )}
      {status?.signedIn ? (
        <div className="sign-in-done">
          <p data-testid="signed-in-as">
            {status.displayName !== null && status.displayName !== status.username
              ? t('signedInAsNamed', { server: status.serverUrl, username: status.username ?? '', displayName: status.displayName })
              : t('signedInAs', { server: status.serverUrl, username: status.username ?? '' })}
          </p>
          <button type="button" className="button" onClick={() => void signOut()} disabled={busy}>
            {t('signOut')}
          </button>
        </div>
      ) : (
        <>
          <div className="field">
            <label htmlFor="sync-server-url">{t('serverUrl')}</label>
            <input
              id="sync-server-url"
              type="url"
              value={address}
              placeholder={t('serverUrlPlaceholder')}
              autoComplete="url"
              spellCheck={false}
              onChange={(event) => setServerUrl(event.target.value)}
              onKeyDown={onEnter}
            />
          </div>
          <div className="field">
            <label htmlFor="sync-username">{t('username')}</label>
            <input
              id="sync-username"
              type="text"
              value={username}
              autoComplete="username"
              spellCheck={false}
              onChange={(event) => setUsername(event.target.value)}
              onKeyDown={onEnter}
            />
          </div>
          <div className="field">
            <label htmlFor="sync-password">{t('password')}</label>
            <input
              id="sync-password"
              type="password"
              value={password}
              autoComplete="current-password"
              onChange={(event) => setPassword(event.target.value)}
              onKeyDown={onEnter}
            />
          </div>
          <p className="field-hint">{t('tokenKept')}</p>
          <button type="button" className="button button-primary" onClick={() => void signIn()} disabled={busy}>
            {busy ? t('signingIn') : t('signIn')}
          </button>
        </>
      )}
    </fieldset>
  );
}
