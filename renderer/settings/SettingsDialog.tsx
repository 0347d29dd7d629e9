import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGES, THEMES, type Settings } from '../../core/api';
import { SignInForm } from '../sync/SignInForm';
import { useSyncStatus } from '../sync/useSyncStatus';
import { toServiceError, type NewsdeskClient } from '../transport';
import { Dialog } from '../ui/Dialog';
import { DictionaryEditor } from './DictionaryEditor';
import { formFromSettings, patchFromForm, type FormProblem, type SettingsForm, type SettingsPatch } from './settings-form';
import { TargetsEditor } from './TargetsEditor';

export function SettingsDialog(props: {
  client: NewsdeskClient;
  settings: Settings;
  sections: readonly string[];
  onSave: (patch: Partial<SettingsPatch>) => Promise<Settings>;
  onClose: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const [form, setForm] = useState<SettingsForm>(() => formFromSettings(props.settings));
  const [problems, setProblems] = useState<FormProblem[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const update = (change: Partial<SettingsForm>): void => setForm((old) => ({ ...old, ...change }));
  // Signed in, the server names the writer: the form neither shows nor writes back the name it opened with.
  const { status } = useSyncStatus(props.client);
  const account = status?.signedIn && status.username !== null ? { username: status.username, displayName: status.displayName ?? status.username } : null;

  const save = async (): Promise<void> => {
    const checked = patchFromForm(account ? { ...form, userName: account.username } : form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setProblems([]);
    setFailure(null);
    setSaving(true);
    try {
      const { userName, ...rest } = checked.patch;
      await props.onSave(account ? rest : { ...rest, userName });
      props.onClose();
    } catch (error) {
      setFailure(toServiceError(error).message);
      setSaving(false);
    }
  };

  return (
    <Dialog title={t('settings.title')} onClose={props.onClose} testId="settings-dialog" className="dialog-wide">
      <form
        className="settings-form"
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <div className="dialog-body">
          {(problems.length > 0 || failure !== null) && (
            <div className="form-error" role="alert">
              {problems.map((problem, index) => (
                <p key={index}>{t(problem.key, problem)}</p>
              ))}
              {failure !== null && <p>{failure}</p>}
            </div>
          )}

          <div className="field">
            <label htmlFor="settings-language">{t('settings.language')}</label>
            <select
              id="settings-language"
              value={form.language}
              onChange={(event) => {
                const language = LANGUAGES.find((candidate) => candidate === event.target.value);
                if (language !== undefined) update({ language });
              }}
            >
              {LANGUAGES.map((language) => (
                <option key={language} value={language}>
                  {t(`settings.languages.${language}`)}
                </option>
              ))}
            </select>
          </div>

          <fieldset className="field">
            <legend>{t('settings.theme')}</legend>
            <div className="radio-row">
              {THEMES.map((theme) => (
                <label key={theme} className="radio">
                  <input type="radio" name="theme" value={theme} checked={form.theme === theme} onChange={() => update({ theme })} />
                  {t(`settings.themes.${theme}`)}
                </label>
              ))}
            </div>
          </fieldset>

          {account ? (
            <div className="field">
              <label htmlFor="settings-user">{t('settings.userName')}</label>
              <input id="settings-user" type="text" value={account.displayName} readOnly aria-describedby="settings-user-hint" />
              <p className="field-hint" id="settings-user-hint">
                {t('settings.userNameSignedIn', { username: account.username })}
              </p>
            </div>
          ) : (
            <div className="field">
              <label htmlFor="settings-user">{t('settings.userName')}</label>
              <input
                id="settings-user"
                type="text"
                value={form.userName}
                maxLength={100}
                required
                autoComplete="name"
                onChange={(event) => update({ userName: event.target.value })}
              />
              <p className="field-hint">{t('settings.userNameHint')}</p>
            </div>
          )}

          <TargetsEditor rows={form.targets} sections={props.sections} onChange={(targets) => update({ targets })} />
          <DictionaryEditor words={form.dictionary} onChange={(dictionary) => update({ dictionary })} />
          <SignInForm client={props.client} />
        </div>
        <div className="dialog-actions">
          <span className="spacer" />
          <button type="button" className="button" onClick={props.onClose}>
            {t('common.cancel')}
          </button>
          <button type="submit" className="button button-primary" disabled={saving} data-testid="settings-save">
            {saving ? t('common.saving') : t('common.save')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
