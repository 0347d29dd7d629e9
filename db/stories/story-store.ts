// The one door to the desk's stories. Handlers read through it and write through
// it, and every write of a change made here carries its outbox op in the same
// transaction: StoryRepository's own transaction nests inside this outer one (as
// a savepoint), so a change and the op that tells the server about it are
// committed together or not at all. Afterwards the worker is nudged; it never
// runs inside the write, so saving never waits on the network. The repository
// itself is private to db/: nothing outside can write a story past the outbox.
// Copies that come from the server are written by ./server-copy, by name.
import type { Database } from 'better-sqlite3';
import type { RevisionReason, StoryContent, StoryStatus } from '../../core/story';
import type { Revision } from '../../core/story';
import type { RevisionSummary, SaveResult, StoredStory, StoryListQuery, StoryPage, StoryRepository } from './repository';
import type { ChangeKind, Outbox } from '../outbox/outbox';
import type { ImportedArticle } from '../../core/import';
import type { TransitionOp, WorkflowUser } from '../../core/workflow';
import { StoreError } from '../errors';
import { storeImportedArticle, type StoredImport } from './imported-article';
import type { StoryWorkflows } from './workflow';

/** Statuses a local story may have that the desk sends up. Reference stories (local_only) stay home whatever their status. */
const SENT_STATUSES = ['draft', 'submitted', 'editing', 'returned', 'approved'];

export class StoryStore {
  constructor(
    private readonly db: Database,
    private readonly stories: StoryRepository,
    private readonly outbox: Outbox,
    private readonly workflows: StoryWorkflows,
  ) {}

  get(id: string): StoredStory | null {
    return this.stories.get(id);
  }

  list(query: StoryListQuery = {}): StoryPage {
    return this.stories.list(query);
  }

  sections(): string[] {
    return this.stories.sections();
  }

  revisions(storyId: string): RevisionSummary[] {
    return this.stories.revisions(storyId);
  }

  revision(revisionId: string): Revision | null {
    return this.stories.revision(revisionId);
  }

  /** Closes autosave windows nobody touched for ten minutes (see ./repository). */
  sealExpiredAutosaves(): number {
    return this.stories.sealExpiredAutosaves();
  }

  create(content: StoryContent, options: { author: string; status?: StoryStatus }): StoredStory {
    return this.write(() => {
      const story = this.stories.create(content, options);
      this.outbox.upsert(story, 'create');
      return story;
    });
  }

  /** Queues a write of a story for the server, unless it is reference material that stays on this desk. */
  private tell(story: StoredStory, change: ChangeKind): void {
    if (!story.localOnly) this.outbox.upsert(story, change);
  }

  /**
   * An explicit revision ('save' unless told otherwise, e.g. 'restore'): its op is sealed, so the server keeps it as one revision.
   * `since`: the story's updatedAt that the text was written on (see unchanged()).
   */
  save(id: string, content: StoryContent, options: { author: string; reason?: RevisionReason; since?: string }): SaveResult {
    return this.write(() => {
      this.unchanged(id, options.since);
      const result = this.stories.save(id, content, { author: options.author, ...(options.reason ? { reason: options.reason } : {}) });
      this.tell(result.story, 'save');
      return result;
    });
  }

  autosave(id: string, content: StoryContent, options: { author: string; since?: string }): SaveResult {
    return this.write(() => {
      this.unchanged(id, options.since);
      const result = this.stories.autosave(id, content, { author: options.author });
      this.tell(result.story, 'autosave');
      return result;
    });
  }

  /**
   * An editor's text replaces the story's whole text, so it must be written on
   * the text the story has: if sync merged or pulled a version since the editor
   * last read it, the write is refused (STORY_CHANGED) and the editor merges it in first.
   */
  private unchanged(id: string, since: string | undefined): void {
    if (since === undefined) return;
    const now = this.stories.updatedAt(id);
    if (now !== null && now !== since) {
      throw new StoreError('STORY_CHANGED', 'Bài vừa được cập nhật trên máy này (đồng bộ hoặc cửa sổ khác); trình soạn thảo sẽ gộp bản mới rồi lưu lại.');
    }
  }

  trash(id: string): StoredStory {
    return this.write(() => {
      const wasLive = this.outbox.isLive(id);
      const story = this.stories.trash(id);
      if (wasLive && !story.localOnly) this.outbox.delete(id);
      return story;
    });
  }

  /**
   * A workflow action taken here, already checked by the caller with the state
   * machine: queued after the story's text, and shown at once as pending.
   */
  transition(id: string, op: TransitionOp, actor: WorkflowUser): void {
    this.write(() => {
      // What the reporter handed in stays in the history: "what the desk changed" is read from it.
      if (op.action === 'submit') this.stories.snapshot(id, { author: actor.username, reason: 'submit' });
      this.outbox.transition(id, op, actor);
      this.workflows.refresh(id);
    });
  }

  /** The server has no "restore": an upsert of the story brings it back out of the trash there too. */
  restore(id: string): StoredStory {
    return this.write(() => {
      const wasLive = this.outbox.isLive(id);
      const story = this.stories.restore(id);
      if (!wasLive) this.tell(story, 'restore');
      return story;
    });
  }

  /**
   * Stores an imported article (./imported-article) and queues the article
   * itself. Teasers an import adds as archive are not sent: they are stories the
   * paper already ran, kept here for related links.
   */
  importArticle(article: ImportedArticle, options: { author: string; withTeasers?: boolean }): StoredImport {
    return this.write(() => {
      const stored = storeImportedArticle(this.db, article, { ...options, stories: this.stories });
      const story = this.stories.get(stored.storyId);
      if (story) this.outbox.upsert(story, 'create');
      return stored;
    });
  }

  /**
   * A merge the desk made by itself (db/sync-state/desk-merge): the merged text
   * becomes the story's text as a 'merge' revision naming both parents, and
   * goes up, sealed, on the server's revision it merged with. Status untouched.
   */
  saveMerge(id: string, content: StoryContent, options: { author: string; serverRev: number }): SaveResult {
    return this.write(() => {
      const result = this.stories.save(id, content, { author: options.author, reason: 'merge', mergedWithServerRev: options.serverRev });
      this.tell(result.story, 'save');
      return result;
    });
  }

  /** The story's text as it is goes up (again), on the story's base revision now. */
  queueUpsert(id: string): void {
    this.write(() => {
      const story = this.stories.get(id);
      if (story) this.tell(story, 'save');
    });
  }

  /** Out of the trash for a merge that keeps an edit made elsewhere; the merge queues what goes up. */
  restoreForMerge(id: string): void {
    this.stories.restore(id);
  }

  /**
   * Stories the server was never told of and that have no op: made before this
   * store had an outbox, or written by an older CLI. They are queued once found;
   * a story with an op, even a refused one, is left alone. Archive teasers stay home.
   */
  queueUnannounced(): void {
    const ids = this.db
      .prepare(
        `SELECT id FROM stories s
         WHERE rev = 0 AND deleted_at IS NULL AND local_only = 0 AND status IN (${SENT_STATUSES.map(() => '?').join(', ')})
           AND NOT EXISTS (SELECT 1 FROM outbox o WHERE o.story_id = s.id)
         ORDER BY seq`,
      )
      .pluck()
      .all(...SENT_STATUSES) as string[];
    if (ids.length === 0) return;
    this.write(() => {
      for (const id of ids) {
        const story = this.stories.get(id);
        if (story) this.outbox.upsert(story, 'create');
      }
    });
  }

  private write<T>(change: () => T): T {
    const result = this.db.transaction(change)();
    this.outbox.changed();
    return result;
  }
}
