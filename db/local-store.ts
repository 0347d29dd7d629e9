// The desk's local store, opened once: one SQLite file and one owner per table.
//   stories, revisions, open_autosaves  ./stories (the door: StoryStore; copies
//                                       from the server: ./stories/server-copy)
//   story_workflow (and the workflow    ./stories/workflow
//     columns of stories)
//   stories_fts                         ./search, and the story writers keep it
//   outbox                              ./outbox
//   sync_meta, sync_pulled, sync_set_aside,
//   sync_bases, merge_conflicts (sync_conflicts: older)  ./sync-state
//   notifications                       ./sync-state/notifications
//   media                               ./media
//   settings                            ./settings
//   notes, notes_fetched                ./notes (their outbox ops go through ./outbox)
// service/ gets this object and never the database itself, so it holds no SQL;
// `transaction` lets a sync step span several owners atomically.
import type { Database } from 'better-sqlite3';
import type { Settings } from '../core/api';
import { tidyStore } from './maintenance';
import { countStore, type StoreCounts } from './store-stats';
import { MediaStore } from './media/media-store';
import { StoryNotes } from './notes/story-notes';
import { openStoreDatabase } from './open';
import { Outbox } from './outbox/outbox';
import { searchStories, type SearchHit, type SearchOptions } from './search/search';
import { SettingsStore } from './settings/settings-store';
import { StoryRepository, type Clock } from './stories/repository';
import { LocalCopy } from './stories/server-copy';
import { StoryStore } from './stories/story-store';
import { StoryWorkflows } from './stories/workflow';
import { MergeBases } from './sync-state/bases';
import { NotificationInbox } from './sync-state/notifications';
import { ConflictStore } from './sync-state/conflicts';
import { DeskMerger } from './sync-state/desk-merge';
import { Reconciler } from './sync-state/reconcile';
import { SetAsideChanges } from './sync-state/set-aside';
import { SyncMeta } from './sync-state/sync-meta';

export interface LocalStoreOptions {
  clock?: Clock;
  /** What settings read as before anyone changed them. */
  defaultSettings: Settings;
}

export class LocalStore {
  readonly stories: StoryStore;
  readonly outbox: Outbox;
  readonly settings: SettingsStore;
  readonly media: MediaStore;
  /** The server's copies of stories: written only by sync, by name. */
  readonly serverCopy: LocalCopy;
  /** Each story's workflow as the desk shows it (the server's, with this desk's waiting transitions). */
  readonly workflows: StoryWorkflows;
  readonly notifications: NotificationInbox;
  /** Places where a merge found both sides changed one block or field differently. */
  readonly conflicts: ConflictStore;
  /** The last text this desk and the server agreed on, per story. */
  readonly bases: MergeBases;
  readonly reconciler: Reconciler;
  readonly syncMeta: SyncMeta;
  /** Pulled changes this desk could not take, with the reason. */
  readonly setAside: SetAsideChanges;
  /** Editorial notes; writing one queues its 'note' op. */
  readonly notes: StoryNotes;
  private readonly db: Database;

  constructor(path: string, options: LocalStoreOptions) {
    const clock = options.clock ?? (() => new Date());
    this.db = openStoreDatabase(path);
    const repository = new StoryRepository(this.db, { clock });
    this.outbox = new Outbox(this.db, clock);
    this.workflows = new StoryWorkflows(this.db, this.outbox);
    this.serverCopy = new LocalCopy(this.db, this.workflows);
    this.stories = new StoryStore(this.db, repository, this.outbox, this.workflows);
    this.settings = new SettingsStore(this.db, options.defaultSettings);
    this.media = new MediaStore(this.db, clock);
    this.conflicts = new ConflictStore(this.db, clock);
    this.bases = new MergeBases(this.db);
    const merger = new DeskMerger(this.stories, this.serverCopy, this.outbox, this.bases, this.conflicts);
    this.reconciler = new Reconciler(this.db, this.outbox, this.serverCopy, this.conflicts, this.workflows, this.bases, merger);
    this.notifications = new NotificationInbox(this.db, clock);
    this.syncMeta = new SyncMeta(this.db);
    this.setAside = new SetAsideChanges(this.db, clock);
    this.notes = new StoryNotes(this.db, this.outbox, clock);
  }

  /** Runs `work` as one transaction (a savepoint when nested). */
  transaction<T>(work: () => T): T {
    return this.db.transaction(work)();
  }

  search(query: string, options: SearchOptions = {}): SearchHit[] {
    return searchStories(this.db, query, options);
  }

  /** Merges the search index's segments when the writer pauses; true when there is more to do. */
  tidy(): boolean {
    return tidyStore(this.db);
  }

  counts(): StoreCounts {
    return countStore(this.db);
  }

  close(): void {
    this.db.close();
  }
}
