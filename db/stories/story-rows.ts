// The stories table as rows: their columns, the checks on what is written, the
// derived text and index fields, and the prepared statements ./repository runs.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';
import {
  describeBodyError,
  plainTextOfBody,
  storyWordCount,
  revisionReason,
  storyStatus,
  type MergeParents,
  type RevisionReason,
  type Story,
  type StoryContent,
  type StoryStatus,
  withLoadedBlockIds,
} from '../../core/story';
import { StoreError } from '../errors';
import { foldedForIndex } from '../search/search-text';

/** Autosaves by one author within this long of the first fold into one revision. */
export const AUTOSAVE_WINDOW_MS = 10 * 60 * 1000;

export type Clock = () => Date;

/** A story as the store holds it: the model's fields plus what the store derives or tracks. */
export interface StoredStory extends Story {
  wordCount: number;
  /** When the story was moved to the trash; null while it is live. */
  deletedAt: string | null;
  /** Reference material that stays on this desk and is never sent (0007_local_only.sql). */
  localOnly: boolean;
}

/** A row of the story list: everything but the body. */
export type StorySummary = Omit<StoredStory, 'body'>;

export interface RevisionSummary {
  id: string;
  storyId: string;
  author: string;
  createdAt: string;
  reason: RevisionReason;
  /** True for the autosave window still open on the story: its text may still change. */
  open: boolean;
  /** On a merge the desk made by itself: the two texts it merged. */
  mergedFrom?: MergeParents;
}

export interface SaveResult {
  story: StoredStory;
  /** The revision this write produced, or the open autosave it folded into. */
  revisionId: string;
}

export interface NewStoryOptions {
  author: string;
  status?: StoryStatus;
  /** Kept on this desk only, never sent to the server (archive teasers). */
  localOnly?: boolean;
  /** When given, the story starts with a revision of this reason (imports use 'import'). */
  reason?: RevisionReason;
}

/** A new story checked and stamped by newStory(), not yet written. */
export interface NewStory {
  readonly story: StoredStory;
  readonly content: StoryContent;
  readonly derived: Derived;
  readonly reason?: RevisionReason;
}

export interface StoryPage {
  items: StorySummary[];
  /** Pass as `after` to get the next page; null on the last page. */
  nextCursor: string | null;
}

export const storyListQuery = z.strictObject({
  status: storyStatus.optional(),
  section: z.string().optional(),
  author: z.string().optional(),
  assignee: z.string().optional(),
  /** Stories first published at or after this time (ISO). */
  publishedFrom: z.string().optional(),
  /** Live and trashed stories together. */
  includeDeleted: z.boolean().optional(),
  /** Only the trash. Wins over includeDeleted. */
  trashed: z.boolean().optional(),
  limit: z.number().int().min(1).max(500).default(50),
  after: z.string().nullable().optional(),
});
export type StoryListQuery = z.input<typeof storyListQuery>;

export const author = z.string().trim().min(1, { message: 'Cần biết ai là người viết' });
export const createOptions = z.strictObject({
  author,
  status: storyStatus.default('draft'),
  localOnly: z.boolean().default(false),
  /** When given, the story starts with a revision of this reason (imports use 'import'). */
  reason: revisionReason.optional(),
});
export const saveOptions = z.strictObject({
  author,
  reason: revisionReason
    .refine((reason) => reason !== 'autosave', { message: 'Tự động lưu đi qua autosave(), không qua save()' })
    .default('save'),
  /** A merge the desk made by itself: the server's revision it merged (the desk's side is its latest revision). */
  mergedWithServerRev: z.number().int().min(0).optional(),
});
export const autosaveOptions = z.strictObject({ author });

/** The keyset cursor: the last item's (updated_at, id), base64url JSON. */
export const cursorValue = z.tuple([z.string().min(1), z.string().min(1)]);

export interface StoryRow {
  seq: number;
  id: string;
  status: StoryStatus;
  author: string;
  assignee: string | null;
  section: string;
  headline: string;
  sapo: string;
  byline: string;
  slug: string;
  tags: string;
  related: string;
  publish_at: string | null;
  published_at: string | null;
  created_at: string;
  updated_at: string;
  rev: number;
  base_rev: number;
  deleted_at: string | null;
  word_count: number;
  local_only: 0 | 1;
  body?: string;
}

export interface RevisionRow {
  id: string;
  story_id: string;
  author: string;
  created_at: string;
  reason: RevisionReason;
  open: 0 | 1;
  merged_revision: string | null;
  merged_server_rev: number | null;
  content?: string;
}

/** A 'merge' revision's parents, from its row, as fields to spread; none for every other revision. */
export function mergedFromFields(row: RevisionRow): { mergedFrom?: MergeParents } {
  return row.merged_server_rev === null ? {} : { mergedFrom: { revisionId: row.merged_revision, serverRev: row.merged_server_rev } };
}

export interface IndexedText {
  headline: string;
  sapo: string;
  body_text: string;
}

export interface OpenAutosaveRow {
  story_id: string;
  revision_id: string;
  author: string;
  started_at: string;
  saved_at: string;
}

export const SUMMARY_COLUMNS = `seq, id, status, author, assignee, section, headline, sapo, byline, slug, tags, related,
  publish_at, published_at, created_at, updated_at, rev, base_rev, deleted_at, word_count, local_only`;

/** The text columns of a stories row, as a story's content. */
export type ContentRow = Pick<StoryRow, 'headline' | 'sapo' | 'byline' | 'section' | 'tags' | 'slug' | 'related'> & { body: string };

/** A row's text fields but the body, which a list never reads. */
function fieldsFromRow(row: Omit<ContentRow, 'body'>): Omit<StoryContent, 'body'> {
  return {
    headline: row.headline,
    sapo: row.sapo,
    byline: row.byline,
    section: row.section,
    tags: JSON.parse(row.tags) as string[],
    slug: row.slug,
    related: JSON.parse(row.related) as string[],
  };
}

/** A story's text from its row; a body stored before block ids existed gets them as every desk does on load. */
export function contentFromRow(row: ContentRow): StoryContent {
  return { ...fieldsFromRow(row), body: withLoadedBlockIds(JSON.parse(row.body) as StoryContent['body']) };
}

export function toSummary(row: StoryRow): StorySummary {
  return {
    id: row.id,
    ...fieldsFromRow(row),
    status: row.status,
    author: row.author,
    assignee: row.assignee,
    publishAt: row.publish_at,
    publishedAt: row.published_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    rev: row.rev,
    baseRev: row.base_rev,
    wordCount: row.word_count,
    deletedAt: row.deleted_at,
    localOnly: row.local_only === 1,
  };
}

export function parseInput<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new StoreError('INVALID_INPUT', `${what} không hợp lệ:\n${describeBodyError(result.error)}`, {
    cause: result.error,
  });
}

export function encodeCursor(updatedAt: string, id: string): string {
  return Buffer.from(JSON.stringify([updatedAt, id]), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): [string, string] {
  try {
    return cursorValue.parse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
  } catch (error) {
    throw new StoreError('INVALID_CURSOR', 'Vị trí trang không hợp lệ; hãy tải lại danh sách từ đầu', { cause: error });
  }
}

export function indexFields(headline: string, sapo: string, bodyText: string): [string, string, string] {
  return [foldedForIndex(headline), foldedForIndex(sapo), foldedForIndex(bodyText)];
}

export interface Derived {
  bodyText: string;
  wordCount: number;
  index: [string, string, string];
}

/**
 * What the store derives from a story's text: plain body text, word count, and
 * the folded index fields. Every path that writes story text (local writes, copies
 * pulled from the server) goes through this one function.
 */
/** The text columns of a stories row, as statement parameters. */
export function contentParams(content: StoryContent, derived: Pick<Derived, 'wordCount' | 'bodyText'>) {
  return {
    headline: content.headline,
    sapo: content.sapo,
    byline: content.byline,
    section: content.section,
    slug: content.slug,
    tags: JSON.stringify(content.tags),
    related: JSON.stringify(content.related),
    wordCount: derived.wordCount,
    bodyText: derived.bodyText,
    body: JSON.stringify(content.body),
  };
}

export function derive(content: StoryContent): Derived {
  const bodyText = plainTextOfBody(content.body);
  return {
    bodyText,
    wordCount: storyWordCount(content, bodyText),
    index: indexFields(content.headline, content.sapo, bodyText),
  };
}

/** The story as a write left it, built from the row read before the write, without reading it again. */
export function written(row: StoryRow, content: StoryContent, derived: Derived, now: string): StoredStory {
  return { ...toSummary(row), ...content, updatedAt: now, wordCount: derived.wordCount };
}


export function prepareStatements(db: Database) {
  return {
    insertStory: db.prepare(`
      INSERT INTO stories (id, status, author, section, headline, sapo, byline, slug, tags, related,
                           created_at, updated_at, word_count, body_text, body, local_only)
      VALUES (@id, @status, @author, @section, @headline, @sapo, @byline, @slug, @tags, @related,
              @now, @now, @wordCount, @bodyText, @body, @localOnly)`),
    updateContent: db.prepare(`
      UPDATE stories SET section = @section, headline = @headline, sapo = @sapo, byline = @byline, slug = @slug,
             tags = @tags, related = @related, updated_at = @now, word_count = @wordCount,
             body_text = @bodyText, body = @body
      WHERE id = @id`),
    setDeleted: db.prepare('UPDATE stories SET deleted_at = @deletedAt, updated_at = @now WHERE id = @id'),
    getStory: db.prepare(`SELECT ${SUMMARY_COLUMNS}, body FROM stories WHERE id = ?`),
    updatedAt: db.prepare('SELECT updated_at FROM stories WHERE id = ?'),
    getSummary: db.prepare(`SELECT ${SUMMARY_COLUMNS} FROM stories WHERE id = ?`),
    sections: db.prepare("SELECT DISTINCT section FROM stories WHERE section <> '' ORDER BY section"),
    indexStory: db.prepare('INSERT OR REPLACE INTO stories_fts (rowid, headline, sapo, body) VALUES (?, ?, ?, ?)'),
    unindexStory: db.prepare('DELETE FROM stories_fts WHERE rowid = ?'),
    getIndexedText: db.prepare('SELECT headline, sapo, body_text FROM stories WHERE id = ?'),
    insertRevision: db.prepare(`
      INSERT INTO revisions (id, story_id, author, created_at, reason, content, merged_revision, merged_server_rev)
      VALUES (@id, @storyId, @author, @now, @reason, @content, @mergedRevision, @mergedServerRev)`),
    latestRevision: db.prepare('SELECT id FROM revisions WHERE story_id = ? ORDER BY created_at DESC, id DESC LIMIT 1'),
    listRevisions: db.prepare(`
      SELECT id, story_id, author, created_at, reason, open, merged_revision, merged_server_rev FROM (
        SELECT id, story_id, author, created_at, reason, 0 AS open, merged_revision, merged_server_rev FROM revisions WHERE story_id = ?
        UNION ALL
        SELECT revision_id, story_id, author, saved_at, 'autosave', 1, NULL, NULL FROM open_autosaves WHERE story_id = ?
      ) ORDER BY open DESC, created_at DESC, id DESC`),
    getRevision: db.prepare(`
      SELECT id, story_id, author, created_at, reason, 0 AS open, merged_revision, merged_server_rev, content FROM revisions WHERE id = ?
      UNION ALL
      SELECT revision_id, story_id, author, saved_at, 'autosave', 1, NULL, NULL, content FROM open_autosaves WHERE revision_id = ?`),
    getOpenAutosave: db.prepare(
      'SELECT story_id, revision_id, author, started_at, saved_at FROM open_autosaves WHERE story_id = ?',
    ),
    openAutosave: db.prepare(`
      INSERT INTO open_autosaves (story_id, revision_id, author, started_at, saved_at, content)
      VALUES (@storyId, @revisionId, @author, @now, @now, @content)`),
    foldAutosave: db.prepare(
      'UPDATE open_autosaves SET saved_at = @savedAt, content = @content WHERE story_id = @storyId',
    ),
    sealAutosave: db.prepare(`
      INSERT INTO revisions (id, story_id, author, created_at, reason, content)
      SELECT revision_id, story_id, author, saved_at, 'autosave', content FROM open_autosaves WHERE story_id = ?`),
    deleteOpenAutosave: db.prepare('DELETE FROM open_autosaves WHERE story_id = ?'),
    expiredAutosaves: db.prepare('SELECT story_id FROM open_autosaves WHERE started_at <= ?'),
  };
}
