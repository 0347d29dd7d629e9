// The editorial workflow between two desks and the real server (issue #10):
// a reporter and an editor, each with their own app service and SQLite store,
// each reaching the server through a proxy the test can switch off. Written
// offline then submitted, the text and the submission reach the server in that
// order; the editor's queue counts it, the editor takes and returns it with a
// note; the reporter is notified and reads the audit log; keeping one's own
// text after a conflict moves no status; the checklist blocks an approval; a
// transition the server refuses comes back in words (last: the refusal stays
// listed) and the desk shows the server's state.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventPayloads } from '../../core/api';
import { upsertPayloadOf } from '../../db';
import { FaultProxy } from '../helpers/fault-proxy';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { sampleLines } from '../helpers/db-story-content';
import { openDesk, storyText, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const { paragraphs } = sampleLines();

let server: DeskServer;
let reporter: Desk;
let editor: Desk;
let reporterLine: FaultProxy;
let editorLine: FaultProxy;
const reporterEvents: Array<EventPayloads['notifications.new']> = [];

beforeAll(async () => {
  server = await startDeskServer();
  reporterLine = await FaultProxy.start(server.port);
  editorLine = await FaultProxy.start(server.port);
  reporter = await openDesk({ userName: 'Phóng viên' });
  editor = await openDesk({ userName: 'Biên tập' });
  await reporter.service.call('sync.signIn', { serverUrl: reporterLine.url, username: REPORTER.username, password: PASSWORD });
  await editor.service.call('sync.signIn', { serverUrl: editorLine.url, username: EDITOR.username, password: PASSWORD });
  reporter.service.on('notifications.new', (payload: EventPayloads['notifications.new']) => reporterEvents.push(payload));
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await reporterLine?.close();
  await editorLine?.close();
  await server?.close();
});

const serverStory = async (id: string) => {
  const [row] = await server.query<{ rev: number; status: string; data: string }>('SELECT rev, status, data FROM stories WHERE id = ?', id);
  if (!row) throw new Error(`story ${id} is not on the server`);
  return { rev: row.rev, status: row.status, story: JSON.parse(row.data) as { sapo: string; assignee: string | null } };
};

describe('the workflow across two desks', () => {
  it('keeps the signed-in role in the sync state', async () => {
    expect(await reporter.service.call('sync.status', {})).toMatchObject({ username: REPORTER.username, role: 'reporter' });
    expect(await editor.service.call('sync.status', {})).toMatchObject({ username: EDITOR.username, role: 'editor' });
  });

  it('written offline then submitted: text then submission reach the server in order; take, return with a note, notified, audited', async () => {
    const r = reporter.service;
    const story = await r.call('stories.create', { content: storyText(1, 0, paragraphs) });
    await waitSynced(r);

    reporterLine.offline = true;
    const offlineText = storyText(1, 1, paragraphs);
    await r.call('stories.autosave', { id: story.id, content: offlineText });
    const queued = await r.call('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
    expect(queued).toMatchObject({ workflow: { status: 'submitted' }, pending: ['submit'], user: { username: REPORTER.username, role: 'reporter' } });
    expect(await r.call('sync.now', {})).toMatchObject({ online: false, pending: 2 });
    // While it waits the reporter may no longer edit it, by the server's own rule, in words.
    await expect(r.call('workflow.transition', { storyId: story.id, op: { action: 'submit' } })).rejects.toMatchObject({
      code: 'WRONG_STATE',
      message: 'Không thể nộp bài: bài đang ở trạng thái “chờ biên tập”',
    });

    reporterLine.offline = false;
    await waitSynced(r);
    // Had the submission gone first, the server would have refused the reporter's text.
    expect(await serverStory(story.id)).toMatchObject({ status: 'submitted', story: { sapo: offlineText.sapo } });
    expect(await r.call('sync.problems', {})).toEqual({ refused: [], setAside: [] });
    expect(await r.call('workflow.view', { storyId: story.id })).toMatchObject({ workflow: { status: 'submitted' }, pending: [] });

    // The editor's desk counts it in its queue and lists it with who holds it.
    const e = editor.service;
    await waitSynced(e);
    expect((await e.call('workflow.queues', {})).counts).toMatchObject({ submitted: 1, editing: 0 });
    const submitted = await e.call('stories.list', { queue: 'submitted' });
    expect(submitted.items.map((item) => item.id)).toEqual([story.id]);
    expect(submitted.items[0]?.workflow).toMatchObject({ holder: null, pending: false, statusSince: expect.any(String) });

    await e.call('workflow.transition', { storyId: story.id, op: { action: 'take' } });
    await expect(e.call('workflow.transition', { storyId: story.id, op: { action: 'return', note: '  ' } })).rejects.toMatchObject({
      code: 'NOTE_REQUIRED',
      message: 'Hãy ghi lý do trả bài',
    });
    const note = 'Sapo quá dài, hãy rút gọn còn hai câu và thêm nguồn số liệu.';
    const returned = await e.call('workflow.transition', { storyId: story.id, op: { action: 'return', note } });
    expect(returned).toMatchObject({ workflow: { status: 'returned', holder: null }, pending: ['take', 'return'] });
    await waitSynced(e);
    expect(await serverStory(story.id)).toMatchObject({ status: 'returned' });
    expect((await e.call('workflow.queues', {})).counts).toMatchObject({ submitted: 0, returned: 1 });

    // The reporter is told, in words, and the story is theirs to edit again.
    await waitFor('the returned story and its notification on the reporter desk', async () => {
      await r.call('sync.now', {});
      const view = await r.call('workflow.view', { storyId: story.id });
      const inbox = await r.call('notifications.list', {});
      return view.workflow.status === 'returned' && inbox.items.length > 0 ? inbox : null;
    });
    const inbox = await r.call('notifications.list', {});
    expect(inbox.unread).toBe(1);
    expect(inbox.items[0]).toMatchObject({
      kind: 'returned',
      storyId: story.id,
      actor: EDITOR.username,
      title: 'Bài bị trả lại',
      body: `${EDITOR.username} đã trả bài “${offlineText.headline}”. Hãy xem ghi chú rồi sửa bài.`,
    });
    expect(reporterEvents.at(-1)).toMatchObject({ alert: true, items: [expect.objectContaining({ kind: 'returned' })] });

    // Read here at once; the server hears it on the next round.
    expect(await r.call('notifications.markRead', { ids: [inbox.items[0]?.id ?? ''] })).toEqual({ unread: 0 });
    await waitSynced(r);
    const marks = await server.query<{ read_at: string | null }>('SELECT read_at FROM notifications WHERE story_id = ?', story.id);
    expect(marks).toEqual([{ read_at: expect.any(String) }]);

    // The audit log, from the server while online; said in words while offline.
    const audit = await r.call('workflow.audit', { storyId: story.id });
    expect(audit.unavailable).toBeNull();
    expect(audit.entries?.map((entry) => [entry.actor, entry.action, entry.from, entry.to, entry.note])).toEqual([
      [REPORTER.username, 'submit', 'draft', 'submitted', null],
      [EDITOR.username, 'take', 'submitted', 'editing', null],
      [EDITOR.username, 'return', 'editing', 'returned', note],
    ]);
    reporterLine.offline = true;
    const offline = await r.call('workflow.audit', { storyId: story.id });
    expect(offline.entries).toBeNull();
    expect(offline.unavailable).toMatch(/^Đang ngoại tuyến: nhật ký bài chỉ xem được khi kết nối máy chủ/);
    reporterLine.offline = false;
  });

  it("keeping one's own text after a conflict changes no status and undoes no one's transition", async () => {
    const r = reporter.service;
    const story = await r.call('stories.create', { content: storyText(3, 0, paragraphs) });
    await waitSynced(r);
    // The editor becomes a co-writer of the draft, so that both may edit it.
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const act = (token: string, payload: Record<string, unknown>) =>
      push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload }]);
    await act(reporterToken, { action: 'submit' });
    await act(editorToken, { action: 'assign', assignee: EDITOR.username, deadline: null });
    await act(reporterToken, { action: 'withdraw' });
    await waitSynced(r);

    reporterLine.offline = true;
    const mine = storyText(3, 1, paragraphs);
    await r.call('stories.save', { id: story.id, content: mine });
    // Meanwhile the editor rewrites the sapo and sets a deadline: a text edit and a transition.
    const current = await r.call('stories.get', { id: story.id });
    const deadline = new Date(Date.now() + 86_400_000).toISOString();
    const edited = await push(server.url, editorToken, [
      { opId: newId(), kind: 'upsert', storyId: story.id, baseRev: 1, payload: { ...upsertPayloadOf(current), sapo: 'Biên tập viên viết lại sapo.', status: 'published' } },
      { opId: newId(), kind: 'transition', storyId: story.id, baseRev: 2, payload: { action: 'assign', assignee: EDITOR.username, deadline } },
    ]);
    expect(edited.results.map((result) => result.status)).toEqual(['applied', 'applied']);
    reporterLine.offline = false;
    await waitFor('the conflict', async () => (await r.call('sync.now', {})).conflicts === 1);
    // The workflow followed the server at once, though the text waits for a choice.
    expect(await r.call('workflow.view', { storyId: story.id })).toMatchObject({ workflow: { status: 'draft', deadline } });

    // Both rewrote the sapo: that one field waits for a choice; the rest merged by itself.
    const [place] = await r.call('sync.conflicts', { storyId: story.id });
    expect(place?.conflict).toMatchObject({ kind: 'field', field: 'sapo' });
    const { story: kept } = await r.call('sync.resolveConflict', { storyId: story.id, conflictId: place?.id ?? '', keep: 'mine' });
    expect(kept).toMatchObject({ sapo: mine.sapo, status: 'draft', assignee: EDITOR.username });
    await waitSynced(r);
    const onServer = await serverStory(story.id);
    expect(onServer).toMatchObject({ rev: 3, status: 'draft', story: { sapo: mine.sapo, assignee: EDITOR.username } });
    const [workflow] = await server.query<{ deadline: string | null }>("SELECT json_extract(workflow, '$.deadline') AS deadline FROM stories WHERE id = ?", story.id);
    expect(workflow?.deadline).toBe(deadline);
  });

  it("checks the section's checklist from the server before approving, offline too", async () => {
    const e = editor.service;
    const story = await reporter.service.call('stories.create', { content: { ...storyText(4, 0, paragraphs), byline: '' } });
    await reporter.service.call('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
    await waitSynced(reporter.service);
    await waitSynced(e);
    await e.call('workflow.transition', { storyId: story.id, op: { action: 'take' } });
    expect(await e.call('workflow.checklist', { storyId: story.id })).toMatchObject({
      source: 'server',
      results: expect.arrayContaining([{ check: 'byline', level: 'blocking', ok: false, message: 'Bài chưa có tên tác giả' }]),
    });
    editorLine.offline = true;
    await expect(e.call('workflow.transition', { storyId: story.id, op: { action: 'approve' } })).rejects.toMatchObject({
      code: 'CHECKLIST_BLOCKED',
      message: expect.stringMatching(/^Bài chưa đạt yêu cầu: .*Bài chưa có tên tác giả/),
    });
    await e.call('stories.save', { id: story.id, content: { ...storyText(4, 0, paragraphs), byline: 'H.Phong' } });
    expect(await e.call('workflow.transition', { storyId: story.id, op: { action: 'approve' } })).toMatchObject({
      workflow: { status: 'approved' },
      pending: ['take', 'approve'],
    });
    editorLine.offline = false;
    await waitSynced(e);
    expect(await serverStory(story.id)).toMatchObject({ status: 'approved' });
  });

  it('a transition the server refuses comes back in words, and the desk shows the server state', async () => {
    const r = reporter.service;
    const story = await r.call('stories.create', { content: storyText(2, 0, paragraphs) });
    await r.call('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
    await waitSynced(r);
    await waitSynced(editor.service);
    await editor.service.call('workflow.transition', { storyId: story.id, op: { action: 'take' } });
    await waitSynced(editor.service);

    // Offline, the reporter has not heard: they withdraw the story they believe still waits.
    reporterLine.offline = true;
    await r.call('workflow.transition', { storyId: story.id, op: { action: 'withdraw' } });
    expect(await r.call('workflow.view', { storyId: story.id })).toMatchObject({ workflow: { status: 'draft' }, pending: ['withdraw'] });
    reporterLine.offline = false;
    const status = await waitFor('the refusal', async () => {
      const s = await r.call('sync.now', {});
      return s.pending === 0 && s.lastError !== null ? s : null;
    });
    expect(status.lastError).toBe(
      `Máy chủ không nhận thao tác “Rút bài” với bài “${storyText(2, 0, paragraphs).headline}”: Không thể rút bài: bài đang ở trạng thái “đang biên tập”`,
    );
    expect((await r.call('sync.problems', {})).refused).toEqual([
      { storyId: story.id, headline: storyText(2, 0, paragraphs).headline, reason: '“Rút bài”: Không thể rút bài: bài đang ở trạng thái “đang biên tập”' },
    ]);
    await waitFor('the server state on the desk', async () => {
      await r.call('sync.now', {});
      const view = await r.call('workflow.view', { storyId: story.id });
      return view.workflow.status === 'editing' && view.workflow.holder === EDITOR.username && view.pending.length === 0;
    });
    expect(await serverStory(story.id)).toMatchObject({ status: 'editing' });
  });
});
