// The local story store: open it, then read and write stories through the repository.
export { openStoreDatabase } from './open';
export { migrate, loadMigrations, schemaVersion, type Migration } from './migrate';
export { StoreError, type StoreErrorCode } from './errors';
export {
  StoryRepository,
  AUTOSAVE_WINDOW_MS,
  storyListQuery,
  type Clock,
  type StoredStory,
  type StorySummary,
  type RevisionSummary,
  type SaveResult,
  type StoryPage,
  type StoryListQuery,
  type NewStory,
  type NewStoryOptions,
} from './story-repository';
export { searchStories, type SearchHit, type SearchOptions } from './search';
export { importStories, type ImportOutcome, type ImportStoriesOptions } from './import';
export { tidyStore } from './maintenance';
