// Writes the server's version of a story into the local store, as pulled, with
// the server's id, author, status and revision. StoryRepository only makes
// stories of this computer (new ids, rev 0), so this is the one other writer of
// the stories table; it keeps the same invariants: the search index holds live
// stories only, and derived columns (plain text, word count) match the body.
// No outbox op is made here: this change came from the server.
import type { Database } from 'better-sqlite3';
import { withLoadedBlockIds, type Story, type StoryContent } from '../../core/story';
import type { StoredStoryWire } from '../../core/sync';
import { derive } from './repository';

export interface LocalState {
  rev: number;
  baseRev: number;
  trashed: boolean;
  content: StoryContent;
}

interface Row {
  seq: number;
  rev: number;
  base_rev: number;
  deleted_at: string | null;
  headline: string;
  sapo: string;
  byline: string;
  section: string;
  tags: string;
  slug: string;
  related: string;
  body: string;
}

export function contentOf(story: StoryContent): StoryContent {
  const { headline, sapo, byline, section, tags, slug, related, body } = story;
  return { headline, sapo, byline, section, tags, slug, related, body };
}

/** Same text, whatever the key order: for "both sides made the same edit". */
export function sameContent(a: StoryContent, b: StoryContent): boolean {
  return JSON.stringify(contentOf(a)) === JSON.stringify(contentOf(b));
}

export class LocalCopy {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: Database) {
    this.s = prepareStatements(db);
  }

  state(storyId: string): LocalState | null {
    const row = this.s.get.get(storyId) as Row | undefined;
    if (!row) return null;
    return {
      rev: row.rev,
      baseRev: row.base_rev,
      trashed: row.deleted_at !== null,
      content: {
        headline: row.headline,
        sapo: row.sapo,
        byline: row.byline,
        section: row.section,
        tags: JSON.parse(row.tags) as string[],
        slug: row.slug,
        related: JSON.parse(row.related) as string[],
        // A story stored before block ids existed gets them as every desk does on load.
        body: withLoadedBlockIds(JSON.parse(row.body) as StoryContent['body']),
      },
    };
  }

  /** Just the revisions: cheaper than state() when the text is not needed. */
  revs(storyId: string): { rev: number; baseRev: number } | null {
    const row = this.s.revs.get(storyId) as { rev: number; base_rev: number } | undefined;
    return row ? { rev: row.rev, baseRev: row.base_rev } : null;
  }

  /**
   * The server has revision `rev` and this copy is now based on it; the text is
   * left alone. `author`: the account the server wrote the story under.
   */
  setRevs(storyId: string, rev: number, author: string | null = null): void {
    this.s.setRevs.run({ id: storyId, rev, author });
  }

  /**
   * The server's workflow fields, taken at once whatever waits here: status and
   * schedule are moved only by transitions, which the server judges, so the
   * desk always shows the server's state (its own text may still be unsent).
   */
  followWorkflow(story: Pick<Story, 'id' | 'status' | 'assignee' | 'publishAt' | 'publishedAt'>): boolean {
    return this.s.followWorkflow.run({ id: story.id, status: story.status, assignee: story.assignee, publishAt: story.publishAt, publishedAt: story.publishedAt }).changes > 0;
  }

  /** Replaces (or creates) the local story with the server's version. */
  applyPulledCopy(stored: StoredStoryWire): void {
    const { story } = stored;
    const { bodyText, wordCount, index } = derive(story);
    const params = {
      id: story.id,
      status: story.status,
      author: story.author,
      assignee: story.assignee,
      section: story.section,
      headline: story.headline,
      sapo: story.sapo,
      byline: story.byline,
      slug: story.slug,
      tags: JSON.stringify(story.tags),
      related: JSON.stringify(story.related),
      publishAt: story.publishAt,
      publishedAt: story.publishedAt,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      rev: story.rev,
      deletedAt: stored.trashedAt,
      wordCount,
      bodyText,
      body: JSON.stringify(story.body),
    };
    const before = this.s.get.get(story.id) as Row | undefined;
    let seq: number;
    if (before) {
      // A story already in the trash here keeps the time it went there.
      this.s.update.run({ ...params, deletedAt: stored.trashedAt === null ? null : (before.deleted_at ?? stored.trashedAt) });
      seq = before.seq;
    } else {
      seq = Number(this.s.insert.run(params).lastInsertRowid);
    }
    if (stored.trashedAt === null) {
      this.s.index.run(seq, ...index);
    } else if (before && before.deleted_at === null) {
      this.s.unindex.run(seq);
    }
  }
}

function prepareStatements(db: Database) {
  return {
    get: db.prepare(`
      SELECT seq, rev, base_rev, deleted_at, headline, sapo, byline, section, tags, slug, related, body
      FROM stories WHERE id = ?`),
    revs: db.prepare('SELECT rev, base_rev FROM stories WHERE id = ?'),
    followWorkflow: db.prepare(`
      UPDATE stories SET status = @status, assignee = @assignee, publish_at = @publishAt, published_at = @publishedAt
      WHERE id = @id AND (status IS NOT @status OR assignee IS NOT @assignee OR publish_at IS NOT @publishAt OR published_at IS NOT @publishedAt)`),
    setRevs: db.prepare('UPDATE stories SET rev = @rev, base_rev = @rev, author = coalesce(@author, author) WHERE id = @id'),
    insert: db.prepare(`
      INSERT INTO stories (id, status, author, assignee, section, headline, sapo, byline, slug, tags, related,
                           publish_at, published_at, created_at, updated_at, rev, base_rev, deleted_at,
                           word_count, body_text, body)
      VALUES (@id, @status, @author, @assignee, @section, @headline, @sapo, @byline, @slug, @tags, @related,
              @publishAt, @publishedAt, @createdAt, @updatedAt, @rev, @rev, @deletedAt,
              @wordCount, @bodyText, @body)`),
    update: db.prepare(`
      UPDATE stories SET status = @status, author = @author, assignee = @assignee, section = @section,
             headline = @headline, sapo = @sapo, byline = @byline, slug = @slug, tags = @tags, related = @related,
             publish_at = @publishAt, published_at = @publishedAt, created_at = @createdAt, updated_at = @updatedAt,
             rev = @rev, base_rev = @rev, deleted_at = @deletedAt, word_count = @wordCount,
             body_text = @bodyText, body = @body
      WHERE id = @id`),
    index: db.prepare('INSERT OR REPLACE INTO stories_fts (rowid, headline, sapo, body) VALUES (?, ?, ?, ?)'),
    unindex: db.prepare('DELETE FROM stories_fts WHERE rowid = ?'),
  };
}
