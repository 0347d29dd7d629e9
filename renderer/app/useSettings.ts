import { useCallback, useEffect, useState } from 'react';
import type { Settings } from '../../core/api';
import { toServiceError, type NewsdeskClient, type ServiceError } from '../transport';

export interface SettingsState {
  settings: Settings | null;
  error: ServiceError | null;
  reload: () => void;
  save: (patch: Partial<Settings>) => Promise<Settings>;
}

export function useSettings(client: NewsdeskClient): SettingsState {
  const [settings, setSettings] = useState<Settings | null>(null);
  const [error, setError] = useState<ServiceError | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let current = true;
    client.call('settings.get', {}).then(
      (loaded) => {
        if (!current) return;
        setSettings(loaded);
        setError(null);
      },
      (failure: unknown) => {
        if (current) setError(toServiceError(failure));
      },
    );
    return () => {
      current = false;
    };
  }, [client, attempt]);

  const save = useCallback(
    async (patch: Partial<Settings>) => {
      const saved = await client.call('settings.set', patch);
      setSettings(saved);
      return saved;
    },
    [client],
  );
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  return { settings, error, reload, save };
}
