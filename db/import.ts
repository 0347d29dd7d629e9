// Bulk import into the local store. Each story is its own transaction (story row,
// its first revision with reason 'import', and its search-index row), so a batch
// cut short by a crash or a kill leaves whole stories or none, never half of one,
// and one bad item does not undo the ones before it.
import type { Database } from 'better-sqlite3';
import type { StoryContent, StoryStatus } from '../core/story';
import { StoreError } from './errors';
import { StoryRepository, type Clock } from './story-repository';

export type ImportOutcome = { ok: true; id: string } | { ok: false; error: StoreError };

export interface ImportStoriesOptions {
  author: string;
  status?: StoryStatus;
  clock?: Clock;
  /** Called after each item with how many have been handled so far. */
  onProgress?: (done: number) => void;
}

/** Imports each item as a new story; the outcomes come back in the items' order. */
export function importStories(db: Database, items: Iterable<StoryContent>, options: ImportStoriesOptions): ImportOutcome[] {
  const stories = new StoryRepository(db, options.clock ? { clock: options.clock } : {});
  const outcomes: ImportOutcome[] = [];
  for (const content of items) {
    try {
      const story = stories.create(content, {
        author: options.author,
        ...(options.status ? { status: options.status } : {}),
        reason: 'import',
      });
      outcomes.push({ ok: true, id: story.id });
    } catch (error) {
      if (!(error instanceof StoreError)) throw error;
      outcomes.push({ ok: false, error });
    }
    options.onProgress?.(outcomes.length);
  }
  return outcomes;
}
