// Writes the server's version of a story into the local store, as pulled, with
// the server's id, author and revision. StoryRepository only makes stories of
// this computer (new ids, rev 0), so this is the one other writer of the
// stories' text; it keeps the same invariants: the search index holds live
// stories only, and derived columns (plain text, word count) match the body.
// The workflow (status, holder, schedule…) is ./workflow's to write: a copy's
// workflow is taken by its change number, not with its text.
// No outbox op is made here: this change came from the server.
import type { Database } from 'better-sqlite3';
import type { StoryContent } from '../../core/story';
import type { StoredStoryWire } from '../../core/sync';
import { derive } from './repository';
import { contentFromRow, contentParams } from './story-rows';
import type { StoryWorkflows } from './workflow';

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

// One meaning of "the text of a story" and "the same text" for the desk and the server (core/workflow).
export { contentOf, sameContent } from '../../core/workflow';

export class LocalCopy {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    db: Database,
    private readonly workflows: StoryWorkflows,
  ) {
    this.s = prepareStatements(db);
  }

  state(storyId: string): LocalState | null {
    const row = this.s.get.get(storyId) as Row | undefined;
    if (!row) return null;
    return {
      rev: row.rev,
      baseRev: row.base_rev,
      trashed: row.deleted_at !== null,
      content: contentFromRow(row),
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

  /** Replaces (or creates) the local story with the server's version; its workflow too, if newer. */
  applyPulledCopy(stored: StoredStoryWire): void {
    const { story } = stored;
    const { bodyText, wordCount, index } = derive(story);
    const params = {
      ...contentParams(story, { wordCount, bodyText }),
      id: story.id,
      status: story.status,
      author: story.author,
      assignee: story.assignee,
      publishAt: story.publishAt,
      publishedAt: story.publishedAt,
      createdAt: story.createdAt,
      updatedAt: story.updatedAt,
      rev: story.rev,
      deletedAt: stored.trashedAt,
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
    this.workflows.take(stored);
  }
}

function prepareStatements(db: Database) {
  return {
    get: db.prepare(`
      SELECT seq, rev, base_rev, deleted_at, headline, sapo, byline, section, tags, slug, related, body
      FROM stories WHERE id = ?`),
    revs: db.prepare('SELECT rev, base_rev FROM stories WHERE id = ?'),
    setRevs: db.prepare('UPDATE stories SET rev = @rev, base_rev = @rev, author = coalesce(@author, author) WHERE id = @id'),
    insert: db.prepare(`
      INSERT INTO stories (id, status, author, assignee, section, headline, sapo, byline, slug, tags, related,
                           publish_at, published_at, created_at, updated_at, rev, base_rev, deleted_at,
                           word_count, body_text, body)
      VALUES (@id, @status, @author, @assignee, @section, @headline, @sapo, @byline, @slug, @tags, @related,
              @publishAt, @publishedAt, @createdAt, @updatedAt, @rev, @rev, @deletedAt,
              @wordCount, @bodyText, @body)`),
    // Status, assignee and schedule are left to ./workflow (see the top of this file).
    update: db.prepare(`
      UPDATE stories SET author = @author, section = @section,
             headline = @headline, sapo = @sapo, byline = @byline, slug = @slug, tags = @tags, related = @related,
             created_at = @createdAt, updated_at = @updatedAt,
             rev = @rev, base_rev = @rev, deleted_at = @deletedAt, word_count = @wordCount,
             body_text = @bodyText, body = @body
      WHERE id = @id`),
    index: db.prepare('INSERT OR REPLACE INTO stories_fts (rowid, headline, sapo, body) VALUES (?, ?, ?, ?)'),
    unindex: db.prepare('DELETE FROM stories_fts WHERE rowid = ?'),
  };
}
