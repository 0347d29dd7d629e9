// The story writes the handlers make, each with its outbox op in the same
// transaction: StoryRepository's own transaction nests inside this outer one
// (as a savepoint), so a change and the op that tells the server about it are
// committed together or not at all. Afterwards the worker is nudged; it never
// runs inside the write, so saving never waits on the network.
import type { Database } from 'better-sqlite3';
import type { RevisionReason, StoryContent, StoryStatus } from '../../core/story';
import type { SaveResult, StoredStory, StoryRepository } from '../../db';
import type { Outbox } from './outbox';

export class SyncedStories {
  constructor(
    private readonly db: Database,
    private readonly stories: StoryRepository,
    private readonly outbox: Outbox,
  ) {}

  create(content: StoryContent, options: { author: string; status?: StoryStatus }): StoredStory {
    return this.write(() => {
      const story = this.stories.create(content, options);
      this.outbox.upsert(story, 'create');
      return story;
    });
  }

  /** An explicit revision ('save' unless told otherwise, e.g. 'restore'): its op is sealed, so the server keeps it as one revision. */
  save(id: string, content: StoryContent, options: { author: string; reason?: RevisionReason }): SaveResult {
    return this.write(() => {
      const result = this.stories.save(id, content, options);
      this.outbox.upsert(result.story, 'save');
      return result;
    });
  }

  autosave(id: string, content: StoryContent, options: { author: string }): SaveResult {
    return this.write(() => {
      const result = this.stories.autosave(id, content, options);
      this.outbox.upsert(result.story, 'autosave');
      return result;
    });
  }

  trash(id: string): StoredStory {
    return this.write(() => {
      const wasLive = this.outbox.isLive(id);
      const story = this.stories.trash(id);
      if (wasLive) this.outbox.delete(id);
      return story;
    });
  }

  /** The server has no "restore": an upsert of the story brings it back out of the trash there too. */
  restore(id: string): StoredStory {
    return this.write(() => {
      const wasLive = this.outbox.isLive(id);
      const story = this.stories.restore(id);
      if (!wasLive) this.outbox.upsert(story, 'restore');
      return story;
    });
  }

  /**
   * Runs a write that creates stories some other way (the importer) and queues
   * the ones it names. Teasers an import adds as archive are not sent: they are
   * stories the paper already ran, kept here for related links.
   */
  created<T>(write: () => T, toSend: (result: T) => readonly string[]): T {
    return this.write(() => {
      const result = write();
      for (const id of toSend(result)) {
        const story = this.stories.get(id);
        if (story) this.outbox.upsert(story, 'create');
      }
      return result;
    });
  }

  private write<T>(change: () => T): T {
    const result = this.db.transaction(change)();
    this.outbox.changed();
    return result;
  }
}
