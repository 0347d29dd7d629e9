// The desk's local store (./local-store): open it once; every table has one owner here.
export { LocalStore, type LocalStoreOptions } from './local-store';
export { openStoreDatabase } from './open';
export { migrate, loadMigrations, schemaVersion, type Migration } from './migrate';
export { StoreError, type StoreErrorCode } from './errors';
export {
  AUTOSAVE_WINDOW_MS,
  storyListQuery,
  derive,
  type Clock,
  type StoredStory,
  type StorySummary,
  type RevisionSummary,
  type SaveResult,
  type StoryPage,
  type StoryListQuery,
  type NewStory,
  type NewStoryOptions,
} from './stories/repository';
export { StoryStore } from './stories/story-store';
export { contentOf, sameContent, type LocalCopy, type LocalState } from './stories/server-copy';
export { ARCHIVE_TAG, type StoredImport } from './stories/imported-article';
export { searchStories, type SearchHit, type SearchOptions } from './search/search';
export { defaultSettings, type SettingsStore } from './settings/settings-store';
export { Outbox, upsertPayloadOf, type ChangeKind, type DeadOp, type OutgoingOp, type OutboxKind } from './outbox/outbox';
export type { StoryWorkflows, StoryWorkflowView } from './stories/workflow';
export type { NotificationInbox } from './sync-state/notifications';
export type { ConflictStore, StoredConflict } from './sync-state/conflicts';
export type { MergeBases, MergeBase } from './sync-state/bases';
export type { Reconciler, AppliedAnswer } from './sync-state/reconcile';
export { accountKey, cursorValue, timeValue, SIGNED_IN_KEY, signedInAccount, type SignedInAccount, type SyncMeta } from './sync-state/sync-meta';
export type { SetAsideChange, SetAsideChanges } from './sync-state/set-aside';
export type { MediaStore, StoredMedia } from './media/media-store';
export { threadsOf, type StoryNotes } from './notes/story-notes';
export { tidyStore } from './maintenance';
export type { StoreCounts } from './store-stats';
