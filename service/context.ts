// What every handler gets: the local store's owners and the service's shared state.
// There is no database here: service/ reaches SQLite only through db/'s objects,
// and stories only through `stories`, the one door that writes their outbox ops too.
import type { Clock, LocalStore, SettingsStore, StoryStore } from '../db';
import type { ServiceEvents } from './events';

export interface ServiceContext {
  store: LocalStore;
  stories: StoryStore;
  settings: SettingsStore;
  events: ServiceEvents;
  clock: Clock;
}

/** Who writes: the settings' user name, until sign-in to a server names the user. */
export function authorOf(context: ServiceContext): string {
  return context.settings.read().userName;
}
