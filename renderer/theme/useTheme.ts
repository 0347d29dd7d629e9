import { useEffect, useState } from 'react';
import type { Settings } from '../../core/api';

export type ResolvedTheme = 'light' | 'dark';

export function resolveTheme(theme: Settings['theme'], systemPrefersDark: boolean): ResolvedTheme {
  if (theme === 'system') return systemPrefersDark ? 'dark' : 'light';
  return theme;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

/** Puts the theme on <html data-theme> (theme.css keys off it) and follows the OS when set to "system". */
export function useTheme(theme: Settings['theme']): ResolvedTheme {
  const [prefersDark, setPrefersDark] = useState(() => window.matchMedia(DARK_QUERY).matches);
  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const follow = (): void => setPrefersDark(query.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  const resolved = resolveTheme(theme, prefersDark);
  useEffect(() => {
    document.documentElement.dataset.theme = resolved;
    document.documentElement.style.colorScheme = resolved;
  }, [resolved]);
  return resolved;
}
