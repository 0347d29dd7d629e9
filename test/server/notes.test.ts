// Editorial notes on the server, on both databases: written through push in
// order with the story's other ops, by anyone who may see the story, with the
// server's author, time and mentions; read back by their own cursor, only for
// stories the caller may see; and never shown on the public site.
import { expect, it } from 'vitest';
import { notificationsAnswer } from '../../core/sync';
import { call, push, type Op } from '../helpers/server/api';
import { describeEachDatabase, type AccountName, type Harness } from '../helpers/server/harness';
import { allNotes, noteOp, notePayload, notesOf } from '../helpers/server/notes';
import { bodyOfParagraphs, newId, storyPayload, toPublished, transition, upsert } from '../helpers/server/stories';

const P1 = 'Cụm thi đua số 4 gồm các Công đoàn cơ sở trực thuộc LĐLĐ thành phố Hà Nội.';
const P2 = 'Năm 2025, 1.250 đoàn viên được tặng quà Tết với tổng kinh phí hơn 600 triệu đồng.';

async function act(h: Harness, who: AccountName, ops: Op[]): Promise<string[]> {
  const { results } = await push(h.url, h.token(who), ops);
  return results.map((r) => (r.status === 'rejected' ? `${r.code}: ${r.message}` : r.status));
}

async function mentionsOf(h: Harness, who: AccountName) {
  const reply = await call(h.url, 'GET', '/api/notifications', { token: h.token(who) });
  expect(reply.status).toBe(200);
  return notificationsAnswer.parse(reply.json()).notifications.filter((n) => n.kind === 'mentioned');
}

describeEachDatabase('editorial notes on the server', (h) => {
  it('takes a note on a story created earlier in the same push, with the server as its author and clock', async () => {
    const id = newId();
    const root = notePayload(id, 'Kiểm tra lại con số 1.250 đoàn viên.', { blockId: 'b2', passage: '1.250 đoàn viên' });
    const reply = notePayload(id, 'Đã kiểm tra với Công đoàn huyện.', { parentId: root.id });
    const before = Date.now();
    expect(await act(h, 'reporter', [upsert(id, 0, storyPayload({ body: bodyOfParagraphs(P1, P2) })), noteOp(root), noteOp(reply)])).toEqual([
      'applied',
      'applied',
      'applied',
    ]);
    const { notes } = await notesOf(h.url, h.token('reporter'), { storyId: id });
    expect(notes.map((n) => [n.id, n.author, n.parentId, n.blockId, n.passage, n.body])).toEqual([
      [root.id, 'hphong', null, 'b2', '1.250 đoàn viên', root.body],
      [reply.id, 'hphong', root.id, null, null, reply.body],
    ]);
    expect(Date.parse(notes[0]?.createdAt ?? '')).toBeGreaterThanOrEqual(before - 1_000);
    expect(notes[0]?.seq).toBeLessThan(notes[1]?.seq ?? 0);
    // A desk cannot name the author or the time: the payload has no place for them.
    const forged = { ...notePayload(id, 'Ghi chú giả danh'), author: 'bientap.lan', createdAt: '2020-01-01T00:00:00.000Z' };
    expect(await act(h, 'reporter', [{ opId: newId(), kind: 'note', storyId: id, baseRev: 0, payload: forged }])).toEqual([
      expect.stringMatching(/^INVALID_PAYLOAD/),
    ]);
  });

  it('processes notes in order with the other ops: a note before its story is created finds nothing', async () => {
    const id = newId();
    const early = notePayload(id, 'Ghi chú gửi trước khi có bài');
    expect(await act(h, 'reporter', [noteOp(early), upsert(id, 0)])).toEqual(['NOT_FOUND: Bài không có trên máy chủ', 'applied']);
    // Retried after the story exists, the same note goes in.
    expect(await act(h, 'reporter', [noteOp(early)])).toEqual(['applied']);
  });

  it('answers a retry of the same note as a duplicate, and refuses its id to anyone else', async () => {
    const id = newId();
    const note = notePayload(id, 'Bổ sung ảnh hiện trường.');
    const op = noteOp(note);
    expect(await act(h, 'reporter', [upsert(id, 0), transition(id, { action: 'submit' }), op])).toEqual(['applied', 'applied', 'applied']);
    expect(await act(h, 'reporter', [op])).toEqual(['duplicate']);
    // The same note id under a new op id is still the same note.
    expect(await act(h, 'reporter', [noteOp(note)])).toEqual(['duplicate']);
    expect(await act(h, 'editor', [noteOp({ ...note, body: 'Ghi chú khác cùng mã' })])).toEqual([
      'NOTE_ID_TAKEN: Mã ghi chú này đã được dùng cho một ghi chú khác',
    ]);
    expect((await notesOf(h.url, h.token('reporter'), { storyId: id })).notes).toHaveLength(1);
  });

  it('lets only those who may see the story write and read its notes', async () => {
    const id = newId();
    const own = notePayload(id, 'Ghi chú riêng của phóng viên trên bản nháp.');
    expect(await act(h, 'reporter', [upsert(id, 0), noteOp(own)])).toEqual(['applied', 'applied']);
    // A draft is private to its writer: the desk can neither read nor add to its notes.
    expect(await act(h, 'editor', [noteOp(notePayload(id, 'Biên tập viên chưa được thấy bài nháp'))])).toEqual([
      'FORBIDDEN: Bạn không có quyền xem bài này, nên không ghi chú được',
    ]);
    expect((await allNotes(h.url, h.token('editor'))).map((n) => n.id)).not.toContain(own.id);
    expect((await notesOf(h.url, h.token('editor'), { storyId: id })).notes).toEqual([]);
    // Submitted, it is the desk's to see, and its notes with it; another reporter still sees nothing.
    expect(await act(h, 'reporter', [transition(id, { action: 'submit' })])).toEqual(['applied']);
    expect((await notesOf(h.url, h.token('editor'), { storyId: id })).notes.map((n) => n.id)).toEqual([own.id]);
    expect((await allNotes(h.url, h.token('editor'))).map((n) => n.id)).toContain(own.id);
    expect(await act(h, 'reporter2', [noteOp(notePayload(id, 'Không phải bài của tôi'))])).toEqual([
      'FORBIDDEN: Bạn không có quyền xem bài này, nên không ghi chú được',
    ]);
    expect((await allNotes(h.url, h.token('reporter2'))).map((n) => n.storyId)).not.toContain(id);
    expect(await act(h, 'editor', [noteOp(notePayload(id, 'Đã nhận, sẽ đọc trong chiều nay.', { parentId: own.id }))])).toEqual(['applied']);
  });

  it('keeps threads one level deep, within one story', async () => {
    const id = newId();
    const other = newId();
    const root = notePayload(id, 'Tít dài quá 120 ký tự.');
    expect(await act(h, 'editor', [upsert(id, 0), upsert(other, 0), noteOp(root)])).toEqual(['applied', 'applied', 'applied']);
    const reply = notePayload(id, 'Đã rút gọn.', { parentId: root.id });
    expect(await act(h, 'editor', [noteOp(reply)])).toEqual(['applied']);
    expect(await act(h, 'editor', [noteOp(notePayload(id, 'Trả lời một trả lời', { parentId: reply.id }))])).toEqual([
      'NOTE_PARENT_NOT_ROOT: Chỉ trả lời được ghi chú gốc của một chuỗi',
    ]);
    expect(await act(h, 'editor', [noteOp(notePayload(other, 'Trả lời sang bài khác', { parentId: root.id }))])).toEqual([
      'NOTE_PARENT_NOT_FOUND: Không tìm thấy ghi chú gốc để trả lời',
    ]);
    expect(await act(h, 'editor', [noteOp(notePayload(id, 'Trả lời ghi chú không có', { parentId: newId() }))])).toEqual([
      'NOTE_PARENT_NOT_FOUND: Không tìm thấy ghi chú gốc để trả lời',
    ]);
  });

  it('finds @mentions on the server and tells each person mentioned who may see the story', async () => {
    const id = newId();
    const before = await mentionsOf(h, 'editor');
    const note = notePayload(id, '@bientap.lan xem giúp đoạn 2; @manhquan và @khongcoai không cần, @hphong tự ghi nhớ.');
    expect(await act(h, 'reporter', [upsert(id, 0), transition(id, { action: 'submit' }), noteOp(note)])).toEqual(['applied', 'applied', 'applied']);
    const [stored] = (await notesOf(h.url, h.token('reporter'), { storyId: id })).notes;
    // Only real accounts are mentions; the author is not told of their own note, nor anyone who may not see the story.
    expect(stored?.mentions).toEqual(['bientap.lan', 'manhquan', 'hphong']);
    const told = (await mentionsOf(h, 'editor')).filter((n) => !before.some((b) => b.id === n.id));
    expect(told.map((n) => [n.kind, n.storyId, n.actor, n.noteId])).toEqual([['mentioned', id, 'hphong', note.id]]);
    expect((await mentionsOf(h, 'reporter2')).map((n) => n.storyId)).not.toContain(id);
    expect((await mentionsOf(h, 'reporter')).map((n) => n.storyId)).not.toContain(id);
  });

  it('pages notes by their own cursor', async () => {
    const id = newId();
    const texts = ['Một', 'Hai', 'Ba', 'Bốn', 'Năm'].map((n) => `Ghi chú số ${n}`);
    expect(await act(h, 'editor2', [upsert(id, 0), ...texts.map((t) => noteOp(notePayload(id, t)))])).toEqual(Array(6).fill('applied'));
    const seen: string[] = [];
    let cursor = 0;
    let pages = 0;
    for (;;) {
      const page = await notesOf(h.url, h.token('editor2'), { cursor, limit: 2, storyId: id });
      seen.push(...page.notes.map((n) => n.body));
      cursor = page.cursor;
      pages++;
      if (!page.more) break;
    }
    expect(seen).toEqual(texts);
    expect(pages).toBe(3);
    // Past the end, nothing more and the cursor stays at the head.
    const end = await notesOf(h.url, h.token('editor2'), { cursor });
    expect(end).toEqual({ notes: [], cursor, more: false });
    expect((await call(h.url, 'GET', '/api/sync/notes?cursor=-1', { token: h.token('editor2') })).status).toBe(400);
    expect((await call(h.url, 'GET', '/api/sync/notes')).status).toBe(401);
  });

  it('never shows a note on the public site', async () => {
    const id = newId();
    const secret = 'GHI-CHU-NOI-BO: nguồn tin xin giấu tên, đừng đăng chi tiết này';
    const passage = '1.250 đoàn viên';
    const ops = [upsert(id, 0, storyPayload({ body: bodyOfParagraphs(P1, P2) })), noteOp(notePayload(id, secret, { passage, blockId: null })), ...toPublished(id)];
    expect(await act(h, 'chief', ops)).toEqual(Array(ops.length).fill('applied'));
    const reply = notePayload(id, `${secret} (trả lời)`);
    expect(await act(h, 'chief', [noteOp(reply)])).toEqual(['applied']);
    const home = await call(h.url, 'GET', '/');
    const article = /href="(\/cong-doan\/[^"]+\.html)"/.exec(home.text)?.[1];
    expect(article).toBeDefined();
    for (const path of [article ?? '', '/', '/cong-doan/', '/rss.xml', '/cong-doan/rss.xml', '/sitemap.xml']) {
      const page = await call(h.url, 'GET', path);
      expect(page.status, path).toBe(200);
      expect(page.text, path).not.toContain('GHI-CHU-NOI-BO');
      expect(page.text, path).not.toContain('nguồn tin xin giấu tên');
    }
    // The page has the story's text, passage included: only the note stays off it.
    expect((await call(h.url, 'GET', article ?? '')).text).toContain(passage);
  });
});
