// The signed-in user's notifications as the server sent them (migrations/0008),
// kept per account so that the bell works offline and never shows another
// account's. Read marks are made here at once and told to the server by the
// sync worker when it can (`read_sent`).
import type { Database } from 'better-sqlite3';
import type { Notification } from '../../core/workflow';
import { notification } from '../../core/workflow';
import type { Clock } from '../stories/repository';

interface Row {
  id: string;
  kind: string;
  story_id: string;
  actor: string;
  note_id: string | null;
  at: string;
  read_at: string | null;
  user: string;
}

export class NotificationInbox {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.s = prepareStatements(db);
  }

  /** Stores what the server sent; returns the ones this desk had not seen, newest first. */
  receive(account: string, items: readonly Notification[]): Notification[] {
    return this.db.transaction(() =>
      items.filter(
        (n) =>
          this.s.insert.run({
            id: n.id,
            account,
            kind: n.kind,
            storyId: n.storyId,
            actor: n.actor,
            noteId: n.noteId,
            at: n.at,
            readAt: n.readAt,
          }).changes > 0,
      ),
    )();
  }

  /** The time of the newest notification kept for the account: what the next poll asks after. */
  newest(account: string): string | null {
    return (this.s.newest.get(account) as { at: string | null }).at;
  }

  /** The account's notifications, newest first. */
  list(account: string, user: string, limit = 200): Notification[] {
    const rows = this.s.list.all(user, account, limit) as Row[];
    return rows.flatMap((row) => {
      const parsed = notification.safeParse({
        id: row.id,
        user: row.user,
        kind: row.kind,
        storyId: row.story_id,
        actor: row.actor,
        noteId: row.note_id,
        at: row.at,
        readAt: row.read_at,
      });
      return parsed.success ? [parsed.data] : [];
    });
  }

  unread(account: string): number {
    return (this.s.unread.get(account) as { n: number }).n;
  }

  /** Marks them read here; the server is told later (unsentReads). */
  markRead(account: string, ids: readonly string[]): void {
    const now = this.clock().toISOString();
    this.db.transaction(() => {
      for (const id of ids) this.s.markRead.run({ account, id: id.toLowerCase(), now });
    })();
  }

  /** Read here, not yet told to the server. */
  unsentReads(account: string): string[] {
    return (this.s.unsentReads.all(account) as Array<{ id: string }>).map((row) => row.id);
  }

  readsSent(account: string, ids: readonly string[]): void {
    this.db.transaction(() => {
      for (const id of ids) this.s.readsSent.run(account, id);
    })();
  }
}

function prepareStatements(db: Database) {
  return {
    insert: db.prepare(`
      INSERT INTO notifications (id, account, kind, story_id, actor, note_id, at, read_at, read_sent)
      VALUES (@id, @account, @kind, @storyId, @actor, @noteId, @at, @readAt, 1)
      ON CONFLICT (id) DO NOTHING`),
    newest: db.prepare('SELECT max(at) AS at FROM notifications WHERE account = ?'),
    list: db.prepare(`
      SELECT id, kind, story_id, actor, note_id, at, read_at, ? AS user FROM notifications
      WHERE account = ? ORDER BY at DESC, id LIMIT ?`),
    unread: db.prepare('SELECT count(*) AS n FROM notifications WHERE account = ? AND read_at IS NULL'),
    markRead: db.prepare(
      'UPDATE notifications SET read_at = @now, read_sent = 0 WHERE account = @account AND id = @id AND read_at IS NULL',
    ),
    unsentReads: db.prepare('SELECT id FROM notifications WHERE account = ? AND read_sent = 0 ORDER BY at LIMIT 500'),
    readsSent: db.prepare('UPDATE notifications SET read_sent = 1 WHERE account = ? AND id = ?'),
  };
}
