// Editorial notes and presence in SQLite. Writers are serialized by BEGIN
// IMMEDIATE, so note numbers are handed out and committed in one order.
import type { Presence } from '../../../core/workflow';
import { isDesk } from '../../../core/newsroom/roles';
import { NOTE_COLUMNS, noteFromRow, presenceCutoff, presenceFromRow, visibleStoryCondition } from '../note-rows';
import { STORED_COLUMNS, storedFromRow } from '../rows';
import type { Answered, NoteDecision, NoteFacts, NoteOp, NoteStore, NotesQuery, PresenceStore, StoredNotesPage, Viewer } from '../types';
import type { Row, SqliteConnection } from './connection';

export class SqliteNotes implements NoteStore {
  constructor(private readonly conn: SqliteConnection) {}

  private facts(op: NoteOp): NoteFacts {
    const storyRow = this.conn.statement(`SELECT ${STORED_COLUMNS} FROM stories WHERE id = ?`).get(op.storyId) as Row | undefined;
    const note = (id: string | null) => {
      if (id === null) return null;
      const row = this.conn.statement(`SELECT ${NOTE_COLUMNS} FROM notes n WHERE n.id = ?`).get(id) as Row | undefined;
      if (!row) return null;
      const { seq: _seq, ...stored } = noteFromRow(row);
      return stored;
    };
    return { story: storyRow ? storedFromRow(storyRow) : null, existing: note(op.payload.id), parent: note(op.payload.parentId) };
  }

  async addNotes<Op extends NoteOp>(ops: readonly Op[], decide: (op: Op, facts: NoteFacts) => NoteDecision): Promise<Array<Answered<Op>>> {
    const run = this.conn.db.transaction((): Array<Answered<Op>> =>
      ops.map((op): Answered<Op> => {
        const facts = this.facts(op);
        const decision = decide(op, facts);
        const story = facts.story;
        if (decision.type === 'reject') return { op, outcome: { status: 'rejected', code: decision.code, message: decision.message } };
        if (story === null) throw new Error('a note was allowed on a story that is not stored');
        if (decision.type === 'duplicate') return { op, outcome: { status: 'duplicate', rev: story.story.rev } };
        const { note, notifications } = decision;
        const seq = Number((this.conn.statement('UPDATE note_clock SET seq = seq + 1 WHERE id = 1 RETURNING seq').get() as Row).seq);
        this.conn
          .statement(
            `INSERT INTO notes (id, seq, story_id, block_id, passage, parent_id, author, body, mentions, created_at)
             VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
          )
          .run(note.id, seq, note.storyId, note.blockId, note.passage, note.parentId, note.author, note.body, JSON.stringify(note.mentions), note.createdAt);
        const notify = this.conn.statement(
          'INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
        );
        for (const n of notifications) notify.run(crypto.randomUUID(), n.user, n.kind, n.storyId, n.actor, n.noteId, n.at);
        return { op, outcome: { status: 'applied', rev: story.story.rev, stored: story } };
      }),
    );
    return run.immediate();
  }

  async page(viewer: Viewer, query: NotesQuery): Promise<StoredNotesPage> {
    const visible = visibleStoryCondition(isDesk(viewer.role), '@me');
    const read = this.conn.db.transaction((): StoredNotesPage => {
      const rows = this.conn
        .statement(
          `SELECT ${NOTE_COLUMNS} FROM notes n JOIN stories s ON s.id = n.story_id
           WHERE n.seq > @cursor AND (@storyId IS NULL OR n.story_id = @storyId) AND ${visible}
           ORDER BY n.seq LIMIT @limit`,
        )
        .all({ cursor: query.cursor, limit: query.limit, storyId: query.storyId, me: viewer.username }) as Row[];
      const notes = rows.map(noteFromRow);
      const more = rows.length === query.limit;
      const last = notes.at(-1)?.seq ?? query.cursor;
      // Nothing more to see: skip past others' notes too (same snapshot, so nothing is missed).
      const head = Number((this.conn.statement('SELECT seq FROM note_clock WHERE id = 1').get() as Row).seq);
      return { notes, cursor: more ? last : Math.max(last, head), more };
    });
    return read.deferred();
  }
}

export class SqlitePresence implements PresenceStore {
  constructor(private readonly conn: SqliteConnection) {}

  async heartbeat(storyId: string, username: string, now: string, ttlMs: number): Promise<Presence[]> {
    const cutoff = presenceCutoff(now, ttlMs);
    const run = this.conn.db.transaction((): Presence[] => {
      this.conn.statement('DELETE FROM presence WHERE seen_at < ?').run(cutoff);
      this.conn
        .statement(
          `INSERT INTO presence (story_id, username, since, seen_at) VALUES (@storyId, @username, @now, @now)
           ON CONFLICT (story_id, username) DO UPDATE SET seen_at = excluded.seen_at`,
        )
        .run({ storyId, username, now });
      return this.present(storyId, cutoff);
    });
    return run.immediate();
  }

  async leave(storyId: string, username: string): Promise<void> {
    this.conn.statement('DELETE FROM presence WHERE story_id = ? AND username = ?').run(storyId, username);
  }

  async list(storyId: string, now: string, ttlMs: number): Promise<Presence[]> {
    return this.present(storyId, presenceCutoff(now, ttlMs));
  }

  private present(storyId: string, cutoff: string): Presence[] {
    const rows = this.conn
      .statement('SELECT story_id, username, since, seen_at FROM presence WHERE story_id = ? AND seen_at >= ? ORDER BY since, username')
      .all(storyId, cutoff) as Row[];
    return rows.map(presenceFromRow);
  }
}
