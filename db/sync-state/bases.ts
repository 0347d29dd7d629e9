// The merge base of each story: the last text this desk and the server agreed
// on, at the server's revision it had then. When both change the story apart,
// core/merge merges the two versions from it. Written in the transaction that
// makes the desk and the server agree: an applied push (the text it sent, copied
// from the outbox row without parsing it) and a pulled copy taken.
import type { Database } from 'better-sqlite3';
import { withLoadedBlockIds, type StoryContent } from '../../core/story';
import { contentOf } from '../stories/server-copy';

export interface MergeBase {
  rev: number;
  content: StoryContent;
}

export class MergeBases {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(db: Database) {
    this.s = prepareStatements(db);
  }

  get(storyId: string): MergeBase | null {
    const row = this.s.get.get(storyId) as { rev: number; content: string } | undefined;
    if (!row) return null;
    // Written by this code from validated text; an upsert payload carries a few fields besides the text.
    const content = contentOf(JSON.parse(row.content) as StoryContent);
    return { rev: row.rev, content: { ...content, body: withLoadedBlockIds(content.body) } };
  }

  set(storyId: string, rev: number, content: StoryContent): void {
    this.s.set.run({ storyId, rev, content: JSON.stringify(contentOf(content)) });
  }

  /** The text an outbox op sent is now the server's at `rev`; a delete leaves the text and moves the rev. */
  setFromOp(storyId: string, opId: string, rev: number): void {
    if (this.s.setFromOp.run({ storyId, opId, rev }).changes === 0) this.s.setRev.run({ storyId, rev });
  }
}

function prepareStatements(db: Database) {
  return {
    get: db.prepare('SELECT rev, content FROM sync_bases WHERE story_id = ?'),
    set: db.prepare(`
      INSERT INTO sync_bases (story_id, rev, content) VALUES (@storyId, @rev, @content)
      ON CONFLICT (story_id) DO UPDATE SET rev = excluded.rev, content = excluded.content`),
    setFromOp: db.prepare(`
      INSERT INTO sync_bases (story_id, rev, content)
      SELECT story_id, @rev, payload FROM outbox WHERE op_id = @opId AND story_id = @storyId AND kind = 'upsert' AND payload IS NOT NULL
      ON CONFLICT (story_id) DO UPDATE SET rev = excluded.rev, content = excluded.content`),
    setRev: db.prepare('UPDATE sync_bases SET rev = @rev WHERE story_id = @storyId'),
  };
}
