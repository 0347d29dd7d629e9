// What every handler gets: the local store's owners and the service's shared state.
// There is no database here: service/ reaches SQLite only through db/'s objects,
// and stories only through `stories`, the one door that writes their outbox ops too.
import { normalizeServerUrl } from '../core/sync';
import { SIGNED_IN_KEY, signedInAccount, type Clock, type LocalStore, type SettingsStore, type SignedInAccount, type StoryStore } from '../db';
import type { ServiceEvents } from './events';

export interface ServiceContext {
  store: LocalStore;
  stories: StoryStore;
  settings: SettingsStore;
  events: ServiceEvents;
  clock: Clock;
}

/** The account signed in to the configured server (kept after its token expires); null otherwise. */
export function signedInAs(context: ServiceContext): SignedInAccount | null {
  const account = context.store.syncMeta.read(SIGNED_IN_KEY, signedInAccount.nullable());
  if (!account || account.serverUrl !== normalizeServerUrl(context.settings.read().serverUrl)) return null;
  return account;
}

/** Who writes: the signed-in account, else the settings' writer name. */
export function authorOf(context: ServiceContext): string {
  return signedInAs(context)?.username ?? context.settings.read().userName;
}

/** A new story's byline: the signed-in account's display name; empty for a desk nobody signed in to. */
export function defaultBylineOf(context: ServiceContext): string {
  return signedInAs(context)?.displayName ?? '';
}
