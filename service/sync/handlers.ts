// The sync handlers of the contract. Only signIn, signOut and now touch the
// network; the rest read or write the local store.
import type { HandlerName, Handlers } from '../../core/api';
import { handler } from '../handler';
import type { DesktopSync } from './desktop-sync';

type SyncHandlerName = Extract<HandlerName, `sync.${string}`>;

export function syncHandlers(sync: DesktopSync): Pick<Handlers, SyncHandlerName> {
  return {
    'sync.signIn': handler('sync.signIn', ({ serverUrl, username, password }) =>
      sync.worker.signIn(serverUrl, username, password),
    ),
    'sync.signOut': handler('sync.signOut', () => sync.worker.signOut()),
    'sync.status': handler('sync.status', () => sync.worker.status()),
    'sync.now': handler('sync.now', () => sync.worker.syncNow()),
    'sync.conflicts': handler('sync.conflicts', ({ storyId }) => sync.listConflicts(storyId)),
    'sync.problems': handler('sync.problems', () => sync.problems()),
    'sync.resolveConflict': handler('sync.resolveConflict', ({ storyId, conflictId, keep }) => ({
      story: sync.resolve(storyId, conflictId, keep),
    })),
  };
}
