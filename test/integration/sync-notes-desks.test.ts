// Editorial notes between two desks and a real server: a reporter's desk and an
// editor's desk, each its own app service and store. A note written offline is
// kept and queued, and arrives after reconnecting; threads and @mentions come
// out the same on both desks; a note the server refuses stays here with its
// reason; and presence tells who else is editing, or nothing when offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { notificationsAnswer } from '../../core/sync';
import type { NoteThread } from '../../core/api';
import { sampleLines, storyContentOf } from '../helpers/db-story-content';
import { call, login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { openDesk, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const { paragraphs } = sampleLines();
let server: DeskServer;
let reporter: Desk;
let editor: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  reporter = await openDesk();
  editor = await openDesk({ userName: 'Biên tập' });
  await reporter.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
  await editor.service.call('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await server?.close();
});

const content = (n: number) =>
  storyContentOf({ headline: `Công đoàn cơ sở số ${n} chăm lo Tết cho đoàn viên`, sapo: paragraphs[n] ?? '', paragraphs: paragraphs.slice(n, n + 2), section: 'Công đoàn' });

/** A story of the reporter's, on the server and submitted, so that the desk may see it too. */
async function submittedStory(n: number): Promise<string> {
  const story = await reporter.service.call('stories.create', { content: content(n) });
  await waitSynced(reporter.service);
  const token = await login(server.url, REPORTER.username, PASSWORD);
  const { results } = await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'submit' } }]);
  expect(results[0]?.status).toBe('applied');
  await waitFor('the editor’s desk to have the story', async () => {
    await editor.service.call('sync.now', {});
    return (await editor.service.call('stories.list', {})).items.some((s) => s.id === story.id);
  });
  return story.id;
}

const threadsOn = async (desk: Desk, storyId: string): Promise<NoteThread[]> => (await desk.service.call('notes.list', { storyId })).threads;
const shape = (threads: NoteThread[]) =>
  threads.map((t) => ({ root: [t.root.author, t.root.body, t.root.state], replies: t.replies.map((r) => [r.author, r.body, r.state]) }));

describe('notes between desks', () => {
  it('keeps a note written offline, sends it on reconnect, and the editor gets it with its thread and mention', async () => {
    const storyId = await submittedStory(0);
    await server.stop();
    const written = await reporter.service.call('notes.add', {
      storyId,
      body: '@bientap.lan nhờ anh kiểm tra lại con số 1.250 đoàn viên ở đoạn này.',
      blockId: null,
      passage: 'đoàn viên',
    });
    expect(written).toMatchObject({ author: REPORTER.username, state: 'pending', mentions: ['bientap.lan'], passage: 'đoàn viên' });
    expect(shape(await threadsOn(reporter, storyId))).toEqual([{ root: [REPORTER.username, written.body, 'pending'], replies: [] }]);
    await waitFor('the desk to notice it is offline', async () => {
      const status = await reporter.service.call('sync.now', {});
      return !status.online && status.pending === 1 ? status : null;
    });

    await server.restart();
    await waitSynced(reporter.service);
    await waitFor('the reporter’s note to come back as the server’s', async () => (await threadsOn(reporter, storyId))[0]?.root.state === 'synced');
    await waitSynced(editor.service);
    const onEditor = await threadsOn(editor, storyId);
    expect(shape(onEditor)).toEqual([{ root: [REPORTER.username, written.body, 'synced'], replies: [] }]);
    expect(onEditor[0]?.root).toMatchObject({ id: written.id, passage: 'đoàn viên', mentions: ['bientap.lan'] });
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const told = notificationsAnswer.parse((await call(server.url, 'GET', '/api/notifications', { token: editorToken })).json()).notifications;
    expect(told.filter((n) => n.noteId === written.id).map((n) => [n.kind, n.actor])).toEqual([['mentioned', REPORTER.username]]);

    // The editor answers in the thread; the reporter's desk shows the reply under the note.
    const reply = await editor.service.call('notes.add', { storyId, parentId: written.id, body: 'Đã kiểm tra với LĐLĐ huyện: đúng 1.250.' });
    await waitSynced(editor.service);
    await waitFor('the reply on the reporter’s desk', async () => {
      await reporter.service.call('sync.now', {});
      return (await threadsOn(reporter, storyId))[0]?.replies.length === 1;
    });
    expect(shape(await threadsOn(reporter, storyId))).toEqual([
      { root: [REPORTER.username, written.body, 'synced'], replies: [[EDITOR.username, reply.body, 'synced']] },
    ]);
  });

  it('sends a note on a story written offline after the story itself', async () => {
    await server.stop();
    const story = await reporter.service.call('stories.create', { content: content(2) });
    const note = await reporter.service.call('notes.add', { storyId: story.id, body: 'Chờ ảnh từ cộng tác viên.' });
    const answer = await reporter.service.call('notes.add', { storyId: story.id, parentId: note.id, body: 'Ảnh đã có, sẽ gắn chiều nay.' });
    await server.restart();
    await waitSynced(reporter.service);
    const rows = await server.query<{ id: string; author: string }>('SELECT id, author FROM notes WHERE story_id = ? ORDER BY seq', story.id);
    expect(rows).toEqual([
      { id: note.id, author: REPORTER.username },
      { id: answer.id, author: REPORTER.username },
    ]);
  });

  it('brings the notes of a draft to the desk once it is submitted, though the cursor had passed them', async () => {
    const story = await reporter.service.call('stories.create', { content: content(4) });
    const early = await reporter.service.call('notes.add', { storyId: story.id, body: 'Ghi nhớ: hỏi thêm Chủ tịch công đoàn.' });
    await waitSynced(reporter.service);
    // The editor's desk syncs past that note, which it may not see yet.
    await waitSynced(editor.service);
    const token = await login(server.url, REPORTER.username, PASSWORD);
    await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'submit' } }]);
    await waitFor('the story on the editor’s desk', async () => {
      await editor.service.call('sync.now', {});
      return (await editor.service.call('stories.list', {})).items.some((s) => s.id === story.id);
    });
    // Opening it fetches its notes whole, in the background.
    await waitFor('the draft’s note on the editor’s desk', async () => (await threadsOn(editor, story.id))[0]?.root.id === early.id);
  });

  it('keeps a note the server refuses on this desk, with the reason, without holding anything up', async () => {
    const storyId = await submittedStory(6);
    // The desk puts the story in the trash on the server; the reporter, not knowing yet, writes a note on it.
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const trashed = await push(server.url, editorToken, [{ opId: newId(), kind: 'delete', storyId, baseRev: 1 }]);
    expect(trashed.results[0]?.status).toBe('applied');
    const note = await reporter.service.call('notes.add', { storyId, body: 'Bài này còn cần không?' });
    await waitSynced(reporter.service);
    const [thread] = await threadsOn(reporter, storyId);
    expect(thread?.root).toMatchObject({ id: note.id, state: 'refused', refusedReason: 'Bài đang trong thùng rác' });
    const status = await reporter.service.call('sync.status', {});
    expect(status).toMatchObject({ pending: 0, conflicts: 0 });
    expect((await reporter.service.call('sync.problems', {})).refused).toEqual([]);
  });

  it('tells who else is editing a story, and nothing when the server cannot be asked', async () => {
    const storyId = await submittedStory(8);
    const alone = await editor.service.call('presence.enter', { storyId });
    expect(alone).toEqual({ online: true, present: [] });
    const seen = await reporter.service.call('presence.list', { storyId });
    expect(seen.online).toBe(true);
    expect(seen.present.map((p) => [p.username, p.displayName])).toEqual([[EDITOR.username, EDITOR.username]]);
    expect(Date.parse(seen.present[0]?.since ?? '')).not.toBeNaN();
    // A story that is only on this desk has nobody else on it.
    const local = await reporter.service.call('stories.create', { content: content(9) });
    await server.stop();
    expect(await reporter.service.call('presence.enter', { storyId: local.id })).toEqual({ online: false, present: [] });
    expect(await reporter.service.call('presence.list', { storyId })).toEqual({ online: false, present: [] });
    await server.restart();
    await editor.service.call('presence.leave', { storyId });
    expect((await reporter.service.call('presence.list', { storyId })).present).toEqual([]);
    await waitSynced(reporter.service);
  });
});
