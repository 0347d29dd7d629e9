// The editorial workflow as the server enforces it, on both databases: a story
// from draft to the site and off it again, only by explicit acts of those
// allowed, with every act in the audit log and the right people told.
import { describe, expect, it } from 'vitest';
import { auditAnswer, notificationsAnswer } from '../../core/sync';
import { call, pull, pullAll, push, serverCopy, type Op } from '../helpers/server/api';
import { parseHtml, texts } from '../helpers/server/dom';
import { describeEachDatabase, type AccountName, type Harness } from '../helpers/server/harness';
import { bodyOfParagraphs, newId, storyPayload, transition, upsert } from '../helpers/server/stories';

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);
const PAGE = (id: string) => `/cong-doan/cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien-${shortId(id)}.html`;

async function act(h: Harness, who: AccountName, ops: Op[]): Promise<string[]> {
  const { results } = await push(h.url, h.token(who), ops);
  return results.map((r) => (r.status === 'rejected' ? `${r.code}: ${r.message}` : r.status));
}

const step = (id: string, action: string, extra: Record<string, unknown> = {}) => transition(id, { action, ...extra });

async function audit(h: Harness, who: AccountName, id: string) {
  const reply = await call(h.url, 'GET', `/api/stories/${id}/audit`, { token: h.token(who) });
  expect(reply.status).toBe(200);
  return auditAnswer.parse(reply.json()).entries;
}

async function notifications(h: Harness, who: AccountName) {
  const reply = await call(h.url, 'GET', '/api/notifications', { token: h.token(who) });
  expect(reply.status).toBe(200);
  return notificationsAnswer.parse(reply.json()).notifications;
}

describeEachDatabase('the editorial workflow on the server', (h) => {
  it('takes a story from draft to the site and off it, only by the acts of those allowed, and logs each', async () => {
    const id = newId();
    expect(await act(h, 'reporter', [upsert(id, 0), step(id, 'approve')])).toEqual([
      'applied',
      'FORBIDDEN: Chỉ biên tập viên và tổng biên tập được duyệt',
    ]);
    expect(await act(h, 'reporter', [step(id, 'submit')])).toEqual(['applied']);
    // Submitted: the reporter may withdraw it but no longer edit it in place.
    expect(await act(h, 'reporter', [upsert(id, 1, storyPayload({ sapo: 'Sửa sau khi nộp' }))])).toEqual([
      'NOT_EDITABLE: Bài đã nộp: hãy rút bài nếu cần sửa tiếp',
    ]);
    expect(await act(h, 'editor', [step(id, 'return', { note: '' })])).toEqual([expect.stringMatching(/^WRONG_STATE/)]);
    expect(await act(h, 'editor', [step(id, 'take'), step(id, 'return', { note: '' })])).toEqual([
      'applied',
      'NOTE_REQUIRED: Hãy ghi lý do trả bài',
    ]);
    expect(await act(h, 'editor', [step(id, 'return', { note: 'Bổ sung số liệu năm 2025 ở đoạn 2.' })])).toEqual(['applied']);
    // Returned: the reporter edits and resubmits; the editor takes it again, edits, approves, publishes.
    expect(await act(h, 'reporter', [upsert(id, 1, storyPayload({ sapo: 'Năm 2025, 1.250 đoàn viên được chăm lo Tết.' })), step(id, 'submit')])).toEqual([
      'applied',
      'applied',
    ]);
    expect(
      await act(h, 'editor', [step(id, 'take'), upsert(id, 2, storyPayload({ sapo: 'Năm 2025, 1.250 đoàn viên được chăm lo Tết chu đáo.' })), step(id, 'approve'), step(id, 'publish')]),
    ).toEqual(['applied', 'applied', 'applied', 'applied']);
    const live = await call(h.url, 'GET', PAGE(id));
    expect(live.status).toBe(200);
    expect(texts(parseHtml(live.text), '.sapo')).toEqual(['Năm 2025, 1.250 đoàn viên được chăm lo Tết chu đáo.']);

    // Only the editor-in-chief unpublishes; the page then answers 410 and leaves every list.
    expect(await act(h, 'editor', [step(id, 'unpublish')])).toEqual(['FORBIDDEN: Chỉ tổng biên tập được gỡ bài']);
    expect(await act(h, 'chief', [step(id, 'unpublish', { note: 'Theo yêu cầu của nguồn tin.' })])).toEqual(['applied']);
    expect((await call(h.url, 'GET', PAGE(id))).status).toBe(410);
    for (const path of ['/', '/cong-doan/', '/rss.xml', '/cong-doan/rss.xml', '/sitemap.xml']) {
      const reply = await call(h.url, 'GET', path);
      expect(reply.text, path).not.toContain(shortId(id));
    }

    const log = await audit(h, 'reporter', id);
    expect(log.map((e) => [e.actor, e.action, e.from, e.to])).toEqual([
      ['hphong', 'submit', 'draft', 'submitted'],
      ['bientap.lan', 'take', 'submitted', 'editing'],
      ['bientap.lan', 'return', 'editing', 'returned'],
      ['hphong', 'submit', 'returned', 'submitted'],
      ['bientap.lan', 'take', 'submitted', 'editing'],
      ['bientap.lan', 'approve', 'editing', 'approved'],
      ['bientap.lan', 'publish', 'approved', 'published'],
      ['tongbientap', 'unpublish', 'published', 'unpublished'],
    ]);
    expect(log[2]?.note).toBe('Bổ sung số liệu năm 2025 ở đoạn 2.');
    expect(log.at(-1)?.note).toBe('Theo yêu cầu của nguồn tin.');
    // The reporter was told: returned, approved, published.
    const told = (await notifications(h, 'reporter')).filter((n) => n.storyId === id);
    expect(told.map((n) => n.kind).sort()).toEqual(['approved', 'published', 'returned']);
    expect(told.every((n) => n.actor === 'bientap.lan' && n.readAt === null)).toBe(true);
    const read = await call(h.url, 'POST', '/api/notifications/read', { token: h.token('reporter'), json: { ids: told.map((n) => n.id) } });
    expect(read.status).toBe(204);
    expect((await notifications(h, 'reporter')).filter((n) => n.storyId === id).every((n) => n.readAt !== null)).toBe(true);
    // Nobody else reads another's audit log or notifications.
    expect((await call(h.url, 'GET', `/api/stories/${id}/audit`, { token: h.token('reporter2') })).status).toBe(404);
    expect((await notifications(h, 'reporter2')).filter((n) => n.storyId === id)).toEqual([]);
  });

  it('keeps edits to a live story off the page until "Cập nhật bài" or "Đính chính", which shows its note', async () => {
    const id = newId();
    await act(h, 'chief', [upsert(id, 0), step(id, 'submit'), step(id, 'take'), step(id, 'approve'), step(id, 'publish')]);
    // The half-typed sentence of the issue: saved on the server, never on the page.
    const half = storyPayload({ body: bodyOfParagraphs('Mức hỗ trợ tối đa là') });
    expect(await act(h, 'editor', [upsert(id, 1, half)])).toEqual(['applied']);
    const copy = await serverCopy(h.url, h.token('editor'), id);
    expect(copy.workflow).toMatchObject({ status: 'published', pendingUpdate: true });
    expect((await call(h.url, 'GET', PAGE(id))).text).not.toContain('Mức hỗ trợ tối đa là');
    // A reporter may not correct, an editor may not either; the chief may, with a note.
    expect(await act(h, 'editor', [step(id, 'correct', { note: 'Sửa số liệu' })])).toEqual(['FORBIDDEN: Chỉ tổng biên tập được đính chính']);
    expect(await act(h, 'chief', [step(id, 'correct')])).toEqual(['NOTE_REQUIRED: Hãy ghi nội dung đính chính']);
    const fixed = storyPayload({ body: bodyOfParagraphs('Mức hỗ trợ tối đa là 2 triệu đồng mỗi đoàn viên.') });
    expect(await act(h, 'editor', [upsert(id, 2, fixed)])).toEqual(['applied']);
    expect(await act(h, 'chief', [step(id, 'correct', { note: 'Bài viết trước đây ghi sai mức hỗ trợ.' })])).toEqual(['applied']);
    const page = parseHtml((await call(h.url, 'GET', PAGE(id))).text);
    expect(texts(page, '.body p')).toContain('Mức hỗ trợ tối đa là 2 triệu đồng mỗi đoàn viên.');
    expect(texts(page, '.corrections li')[0]).toMatch(/Bài viết trước đây ghi sai mức hỗ trợ\.$/);
    const feed = (await call(h.url, 'GET', '/cong-doan/rss.xml')).text;
    expect(feed).toContain('Đính chính');
    expect(feed).toContain('Bài viết trước đây ghi sai mức hỗ trợ.');
    // With nothing pending, "Cập nhật bài" has nothing to do.
    expect(await act(h, 'editor', [step(id, 'update')])).toEqual([expect.stringMatching(/^NO_PENDING_UPDATE/)]);
    // The correction is on the story as {kind, text, time}, for every desk.
    const { workflow } = await serverCopy(h.url, h.token('editor'), id);
    expect(workflow?.corrections).toEqual([{ kind: 'correction', text: 'Bài viết trước đây ghi sai mức hỗ trợ.', at: expect.any(String) }]);
    expect(workflow?.pendingUpdate).toBe(false);
    const log = await audit(h, 'chief', id);
    expect(log.at(-1)).toMatchObject({ action: 'correct', from: 'published', to: 'published', note: 'Bài viết trước đây ghi sai mức hỗ trợ.' });
  });

  it('refuses to approve or publish a story whose blocking checks fail, in words', async () => {
    const id = newId();
    await act(h, 'chief', [upsert(id, 0, storyPayload({ byline: '' })), step(id, 'submit'), step(id, 'take')]);
    expect(await act(h, 'chief', [step(id, 'approve')])).toEqual(['CHECKLIST_BLOCKED: Bài chưa đạt yêu cầu: Bài chưa có tên tác giả']);
    const checklist = await call(h.url, 'GET', '/api/workflow/checklist', { token: h.token('reporter') });
    expect(checklist.json()).toMatchObject({ default: { byline: { level: 'blocking' } } });
  });

  it('lets an editor take over a story another editor holds, tells the one who held it, and keeps the text they send late', async () => {
    const id = newId();
    await act(h, 'reporter', [upsert(id, 0), step(id, 'submit')]);
    await act(h, 'editor', [step(id, 'take')]);
    expect(await act(h, 'editor2', [upsert(id, 1, storyPayload({ sapo: 'Sửa khi chưa nhận bài' }))])).toEqual([
      'NOT_EDITABLE: Bài đang do bientap.lan biên tập: hãy nhận bài để sửa',
    ]);
    expect(await act(h, 'editor2', [step(id, 'take')])).toEqual(['applied']);
    expect((await serverCopy(h.url, h.token('editor2'), id)).workflow).toMatchObject({ holder: 'bientap.hung' });
    expect((await notifications(h, 'editor')).filter((n) => n.storyId === id).map((n) => n.kind)).toEqual(['taken-over']);
    // The new holder edits; then the text the first editor typed before losing the story arrives, on its old base.
    expect(await act(h, 'editor2', [upsert(id, 1, storyPayload({ sapo: 'Bản của người nhận sau.' }))])).toEqual(['applied']);
    expect(await act(h, 'editor', [upsert(id, 1, storyPayload({ sapo: 'Bản của người giữ trước.' }))])).toEqual([
      'TAKEN_OVER: Bài đã do bientap.hung nhận biên tập thay bạn; bản của bạn đã được giữ lại thành một phiên bản trên máy chủ',
    ]);
    // The story stays the new holder's; the late text is one of its versions, in its writer's name.
    expect((await serverCopy(h.url, h.token('editor2'), id)).story).toMatchObject({ sapo: 'Bản của người nhận sau.', rev: 2 });
    const versions = await h.db.rows(`SELECT rev, author, reason, content FROM story_revisions WHERE story_id = '${id}' ORDER BY rev`);
    const sapoOf = (content: unknown) => (JSON.parse(typeof content === 'string' ? content : JSON.stringify(content)) as { sapo: string }).sapo;
    expect(versions.map((v) => [Number(v.rev), v.author, v.reason, sapoOf(v.content)])).toEqual([
      [1, 'hphong', 'save', storyPayload().sapo],
      [2, 'bientap.hung', 'save', 'Bản của người nhận sau.'],
      [3, 'bientap.lan', 'save', 'Bản của người giữ trước.'],
    ]);
    // Versions number on past the kept one, and the new holder's desk, on rev 2, sees no conflict.
    const [next] = (await push(h.url, h.token('editor2'), [upsert(id, 2, storyPayload({ sapo: 'Bản gộp ý của hai người.' }))])).results;
    expect(next).toMatchObject({ status: 'applied', rev: 4 });
    // A late text that is the server's own has nothing to keep; one who never held the story is refused as before.
    expect(await act(h, 'editor', [upsert(id, 1, storyPayload({ sapo: 'Bản gộp ý của hai người.' }))])).toEqual([
      'TAKEN_OVER: Bài đã do bientap.hung nhận biên tập thay bạn; bản của bạn giống bản trên máy chủ, không mất chữ nào',
    ]);
    expect(await act(h, 'chief', [upsert(id, 4, storyPayload({ sapo: 'Tổng biên tập sửa khi chưa nhận bài.' }))])).toEqual([
      'NOT_EDITABLE: Bài đang do bientap.hung biên tập: hãy nhận bài để sửa',
    ]);
    expect(await h.db.rows(`SELECT rev FROM story_revisions WHERE story_id = '${id}'`)).toHaveLength(4);
  });

  it('assigns a story to a reporter with a deadline, who may then see and write it', async () => {
    const id = newId();
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    await act(h, 'editor', [upsert(id, 0), step(id, 'assign', { assignee: 'hphong', deadline })]);
    const mine = (await pullAll(h.url, h.token('reporter'))).find((c) => c.story.id === id);
    expect(mine?.workflow).toMatchObject({ assignee: 'hphong', deadline });
    expect(await act(h, 'reporter', [upsert(id, 1, storyPayload({ sapo: 'Phóng viên viết bài được giao.' })), step(id, 'submit')])).toEqual([
      'applied',
      'applied',
    ]);
    expect((await notifications(h, 'reporter')).filter((n) => n.storyId === id).map((n) => n.kind)).toEqual(['assigned']);
  });

  it('keeps the rev on a transition and gives it a new change number, so pulls carry it; a conflict carries the workflow', async () => {
    const id = newId();
    const [created] = (await push(h.url, h.token('reporter'), [upsert(id, 0)])).results;
    const [submitted] = (await push(h.url, h.token('reporter'), [step(id, 'submit')])).results;
    if (created?.status !== 'applied' || submitted?.status !== 'applied') throw new Error('not applied');
    expect(submitted.rev).toBe(created.rev);
    expect(submitted.seq).toBeGreaterThan(created.seq);
    const { changes } = await pull(h.url, h.token('reporter'), created.seq);
    expect(changes.find((c) => c.story.id === id)).toMatchObject({ seq: submitted.seq, story: { rev: 1, status: 'submitted' }, workflow: { status: 'submitted' } });
    // Two of the editor's desks edit on the same base: the second hears the server's text and workflow.
    await act(h, 'editor', [step(id, 'take'), upsert(id, 1, storyPayload({ sapo: 'Sửa ở máy bàn.' }))]);
    const [conflict] = (await push(h.url, h.token('editor'), [upsert(id, 1, storyPayload({ sapo: 'Sửa ở máy xách tay.' }))])).results;
    expect(conflict).toMatchObject({
      status: 'conflict',
      server: { story: { rev: 2, sapo: 'Sửa ở máy bàn.' }, workflow: { status: 'editing', holder: 'bientap.lan', pendingUpdate: false } },
    });
  });

  it('lets the writer withdraw a submission not yet taken, and the desk alone spike and unspike', async () => {
    const id = newId();
    expect(await act(h, 'reporter', [upsert(id, 0), step(id, 'submit'), step(id, 'withdraw')])).toEqual(['applied', 'applied', 'applied']);
    expect(await act(h, 'reporter', [step(id, 'submit')])).toEqual(['applied']);
    expect(await act(h, 'reporter2', [step(id, 'withdraw')])).toEqual([expect.stringMatching(/^FORBIDDEN: /)]);
    expect(await act(h, 'editor', [step(id, 'take')])).toEqual(['applied']);
    expect(await act(h, 'reporter', [step(id, 'withdraw')])).toEqual(['WRONG_STATE: Không thể rút bài: bài đang ở trạng thái “đang biên tập”']);
    expect(await act(h, 'reporter', [step(id, 'spike')])).toEqual(['FORBIDDEN: Chỉ biên tập viên và tổng biên tập được loại bài']);
    expect(await act(h, 'editor', [step(id, 'spike', { note: 'Trùng đề tài với bài đã đăng.' })])).toEqual(['applied']);
    expect(await act(h, 'reporter', [step(id, 'unspike')])).toEqual(['FORBIDDEN: Chỉ biên tập viên và tổng biên tập được khôi phục bài']);
    // A story spiked while being edited comes back to the queue, not to whoever held it.
    expect(await act(h, 'editor2', [step(id, 'unspike')])).toEqual(['applied']);
    expect((await serverCopy(h.url, h.token('editor'), id)).workflow).toMatchObject({ status: 'submitted', holder: null, spikedFrom: null });
    expect((await audit(h, 'reporter', id)).map((e) => `${e.action}:${e.from}→${e.to}`)).toEqual([
      'submit:draft→submitted',
      'withdraw:submitted→draft',
      'submit:draft→submitted',
      'take:submitted→editing',
      'spike:editing→spiked',
      'unspike:spiked→submitted',
    ]);
  });

  describe('status never travels by upsert', () => {
    it('ignores a status in the payload, and keeping one\'s text never undoes another\'s transition', async () => {
      const id = newId();
      await act(h, 'reporter', [upsert(id, 0), step(id, 'submit')]);
      await act(h, 'editor', [step(id, 'take'), step(id, 'return', { note: 'Viết lại đoạn mở đầu.' })]);
      // The reporter's desk, offline, still thought it was a draft and sends its text with status 'draft'.
      expect(await act(h, 'reporter', [upsert(id, 1, storyPayload({ status: 'draft', sapo: 'Đoạn mở đầu mới.' }))])).toEqual(['applied']);
      const copy = await serverCopy(h.url, h.token('reporter'), id);
      expect([copy.story.status, copy.workflow?.status, copy.story.sapo]).toEqual(['returned', 'returned', 'Đoạn mở đầu mới.']);
    });
  });
});
