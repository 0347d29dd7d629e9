// What every handler gets: the opened store and the service's shared state.
import type { Database } from 'better-sqlite3';
import type { Clock, StoryRepository } from '../db';
import type { ServiceEvents } from './events';
import type { SettingsStore } from './settings-store';
import type { SyncedStories } from './sync/synced-stories';

export interface ServiceContext {
  db: Database;
  stories: StoryRepository;
  /** Story writes with their sync outbox op in the same transaction: what handlers write through. */
  synced: SyncedStories;
  settings: SettingsStore;
  events: ServiceEvents;
  clock: Clock;
}

/** Who writes: the settings' user name, until sign-in to a server names the user. */
export function authorOf(context: ServiceContext): string {
  return context.settings.read().userName;
}
