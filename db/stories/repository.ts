// Stories and their history in the local store.
//
// History and autosave. Every explicit save writes a revision, and revisions are
// immutable (triggers in 0001_stories.sql refuse UPDATE and DELETE). Autosaves
// come every second or so while someone types, so writing each as a revision
// would bury the saves that matter. Instead, an autosave opens a window on the
// story in `open_autosaves`: later autosaves by the same author, less than ten
// minutes after the window opened, overwrite its text there. The window closes
// when another author autosaves, when ten minutes have passed, or on an explicit
// save, and closing it "seals" the latest autosaved text as one immutable
// revision (with the id reserved when the window opened, and the time of its last
// autosave). So history holds at most one autosave per author per ten minutes,
// revisions never change once written, and the text in an open window is always
// readable: `revisions()` lists it, marked `open`, and `revision()` returns it.
// An explicit save by the window's own author absorbs the window instead of
// sealing it: the save holds that text and at most a second more of typing, and
// two near-identical entries would only clutter the history. A write of other
// text (a restored revision, a merge) seals the window, so the typing it
// replaces stays in history.
//
// Every write runs in one transaction with its search-index row, so a story, its
// revision and its index entry are all there or none is. Callers may wrap a call
// in an outer `db.transaction` (better-sqlite3 nests it as a savepoint), which is
// how a sync outbox entry can later join the same transaction.
import type { Database, Statement } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import {
  storyContent,
  withLoadedBlockIds,
  type MergeParents,
  type Revision,
  type RevisionReason,
  type StoryContent,
} from '../../core/story';
import { StoreError } from '../errors';
import {
  AUTOSAVE_WINDOW_MS,
  type Clock,
  type Derived,
  type IndexedText,
  type NewStory,
  type NewStoryOptions,
  type OpenAutosaveRow,
  type RevisionRow,
  type RevisionSummary,
  SUMMARY_COLUMNS,
  type SaveResult,
  type StoredStory,
  type StoryListQuery,
  type StoryPage,
  type StoryRow,
  autosaveOptions,
  createOptions,
  decodeCursor,
  contentParams,
  derive,
  encodeCursor,
  indexFields,
  mergedFromFields,
  parseInput,
  prepareStatements,
  saveOptions,
  storyListQuery,
  toSummary,
  written,
} from './story-rows';

export { AUTOSAVE_WINDOW_MS, storyListQuery, derive, type Clock, type StoredStory, type StorySummary, type RevisionSummary, type SaveResult, type StoryPage, type StoryListQuery, type NewStory, type NewStoryOptions } from './story-rows';

export class StoryRepository {
  private readonly clock: Clock;
  private readonly statements: ReturnType<typeof prepareStatements>;
  private readonly listStatements = new Map<string, Statement>();

  constructor(
    private readonly db: Database,
    options: { clock?: Clock } = {},
  ) {
    this.clock = options.clock ?? (() => new Date());
    this.statements = prepareStatements(db);
  }

  /** A new story with a fresh UUIDv7; with `reason`, its first revision too. */
  create(content: StoryContent, options: NewStoryOptions): StoredStory {
    const story = this.newStory(content, options);
    this.createMany([story]);
    return story.story;
  }

  /**
   * Checks a new story and gives it its id and creation time without writing
   * anything, so that createMany() can write many in one transaction (bulk
   * import). Throws INVALID_INPUT as create() does.
   */
  newStory(content: StoryContent, options: NewStoryOptions): NewStory {
    const valid = parseInput(storyContent, content, 'Nội dung bài viết');
    const opts = parseInput(createOptions, options, 'Thông tin tạo bài');
    const now = this.now();
    const derived = derive(valid);
    const story: StoredStory = {
      ...valid,
      id: uuidv7(),
      status: opts.status,
      author: opts.author,
      assignee: null,
      publishAt: null,
      publishedAt: null,
      createdAt: now,
      updatedAt: now,
      rev: 0,
      baseRev: 0,
      wordCount: derived.wordCount,
      deletedAt: null,
      localOnly: opts.localOnly,
    };
    return { story, content: valid, derived, ...(opts.reason ? { reason: opts.reason } : {}) };
  }

  /** Writes stories made by newStory() in one transaction, each with its index entry and first revision: all or none. */
  createMany(stories: readonly NewStory[]): void {
    this.db.transaction(() => {
      for (const { story, content, derived, reason } of stories) {
        const { lastInsertRowid } = this.statements.insertStory.run({
          ...contentParams(content, derived),
          id: story.id,
          status: story.status,
          author: story.author,
          now: story.createdAt,
          localOnly: story.localOnly ? 1 : 0,
        });
        this.statements.indexStory.run(lastInsertRowid, ...derived.index);
        if (reason) this.insertRevision(story.id, story.author, story.createdAt, reason, content);
      }
    })();
  }

  /** The story; a body stored before block ids existed gets them as every desk gives them on load. */
  get(id: string): StoredStory | null {
    const row = this.statements.getStory.get(id) as StoryRow | undefined;
    if (!row || row.body === undefined) return null;
    return { ...toSummary(row), body: withLoadedBlockIds(JSON.parse(row.body) as StoryContent['body']) };
  }

  /** When the story's text last changed here (a save, a merge, a pulled copy), or null when there is no such story. */
  updatedAt(id: string): string | null {
    return (this.statements.updatedAt.pluck().get(id) as string | undefined) ?? null;
  }

  /**
   * An explicit save: always a new immutable revision. A merge the desk made by
   * itself (`mergedWithServerRev`) names its parents: the server's revision, and
   * the story's latest revision here, the open autosave sealed first.
   */
  save(id: string, content: StoryContent, options: { author: string; reason?: RevisionReason; mergedWithServerRev?: number }): SaveResult {
    const valid = parseInput(storyContent, content, 'Nội dung bài viết');
    const opts = parseInput(saveOptions, options, 'Thông tin lưu bài');
    const now = this.now();
    const derived = derive(valid);
    return this.db.transaction(() => {
      const row = this.requireLive(id);
      this.writeContent(row, valid, derived, now);
      const open = this.statements.getOpenAutosave.get(id) as OpenAutosaveRow | undefined;
      if (open && open.author === opts.author && opts.reason === 'save') this.statements.deleteOpenAutosave.run(id);
      else if (open) this.sealAutosave(id);
      const mergedFrom =
        opts.mergedWithServerRev === undefined
          ? undefined
          : { revisionId: (this.statements.latestRevision.pluck().get(id) as string | undefined) ?? null, serverRev: opts.mergedWithServerRev };
      const revisionId = this.insertRevision(id, opts.author, now, opts.reason, valid, mergedFrom);
      return { story: written(row, valid, derived, now), revisionId };
    })();
  }

  /**
   * A revision of the story's text as it stands, for a moment that changes no
   * text: a 'submit' (what the reporter handed in, which "Ban biên tập đã sửa
   * gì" compares the story with). The open autosave is sealed first.
   */
  snapshot(id: string, options: { author: string; reason: RevisionReason }): string {
    const opts = parseInput(saveOptions, options, 'Thông tin lưu bài');
    return this.db.transaction(() => {
      this.requireRow(id);
      if (this.statements.getOpenAutosave.get(id) !== undefined) this.sealAutosave(id);
      const story = this.require(id);
      const { headline, sapo, byline, section, tags, slug, related, body } = story;
      return this.insertRevision(id, opts.author, this.now(), opts.reason, { headline, sapo, byline, section, tags, slug, related, body });
    })();
  }

  /** An autosave: updates the story at once, and folds into the author's open autosave window (see top of file). */
  autosave(id: string, content: StoryContent, options: { author: string }): SaveResult {
    const valid = parseInput(storyContent, content, 'Nội dung bài viết');
    const opts = parseInput(autosaveOptions, options, 'Thông tin lưu bài');
    const nowDate = this.clock();
    const now = nowDate.toISOString();
    const derived = derive(valid);
    const { row, revisionId } = this.db.transaction(() => {
      const row = this.requireLive(id);
      this.writeContent(row, valid, derived, now);
      const open = this.statements.getOpenAutosave.get(id) as OpenAutosaveRow | undefined;
      const elapsed = open ? nowDate.getTime() - Date.parse(open.started_at) : Number.NaN;
      if (open && open.author === opts.author && elapsed >= 0 && elapsed < AUTOSAVE_WINDOW_MS) {
        this.statements.foldAutosave.run({ storyId: id, savedAt: now, content: JSON.stringify(valid) });
        return { row, revisionId: open.revision_id };
      }
      if (open) this.sealAutosave(id);
      const reserved = uuidv7();
      this.statements.openAutosave.run({
        storyId: id,
        revisionId: reserved,
        author: opts.author,
        now,
        content: JSON.stringify(valid),
      });
      return { row, revisionId: reserved };
    })();
    return { story: written(row, valid, derived, now), revisionId };
  }

  /**
   * Seals every autosave window older than the fold limit. Windows also close by
   * themselves on the story's next write; the app service calls this now and then
   * so that a story nobody touches again still gets its last autosave into history.
   */
  sealExpiredAutosaves(): number {
    const cutoff = new Date(this.clock().getTime() - AUTOSAVE_WINDOW_MS).toISOString();
    return this.db.transaction(() => {
      const expired = this.statements.expiredAutosaves.all(cutoff) as Array<{ story_id: string }>;
      for (const { story_id } of expired) this.sealAutosave(story_id);
      return expired.length;
    })();
  }

  /** Moves a story to the trash. It keeps its history and can be restored; trashing twice changes nothing. */
  trash(id: string): StoredStory {
    const now = this.now();
    this.db.transaction(() => {
      const row = this.requireRow(id);
      if (row.deleted_at !== null) return;
      this.statements.setDeleted.run({ id, deletedAt: now, now });
      // The index holds live stories only, so search never ranks what it would then hide.
      this.statements.unindexStory.run(row.seq);
    })();
    return this.require(id);
  }

  restore(id: string): StoredStory {
    const now = this.now();
    this.db.transaction(() => {
      const row = this.requireRow(id);
      if (row.deleted_at === null) return;
      this.statements.setDeleted.run({ id, deletedAt: null, now });
      const text = this.statements.getIndexedText.get(id) as IndexedText;
      this.statements.indexStory.run(row.seq, ...indexFields(text.headline, text.sapo, text.body_text));
    })();
    return this.require(id);
  }

  /** Most recently changed first, with keyset pagination on (updated_at, id). */
  list(query: StoryListQuery = {}): StoryPage {
    const q = parseInput(storyListQuery, query, 'Bộ lọc danh sách');
    const where: string[] = [];
    const params: Record<string, string | number> = { limit: q.limit + 1 };
    if (q.status !== undefined) {
      // Reference stories are in no status of the workflow.
      where.push('status = @status AND local_only = 0');
      params.status = q.status;
    }
    if (q.section !== undefined) {
      where.push('section = @section');
      params.section = q.section;
    }
    if (q.author !== undefined) {
      where.push('author = @author');
      params.author = q.author;
    }
    if (q.assignee !== undefined) {
      where.push('assignee = @assignee');
      params.assignee = q.assignee;
    }
    if (q.publishedFrom !== undefined) {
      where.push('published_at >= @publishedFrom');
      params.publishedFrom = q.publishedFrom;
    }
    if (q.trashed) where.push('deleted_at IS NOT NULL');
    else if (!q.includeDeleted) where.push('deleted_at IS NULL');
    if (q.after) {
      const [updatedAt, id] = decodeCursor(q.after);
      where.push('(updated_at, id) < (@afterUpdatedAt, @afterId)');
      params.afterUpdatedAt = updatedAt;
      params.afterId = id;
    }
    const sql =
      `SELECT ${SUMMARY_COLUMNS} FROM stories` +
      (where.length > 0 ? ` WHERE ${where.join(' AND ')}` : '') +
      ' ORDER BY updated_at DESC, id DESC LIMIT @limit';
    let statement = this.listStatements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.listStatements.set(sql, statement);
    }
    const rows = statement.all(params) as StoryRow[];
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(toSummary),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.updated_at, last.id) : null,
    };
  }

  /** The sections in use, for filters. */
  sections(): string[] {
    return (this.statements.sections.all() as Array<{ section: string }>).map((row) => row.section);
  }

  /** A story's history, newest first; an open autosave window comes first, marked `open`. */
  revisions(storyId: string): RevisionSummary[] {
    this.requireRow(storyId);
    return (this.statements.listRevisions.all(storyId, storyId) as RevisionRow[]).map((row) => ({
      id: row.id,
      storyId: row.story_id,
      author: row.author,
      createdAt: row.created_at,
      reason: row.reason,
      open: row.open === 1,
      ...mergedFromFields(row),
    }));
  }

  revision(revisionId: string): Revision | null {
    const row = this.statements.getRevision.get(revisionId, revisionId) as RevisionRow | undefined;
    if (!row || row.content === undefined) return null;
    return {
      id: row.id,
      storyId: row.story_id,
      author: row.author,
      createdAt: row.created_at,
      reason: row.reason,
      content: JSON.parse(row.content) as StoryContent,
      ...mergedFromFields(row),
    };
  }

  private now(): string {
    return this.clock().toISOString();
  }

  private writeContent(row: StoryRow, content: StoryContent, derived: Derived, now: string): void {
    const before = this.statements.getIndexedText.get(row.id) as IndexedText;
    this.statements.updateContent.run({ ...contentParams(content, derived), id: row.id, now });
    // Re-indexing a long story is most of a save's cost, and a save after an
    // autosave, or a change of tags or section, leaves the text as it was.
    const textChanged = before.headline !== content.headline || before.sapo !== content.sapo || before.body_text !== derived.bodyText;
    if (textChanged) this.statements.indexStory.run(row.seq, ...derived.index);
  }

  private insertRevision(storyId: string, author: string, now: string, reason: RevisionReason, content: StoryContent, mergedFrom?: MergeParents): string {
    const id = uuidv7();
    this.statements.insertRevision.run({
      id,
      storyId,
      author,
      now,
      reason,
      content: JSON.stringify(content),
      mergedRevision: mergedFrom?.revisionId ?? null,
      mergedServerRev: mergedFrom?.serverRev ?? null,
    });
    return id;
  }

  private sealAutosave(storyId: string): void {
    this.statements.sealAutosave.run(storyId);
    this.statements.deleteOpenAutosave.run(storyId);
  }

  private requireRow(id: string): StoryRow {
    const row = this.statements.getSummary.get(id) as StoryRow | undefined;
    if (!row) throw new StoreError('STORY_NOT_FOUND', `Không tìm thấy bài viết ${id}`);
    return row;
  }

  private requireLive(id: string): StoryRow {
    const row = this.requireRow(id);
    if (row.deleted_at !== null) {
      throw new StoreError('STORY_IN_TRASH', 'Bài viết đang ở thùng rác; hãy khôi phục bài trước khi sửa');
    }
    return row;
  }

  private require(id: string): StoredStory {
    const story = this.get(id);
    if (!story) throw new StoreError('STORY_NOT_FOUND', `Không tìm thấy bài viết ${id}`);
    return story;
  }
}
