// The desk's editorial notes (migrations/0008). The one owner of `notes` and
// `notes_fetched`. A note written here is kept at once and queued, in the same
// transaction, as a 'note' op behind its story's earlier ops; the server's
// answer marks it sent or refused, and its pulled copy (the server's author,
// time and mentions) replaces it.
import type { Database } from 'better-sqlite3';
import type { DeskNote, DeskNoteState, NoteThread } from '../../core/api';
import { noteOf, replyRefusal, type EditorialNote, type NotePayload } from '../../core/workflow';
import { StoreError } from '../errors';
import type { Outbox } from '../outbox/outbox';
import type { Clock } from '../stories/repository';

type NoteRow = {
  id: string;
  story_id: string;
  block_id: string | null;
  passage: string | null;
  parent_id: string | null;
  author: string;
  body: string;
  mentions: string;
  created_at: string;
  server_seq: number | null;
  op_id: string | null;
  refused: string | null;
};

function stateOf(row: NoteRow): DeskNoteState {
  if (row.refused !== null) return 'refused';
  if (row.server_seq !== null) return 'synced';
  return row.op_id !== null ? 'pending' : 'sent';
}

function noteFromRow(row: NoteRow): DeskNote {
  return {
    id: row.id,
    storyId: row.story_id,
    blockId: row.block_id,
    passage: row.passage,
    parentId: row.parent_id,
    author: row.author,
    body: row.body,
    mentions: JSON.parse(row.mentions) as string[],
    createdAt: row.created_at,
    state: stateOf(row),
    refusedReason: row.refused,
  };
}

/** Threads in the order they were started (the server's order first, then what is only here), replies likewise. */
export function threadsOf(notes: readonly DeskNote[], order: ReadonlyMap<string, number>): NoteThread[] {
  const key = (n: DeskNote) => order.get(n.id) ?? Number.MAX_SAFE_INTEGER;
  const sorted = [...notes].sort((a, b) => key(a) - key(b) || a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  const roots = new Map<string, NoteThread>();
  for (const note of sorted) if (note.parentId === null) roots.set(note.id, { root: note, replies: [] });
  for (const note of sorted) {
    if (note.parentId === null) continue;
    const thread = roots.get(note.parentId);
    // A reply whose root is not here (yet) shows as a thread of its own rather than not at all.
    if (thread) thread.replies.push(note);
    else roots.set(note.id, { root: note, replies: [] });
  }
  return [...roots.values()];
}

export class StoryNotes {
  private readonly s: ReturnType<typeof prepareStatements>;

  constructor(
    private readonly db: Database,
    private readonly outbox: Outbox,
    private readonly clock: Clock,
  ) {
    this.s = prepareStatements(db);
  }

  /**
   * Keeps a note written on this desk and queues it for the server. The author
   * is who writes here; the server names its own when it stores the note.
   * Call `outbox.changed()` afterwards (outside any transaction).
   */
  add(payload: NotePayload, author: string): DeskNote {
    return this.db.transaction((): DeskNote => {
      const story = this.s.story.get(payload.storyId) as { local_only: 0 | 1 } | undefined;
      if (story === undefined) throw new StoreError('STORY_NOT_FOUND', 'Không tìm thấy bài viết để ghi chú.');
      // Notes travel with their story; a reference story never travels.
      if (story.local_only === 1) throw new StoreError('LOCAL_ONLY', 'Bài tham khảo chỉ có trên máy này, không gửi lên toà soạn: không ghi chú được.');
      if (this.s.byId.get(payload.id) !== undefined) throw new StoreError('INVALID_INPUT', 'Ghi chú này đã có.');
      const parentRow = payload.parentId === null ? undefined : (this.s.byId.get(payload.parentId) as NoteRow | undefined);
      const refused = replyRefusal(payload, parentRow ? { storyId: parentRow.story_id, parentId: parentRow.parent_id } : null);
      if (refused) throw new StoreError('INVALID_INPUT', refused.message);
      const note = noteOf(payload, author, this.clock().toISOString());
      if (note.body === '') throw new StoreError('INVALID_INPUT', 'Ghi chú đang trống.');
      // The server gets the text as it is kept here.
      const sent: NotePayload = { ...payload, body: note.body, passage: note.passage };
      const opId = this.outbox.note(note.storyId, JSON.stringify(sent));
      this.s.insert.run({ ...columnsOf(note), opId });
      return noteFromRow(this.s.byId.get(note.id) as NoteRow);
    })();
  }

  /** A story's notes as threads. */
  threads(storyId: string): NoteThread[] {
    const rows = this.s.forStory.all(storyId) as NoteRow[];
    const order = new Map(rows.filter((r) => r.server_seq !== null).map((r) => [r.id, r.server_seq as number]));
    return threadsOf(rows.map(noteFromRow), order);
  }

  /** The server took the note carried by `opId` (or had it): it leaves the outbox. Inside the caller's transaction. */
  sent(opId: string): string | null {
    this.outbox.remove(opId);
    const row = this.s.byOp.get(opId) as NoteRow | undefined;
    if (!row) return null;
    this.s.markSent.run(opId);
    return row.story_id;
  }

  /** The server will not take it: it stays here with the reason, and is never sent again. Inside the caller's transaction. */
  refused(opId: string, reason: string): string | null {
    this.outbox.remove(opId);
    const row = this.s.byOp.get(opId) as NoteRow | undefined;
    if (!row) return null;
    this.s.markRefused.run(reason, opId);
    return row.story_id;
  }

  /** The server's copies replace what is here (the note may be new here). Answers the stories touched. */
  pulled(notes: ReadonlyArray<EditorialNote & { seq: number }>): string[] {
    for (const note of notes) this.s.pulled.run({ ...columnsOf(note), seq: note.seq });
    return [...new Set(notes.map((n) => n.storyId))];
  }

  /** Whether this account has fetched the story's notes whole from the server. */
  fetched(account: string, storyId: string): boolean {
    return this.s.isFetched.get(account, storyId) !== undefined;
  }

  markFetched(account: string, storyId: string): void {
    this.s.setFetched.run(account, storyId);
  }
}

function columnsOf(note: EditorialNote) {
  return {
    id: note.id,
    storyId: note.storyId,
    blockId: note.blockId,
    passage: note.passage,
    parentId: note.parentId,
    author: note.author,
    body: note.body,
    mentions: JSON.stringify(note.mentions),
    createdAt: note.createdAt,
  };
}

function prepareStatements(db: Database) {
  return {
    story: db.prepare('SELECT local_only FROM stories WHERE id = ?'),
    byId: db.prepare('SELECT * FROM notes WHERE id = ?'),
    byOp: db.prepare('SELECT * FROM notes WHERE op_id = ?'),
    forStory: db.prepare('SELECT * FROM notes WHERE story_id = ? ORDER BY created_at, id'),
    insert: db.prepare(`
      INSERT INTO notes (id, story_id, block_id, passage, parent_id, author, body, mentions, created_at, op_id)
      VALUES (@id, @storyId, @blockId, @passage, @parentId, @author, @body, @mentions, @createdAt, @opId)`),
    markSent: db.prepare('UPDATE notes SET op_id = NULL WHERE op_id = ?'),
    markRefused: db.prepare('UPDATE notes SET op_id = NULL, refused = ? WHERE op_id = ?'),
    pulled: db.prepare(`
      INSERT INTO notes (id, story_id, block_id, passage, parent_id, author, body, mentions, created_at, server_seq)
      VALUES (@id, @storyId, @blockId, @passage, @parentId, @author, @body, @mentions, @createdAt, @seq)
      ON CONFLICT (id) DO UPDATE SET story_id = excluded.story_id, block_id = excluded.block_id, passage = excluded.passage,
        parent_id = excluded.parent_id, author = excluded.author, body = excluded.body, mentions = excluded.mentions,
        created_at = excluded.created_at, server_seq = excluded.server_seq, refused = NULL`),
    isFetched: db.prepare('SELECT 1 FROM notes_fetched WHERE account = ? AND story_id = ?'),
    setFetched: db.prepare('INSERT INTO notes_fetched (account, story_id) VALUES (?, ?) ON CONFLICT DO NOTHING'),
  };
}
