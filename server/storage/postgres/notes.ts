// Editorial notes and presence in PostgreSQL, shared by every server instance.
//   - note dedupe: notes.id is the primary key; a concurrent copy of the same
//     note waits on the index and then finds it there (a duplicate).
//   - note numbers: one note_clock row bumped with UPDATE … RETURNING; its row
//     lock, held until commit, makes commit order equal note order, so a notes
//     pull never passes over a note that commits later with a smaller number.
import type { Presence } from '../../../core/workflow';
import { isDesk } from '../../../core/newsroom/roles';
import { NOTE_COLUMNS, noteFromRow, presenceCutoff, presenceFromRow, visibleStoryCondition } from '../note-rows';
import { STORED_COLUMNS, storedFromRow } from '../rows';
import type { Answered, NoteDecision, NoteFacts, NoteOp, NoteStore, NotesQuery, PresenceStore, StoredNotesPage, Viewer } from '../types';
import type { Client, PostgresConnection, Row } from './connection';

async function readNote(c: Client, id: string | null): Promise<NoteFacts['existing']> {
  if (id === null) return null;
  const { rows } = await c.query(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = $1`, [id]);
  if (!rows[0]) return null;
  const { seq: _seq, ...note } = noteFromRow(rows[0] as Row);
  return note;
}

export class PostgresNotes implements NoteStore {
  constructor(private readonly conn: PostgresConnection) {}

  async addNotes<Op extends NoteOp>(ops: readonly Op[], decide: (op: Op, facts: NoteFacts) => NoteDecision): Promise<Array<Answered<Op>>> {
    return this.conn.tx(async (c) => {
      const answered: Array<Answered<Op>> = [];
      for (const op of ops) answered.push({ op, outcome: await this.addOne(c, op, decide) });
      return answered;
    });
  }

  private async addOne<Op extends NoteOp>(c: Client, op: Op, decide: (op: Op, facts: NoteFacts) => NoteDecision): Promise<Answered<Op>['outcome']> {
    const { rows: storyRows } = await c.query(`SELECT ${STORED_COLUMNS} FROM stories WHERE id = $1`, [op.storyId]);
    const facts: NoteFacts = {
      story: storyRows[0] ? storedFromRow(storyRows[0] as Row) : null,
      existing: await readNote(c, op.payload.id),
      parent: await readNote(c, op.payload.parentId),
    };
    const decision = decide(op, facts);
    if (decision.type === 'reject') return { status: 'rejected', code: decision.code, message: decision.message };
    const story = facts.story;
    if (story === null) throw new Error('a note was allowed on a story that is not stored');
    if (decision.type === 'duplicate') return { status: 'duplicate', rev: story.story.rev };
    const { note, notifications } = decision;
    const { rows: clock } = await c.query('UPDATE note_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq');
    const inserted = await c.query(
      `INSERT INTO notes (id, seq, story_id, block_id, passage, parent_id, author, body, mentions, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::json, $10) ON CONFLICT (id) DO NOTHING`,
      [note.id, (clock[0] as Row).seq, note.storyId, note.blockId, note.passage, note.parentId, note.author, note.body, JSON.stringify(note.mentions), note.createdAt],
    );
    if (inserted.rowCount === 0) {
      // Another push stored this id meanwhile: judged again, it is a duplicate or someone else's id.
      const again = decide(op, { ...facts, existing: await readNote(c, note.id) });
      return again.type === 'reject' ? { status: 'rejected', code: again.code, message: again.message } : { status: 'duplicate', rev: story.story.rev };
    }
    if (notifications.length > 0) {
      await c.query(
        `INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at)
         SELECT gen_random_uuid(), u.username, u.kind, u.story_id, u.actor, u.note_id, u.at
         FROM json_to_recordset($1::json) AS u(username text, kind text, story_id uuid, actor text, note_id uuid, at timestamptz)`,
        [JSON.stringify(notifications.map((n) => ({ username: n.user, kind: n.kind, story_id: n.storyId, actor: n.actor, note_id: n.noteId, at: n.at })))],
      );
    }
    return { status: 'applied', rev: story.story.rev, stored: story };
  }

  async page(viewer: Viewer, query: NotesQuery): Promise<StoredNotesPage> {
    const visible = visibleStoryCondition(isDesk(viewer.role), '$4');
    // One statement, one snapshot: the clock head read here covers exactly the rows read.
    const { rows } = await this.conn.pool.query(
      `SELECT ${NOTE_COLUMNS}, c.seq AS head
       FROM note_clock c
       LEFT JOIN LATERAL (
         SELECT n.* FROM notes n JOIN stories s ON s.id = n.story_id
         WHERE n.seq > $1 AND ($3::uuid IS NULL OR n.story_id = $3) AND ${visible}
         ORDER BY n.seq LIMIT $2
       ) n ON true
       WHERE c.id = 1 ORDER BY n.seq`,
      [query.cursor, query.limit, query.storyId, viewer.username],
    );
    const notes = (rows as Row[]).filter((r) => r.id !== null).map(noteFromRow);
    const head = Number((rows[0] as Row).head);
    const more = notes.length === query.limit;
    const last = notes.at(-1)?.seq ?? query.cursor;
    return { notes, cursor: more ? last : Math.max(last, head), more };
  }
}

export class PostgresPresence implements PresenceStore {
  constructor(private readonly conn: PostgresConnection) {}

  async heartbeat(storyId: string, username: string, now: string, ttlMs: number): Promise<Presence[]> {
    const cutoff = presenceCutoff(now, ttlMs);
    return this.conn.tx(async (c) => {
      await c.query('DELETE FROM presence WHERE seen_at < $1', [cutoff]);
      // A row that went stale between the delete and here starts again: `since` is only kept for a live row.
      await c.query(
        `INSERT INTO presence (story_id, username, since, seen_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (story_id, username) DO UPDATE
         SET since = CASE WHEN presence.seen_at < $4 THEN excluded.since ELSE presence.since END, seen_at = excluded.seen_at`,
        [storyId, username, now, cutoff],
      );
      return this.present(c, storyId, cutoff);
    });
  }

  async leave(storyId: string, username: string): Promise<void> {
    await this.conn.pool.query('DELETE FROM presence WHERE story_id = $1 AND username = $2', [storyId, username]);
  }

  async list(storyId: string, now: string, ttlMs: number): Promise<Presence[]> {
    return this.present(this.conn.pool, storyId, presenceCutoff(now, ttlMs));
  }

  private async present(c: Pick<Client, 'query'>, storyId: string, cutoff: string): Promise<Presence[]> {
    const { rows } = await c.query(
      'SELECT story_id, username, since, seen_at FROM presence WHERE story_id = $1 AND seen_at >= $2 ORDER BY since, username',
      [storyId, cutoff],
    );
    return (rows as Row[]).map(presenceFromRow);
  }
}
