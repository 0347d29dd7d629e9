// The desk's notes table and their outbox ops, on a real SQLite store: a note
// is kept and queued in one transaction, in order behind its story's ops;
// replies hang off roots of the same story; a note never holds back a pulled
// version, nor is dropped with a conflicted story's unsent text; and the
// migration that brought notes kept every op already queued.
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultSettings, LocalStore, loadMigrations, migrate, StoreError } from '../../db';
import type { NotePayload } from '../../core/workflow';
import { storyContentOf } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { newId } from '../helpers/server/stories';

let temp: TempDir;
let store: LocalStore;
let tick = 0;
const clock = () => new Date(Date.UTC(2025, 4, 20, 3, 32, tick++));

beforeEach(() => {
  temp = makeTempDir();
  store = new LocalStore(temp.file('store.db'), { clock, defaultSettings: defaultSettings('hphong') });
});
afterEach(() => {
  store.close();
  temp.remove();
});

const payload = (storyId: string, body: string, extra: Partial<NotePayload> = {}): NotePayload => ({
  id: newId(),
  storyId,
  blockId: null,
  passage: null,
  parentId: null,
  body,
  ...extra,
});

function storyWithText(): string {
  const content = storyContentOf({ headline: 'Cụm thi đua số 4 chăm lo đời sống đoàn viên', paragraphs: ['Năm 2025, 1.250 đoàn viên được tặng quà.'] });
  return store.stories.create(content, { author: 'hphong' }).id;
}

const outboxKinds = () => store.outbox.nextBatch(100, 1_000_000).map((op) => op.kind);

describe('notes on the desk', () => {
  it('keeps a note and queues it behind its story’s ops, with the text as it is kept', () => {
    const storyId = storyWithText();
    const note = store.notes.add(payload(storyId, '  Kiểm tra con số ở đoạn 1, @bientap.lan.  ', { passage: '1.250 đoàn viên' }), 'hphong');
    expect(note).toMatchObject({ author: 'hphong', body: 'Kiểm tra con số ở đoạn 1, @bientap.lan.', mentions: ['bientap.lan'], state: 'pending' });
    // One op per story per push: the story's upsert goes first, the note after it.
    expect(outboxKinds()).toEqual(['upsert']);
    const [upsert] = store.outbox.nextBatch(100, 1_000_000);
    store.transaction(() => store.outbox.remove(upsert?.opId ?? ''));
    const [sent] = store.outbox.nextBatch(100, 1_000_000);
    expect(sent?.kind).toBe('note');
    expect(JSON.parse(sent?.payloadJson ?? '{}')).toMatchObject({ id: note.id, body: note.body, passage: '1.250 đoàn viên' });
    // A note is no text: a pulled version need not wait for it.
    expect(store.outbox.hasUnsentText(storyId)).toBe(false);
    store.transaction(() => store.notes.sent(sent?.opId ?? ''));
    expect(store.notes.threads(storyId)[0]?.root.state).toBe('sent');
    expect(store.outbox.unsentCount()).toBe(0);
  });

  it('threads replies under roots of the same story, and refuses any other reply', () => {
    const storyId = storyWithText();
    const other = storyWithText();
    const root = store.notes.add(payload(storyId, 'Tít dài quá.'), 'bientap.lan');
    const reply = store.notes.add(payload(storyId, 'Đã rút gọn.', { parentId: root.id }), 'hphong');
    const second = store.notes.add(payload(storyId, 'Thêm ảnh.'), 'bientap.lan');
    expect(store.notes.threads(storyId).map((t) => [t.root.id, t.replies.map((r) => r.id)])).toEqual([
      [root.id, [reply.id]],
      [second.id, []],
    ]);
    const refusal = (p: NotePayload) => {
      try {
        store.notes.add(p, 'hphong');
      } catch (error) {
        return error instanceof StoreError ? error.message : String(error);
      }
      return 'accepted';
    };
    expect(refusal(payload(storyId, 'Trả lời trả lời', { parentId: reply.id }))).toBe('Chỉ trả lời được ghi chú gốc của một chuỗi');
    expect(refusal(payload(other, 'Sang bài khác', { parentId: root.id }))).toBe('Không tìm thấy ghi chú gốc để trả lời');
    expect(refusal(payload(newId(), 'Bài không có'))).toBe('Không tìm thấy bài viết để ghi chú.');
    expect(refusal({ ...payload(storyId, 'x'), id: root.id })).toBe('Ghi chú này đã có.');
    // Nothing of the refused notes was queued.
    expect(store.outbox.unsentCount()).toBe(2 + 3);
  });

  it('takes the server’s copy over its own, and a refusal with its reason', () => {
    const storyId = storyWithText();
    const mine = store.notes.add(payload(storyId, 'Ghi chú viết ở đây'), 'Phóng viên');
    const pulled = { ...mine, author: 'hphong', mentions: [], createdAt: '2025-05-20T03:40:00.000Z', seq: 7 };
    const { state: _state, refusedReason: _reason, ...server } = pulled;
    expect(store.transaction(() => store.notes.pulled([server]))).toEqual([storyId]);
    expect(store.notes.threads(storyId)[0]?.root).toMatchObject({ author: 'hphong', state: 'synced', createdAt: '2025-05-20T03:40:00.000Z' });
    const refused = store.notes.add(payload(storyId, 'Ghi chú bị từ chối'), 'hphong');
    // The story's upsert and the first note are answered; the next op out is the second note.
    for (let i = 0; i < 2; i++) {
      const [answered] = store.outbox.nextBatch(100, 1_000_000);
      store.transaction(() => (answered?.kind === 'note' ? store.notes.sent(answered.opId) : store.outbox.remove(answered?.opId ?? '')));
    }
    const [op] = store.outbox.nextBatch(100, 1_000_000);
    expect(JSON.parse(op?.payloadJson ?? '{}')).toMatchObject({ id: refused.id });
    store.transaction(() => store.notes.refused(op?.opId ?? '', 'Bài đang trong thùng rác'));
    const again = store.notes.threads(storyId).find((t) => t.root.id === refused.id)?.root;
    expect(again).toMatchObject({ state: 'refused', refusedReason: 'Bài đang trong thùng rác' });
    expect(store.outbox.refused()).toEqual([]);
  });

  it('keeps a story’s queued notes when its unsent text is dropped for a conflict', () => {
    const storyId = storyWithText();
    store.notes.add(payload(storyId, 'Ghi chú chờ gửi'), 'hphong');
    store.transaction(() => store.outbox.dropUnsent(storyId));
    expect(outboxKinds()).toEqual(['note']);
  });

  it('refuses in words a note on a reference story, which never leaves this desk', () => {
    const storyId = storyWithText();
    const db = new Database(temp.file('store.db'));
    db.prepare('UPDATE stories SET local_only = 1 WHERE id = ?').run(storyId);
    db.prepare('DELETE FROM outbox').run();
    db.close();
    expect(() => store.notes.add(payload(storyId, 'Ghi chú'), 'hphong')).toThrow(
      expect.objectContaining({ code: 'LOCAL_ONLY', message: expect.stringMatching(/^Bài tham khảo chỉ có trên máy này/) }),
    );
    expect(store.notes.threads(storyId)).toEqual([]);
    expect(outboxKinds()).toEqual([]);
  });
});

describe('the migrations that bring notes', () => {
  it('keep the ops queued before them, and take note ops after them', () => {
    const file = temp.file('old.db');
    const db = new Database(file);
    const migrations = loadMigrations();
    migrate(db, migrations.slice(0, 6));
    db.prepare(
      "INSERT INTO stories (id, status, author, headline, sapo, created_at, updated_at, body_text, body) VALUES ('s1', 'draft', 'a', 'Tít', '', 't', 't', '', '{}')",
    ).run();
    db.prepare("INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, created_at) VALUES ('op1', 1, 's1', 'upsert', 0, '{}', 't')").run();
    expect(() => db.prepare("INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, created_at) VALUES ('op2', 2, 's1', 'note', 0, 't')").run()).toThrow(/CHECK/);
    migrate(db, migrations);
    expect(db.prepare('SELECT op_id, kind, state FROM outbox').all()).toEqual([{ op_id: 'op1', kind: 'upsert', state: 'pending' }]);
    db.prepare("INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, created_at) VALUES ('op2', 2, 's1', 'note', 0, '{}', 't')").run();
    expect(() => db.prepare("INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, created_at) VALUES ('op3', 3, 's1', 'publish', 0, 't')").run()).toThrow(/CHECK/);
    db.close();
  });
});
