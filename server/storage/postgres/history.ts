// A story's revisions in PostgreSQL, newest first.
import { parseRevision } from '../rows';
import type { HistoryStore } from '../types';
import type { ServerRevision } from '../../../core/sync';
import type { PostgresConnection } from './connection';

export class PostgresHistory implements HistoryStore {
  constructor(private readonly conn: PostgresConnection) {}

  async revisions(storyId: string, limit: number): Promise<ServerRevision[]> {
    const { rows } = await this.conn.pool.query(
      'SELECT rev, author, reason, created_at, content FROM story_revisions WHERE story_id = $1 ORDER BY rev DESC LIMIT $2',
      [storyId, limit],
    );
    return rows.map(parseRevision);
  }
}
