// In-app notifications in PostgreSQL.
import type { Notification, NotificationDraft } from '../../../core/workflow';
import { notificationFromRow } from '../audit-rows';
import type { NotificationStore } from '../types';
import type { PostgresConnection, Row } from './connection';

export class PostgresNotifications implements NotificationStore {
  constructor(private readonly conn: PostgresConnection) {}

  async add(drafts: readonly NotificationDraft[]): Promise<void> {
    if (drafts.length === 0) return;
    await this.conn.pool.query(
      `INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at)
       SELECT gen_random_uuid(), u.username, u.kind, u.story_id, u.actor, u.note_id, u.at
       FROM json_to_recordset($1::json) AS u(username text, kind text, story_id uuid, actor text, note_id uuid, at timestamptz)`,
      [JSON.stringify(drafts.map((n) => ({ username: n.user, kind: n.kind, story_id: n.storyId, actor: n.actor, note_id: n.noteId, at: n.at })))],
    );
  }

  async list(username: string, after: string | null, limit: number): Promise<Notification[]> {
    const { rows } = await this.conn.pool.query(
      `SELECT * FROM notifications WHERE username = $1 AND ($2::timestamptz IS NULL OR at > $2) ORDER BY at DESC, id LIMIT $3`,
      [username, after, limit],
    );
    return (rows as Row[]).map(notificationFromRow);
  }

  async markRead(username: string, ids: readonly string[], at: string): Promise<void> {
    await this.conn.pool.query('UPDATE notifications SET read_at = $3 WHERE id = ANY($1::uuid[]) AND username = $2 AND read_at IS NULL', [
      [...ids],
      username,
      at,
    ]);
  }
}
