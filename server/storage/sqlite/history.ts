// A story's revisions in SQLite, newest first.
import { parseRevision } from '../rows';
import type { HistoryStore } from '../types';
import type { ServerRevision } from '../../../core/sync';
import type { SqliteConnection } from './connection';

export class SqliteHistory implements HistoryStore {
  constructor(private readonly conn: SqliteConnection) {}

  async revisions(storyId: string, limit: number): Promise<ServerRevision[]> {
    return this.conn
      .statement('SELECT rev, author, reason, created_at, content FROM story_revisions WHERE story_id = ? ORDER BY rev DESC LIMIT ?')
      .all(storyId, limit)
      .map(parseRevision);
  }
}
