// In-app notifications in SQLite.
import type { Notification, NotificationDraft } from '../../../core/workflow';
import { notificationFromRow } from '../audit-rows';
import type { NotificationStore } from '../types';
import type { Row, SqliteConnection } from './connection';

export class SqliteNotifications implements NotificationStore {
  constructor(private readonly conn: SqliteConnection) {}

  async add(drafts: readonly NotificationDraft[]): Promise<void> {
    const insert = this.conn.statement('INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)');
    this.conn.db.transaction(() => {
      for (const n of drafts) insert.run(crypto.randomUUID(), n.user, n.kind, n.storyId, n.actor, n.noteId, n.at);
    })();
  }

  async list(username: string, after: string | null, limit: number): Promise<Notification[]> {
    const rows = this.conn
      .statement('SELECT * FROM notifications WHERE username = ? AND at > ? ORDER BY at DESC, id LIMIT ?')
      .all(username, after ?? '', limit) as Row[];
    return rows.map(notificationFromRow);
  }

  async markRead(username: string, ids: readonly string[], at: string): Promise<void> {
    const mark = this.conn.statement('UPDATE notifications SET read_at = ? WHERE id = ? AND username = ? AND read_at IS NULL');
    this.conn.db.transaction(() => {
      for (const id of ids) mark.run(at, id.toLowerCase(), username);
    })();
  }
}
