// What the sync indicator says, decided apart from React so that it can be
// tested as a table: one main line, a tone for its colour, an optional
// progress bar for a large backlog, and the last error in words.
import type { SyncState } from '../../core/api';

export type SyncTone = 'ok' | 'busy' | 'offline' | 'error';

export interface SyncLine {
  /** An i18n key in the `sync` namespace. */
  key: 'signedOut' | 'offline' | 'syncing' | 'pending' | 'synced' | 'notSynced';
  values: { count?: number; sent?: number; total?: number };
  tone: SyncTone;
  /** Shown as a bar while a backlog this large uploads. */
  progress: { sent: number; total: number } | null;
  conflicts: number;
  error: string | null;
}

/** A backlog smaller than this goes up in a blink; a bar would only flicker. */
export const PROGRESS_FROM = 20;

export function describeSync(state: SyncState): SyncLine {
  const conflicts = state.conflicts ?? 0;
  const error = state.lastError;
  const base = { conflicts, error, progress: null };
  // Offline or signed out, the count of waiting changes rides along as `count`.
  if (state.signedIn === false) return { ...base, key: 'signedOut', values: { count: state.pending }, tone: 'offline' };
  if (!state.online) return { ...base, key: 'offline', values: { count: state.pending }, tone: 'offline' };
  const progress = state.syncing && state.progress && state.progress.total >= PROGRESS_FROM ? state.progress : null;
  if (progress) {
    return { ...base, key: 'syncing', values: { sent: progress.sent, total: progress.total }, tone: 'busy', progress };
  }
  if (state.pending > 0) return { ...base, key: 'pending', values: { count: state.pending }, tone: error ? 'error' : 'busy' };
  // Nothing waits, but something was refused or set aside: never "Đã đồng bộ" next to a refusal.
  if (error) return { ...base, key: 'notSynced', values: {}, tone: 'error' };
  return { ...base, key: 'synced', values: {}, tone: 'ok' };
}
