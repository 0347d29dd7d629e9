// A reporter and an editor, each with their own app service and SQLite store,
// sync through the real server (Joplin style: several clients, one target, one
// test). Both edit the same stories offline from the same base; the second to
// push gets a conflict, keeps both texts and shows them, and the user's choice
// resolves it either way. Each desktop reaches the server through its own proxy,
// which the test switches off to take that desktop offline.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Story, StoryContent } from '../../core/story';
import type { AppService } from '../../service';
import { contentOf } from '../../db/stories/server-copy';
import { FaultProxy } from '../helpers/fault-proxy';
import { openDesk, storyText, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';
import { sampleLines } from '../helpers/db-story-content';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';

const { paragraphs } = sampleLines();

let server: DeskServer;
let reporter: Desk;
let editor: Desk;
let reporterLine: FaultProxy;
let editorLine: FaultProxy;

beforeAll(async () => {
  server = await startDeskServer();
  reporterLine = await FaultProxy.start(server.port);
  editorLine = await FaultProxy.start(server.port);
  reporter = await openDesk({ userName: 'Phóng viên' });
  editor = await openDesk({ userName: 'Biên tập' });
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await reporterLine?.close();
  await editorLine?.close();
  await server?.close();
});

const serverStory = async (id: string) => {
  const [row] = await server.query<{ rev: number; data: string }>('SELECT rev, data FROM stories WHERE id = ?', id);
  if (!row) throw new Error(`story ${id} is not on the server`);
  return { rev: row.rev, story: JSON.parse(row.data) as Story };
};

const edited = (base: StoryContent, sapo: string, last: string): StoryContent => ({
  ...contentOf(base),
  sapo,
  body: storyText(0, 0, [last]).body,
});

async function save(service: AppService, id: string, content: StoryContent): Promise<void> {
  await service.call('stories.save', { id, content });
}

describe('two desktops, one story, edited offline on both', () => {
  it('keeps both texts, shows them as two versions, and resolves with either', async () => {
    const signedIn = await reporter.service.call('sync.signIn', {
      serverUrl: reporterLine.url,
      username: REPORTER.username,
      password: PASSWORD,
    });
    expect(signedIn).toMatchObject({ signedIn: true, username: REPORTER.username });
    await editor.service.call('sync.signIn', { serverUrl: editorLine.url, username: EDITOR.username, password: PASSWORD });
    // Sign-in names the user: new stories are written as the account the server knows.
    expect((await reporter.service.call('settings.get', {})).userName).toBe(REPORTER.username);

    // The reporter writes two stories; they reach the server as drafts.
    const ids: string[] = [];
    for (const n of [1, 2]) {
      const story = await reporter.service.call('stories.create', { content: storyText(n, 0, paragraphs) });
      await save(reporter.service, story.id, storyText(n, 1, paragraphs));
      ids.push(story.id);
    }
    const [keepMine, keepTheirs] = ids as [string, string];
    await waitSynced(reporter.service);
    expect((await serverStory(keepMine)).rev).toBe(1);

    // Two writers of one story: the reporter submits it, the editor assigns it to themself as a
    // co-writer and the reporter takes it back to draft (transitions straight through the API).
    // Both may now edit it; a transition changes no text, so both desks pull rev 1.
    const token = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const act = (who: string, id: string, payload: Record<string, unknown>) =>
      push(server.url, who, [{ opId: newId(), kind: 'transition', storyId: id, baseRev: 1, payload }]);
    for (const id of ids) {
      expect((await act(token, id, { action: 'submit' })).results[0]).toMatchObject({ status: 'applied', rev: 1 });
      const assigned = await act(editorToken, id, { action: 'assign', assignee: EDITOR.username, deadline: null });
      expect(assigned.results[0]).toMatchObject({ status: 'applied', rev: 1 });
      expect((await act(token, id, { action: 'withdraw' })).results[0]).toMatchObject({ status: 'applied', rev: 1 });
    }
    for (const desk of [reporter, editor]) {
      await waitSynced(desk.service);
      for (const id of ids) {
        expect(await desk.service.call('stories.get', { id })).toMatchObject({ status: 'draft', assignee: EDITOR.username, rev: 1, baseRev: 1 });
      }
    }
    const base = await editor.service.call('stories.get', { id: keepMine });

    // Both go offline and edit the same stories from the same base.
    reporterLine.offline = true;
    editorLine.offline = true;
    const texts = {
      reporter: edited(base, 'Phóng viên bổ sung số liệu: 1.250 đoàn viên được tặng quà Tết.', 'Bản của phóng viên.'),
      editor: edited(base, 'Biên tập viên rút gọn sapo cho trang chủ.', 'Bản của biên tập viên.'),
    };
    for (const id of ids) {
      await save(reporter.service, id, { ...texts.reporter, headline: `${texts.reporter.headline} ${id.slice(-4)}` });
      await save(editor.service, id, { ...texts.editor, headline: `${texts.editor.headline} ${id.slice(-4)}` });
    }
    for (const desk of [reporter, editor]) {
      const status = await desk.service.call('sync.now', {});
      expect(status).toMatchObject({ online: false, pending: 2 });
      expect(status.lastError).toMatch(/máy chủ 127\.0\.0\.1:\d+/);
    }

    // The reporter comes back first: applied. Then the editor: both stories conflict.
    reporterLine.offline = false;
    await waitSynced(reporter.service);
    editorLine.offline = false;
    const afterConflict = await waitSynced(editor.service);
    expect(afterConflict.conflicts).toBe(2);

    for (const id of ids) {
      const onServer = await serverStory(id);
      expect(onServer.rev).toBe(2);
      expect(onServer.story.sapo).toBe(texts.reporter.sapo);
      // The editor's text stays the story's text here, now based on the server's rev.
      const local = await editor.service.call('stories.get', { id });
      expect(local).toMatchObject({ sapo: texts.editor.sapo, rev: 2, baseRev: 2 });
    }
    const conflicts = await editor.service.call('sync.conflicts', {});
    expect(conflicts.map((c) => c.storyId).sort()).toEqual([...ids].sort());
    for (const conflict of conflicts) {
      expect(conflict.serverRev).toBe(2);
      expect(conflict.mine.sapo).toBe(texts.editor.sapo);
      expect(conflict.theirs.sapo).toBe(texts.reporter.sapo);
      expect(JSON.stringify(conflict.theirs.body)).toContain('Bản của phóng viên.');
      expect(JSON.stringify(conflict.mine.body)).toContain('Bản của biên tập viên.');
    }
    expect(await editor.service.call('sync.conflicts', { storyId: keepMine })).toHaveLength(1);

    // While the choice waits, more typing stays here: nothing overwrites the server.
    await editor.service.call('stories.autosave', {
      id: keepMine,
      content: { ...texts.editor, headline: 'Tít sửa lúc đang chờ chọn', sapo: `${texts.editor.sapo} Thêm một câu.` },
    });
    expect(await editor.service.call('sync.now', {})).toMatchObject({ online: true, pending: 1, conflicts: 2 });
    expect((await serverStory(keepMine)).rev).toBe(2);

    // "Mine": the editor's text, edits since the conflict included, goes up on the server's rev.
    const mine = await editor.service.call('sync.resolveConflict', { storyId: keepMine, keep: 'mine' });
    expect(mine.story.sapo).toBe(`${texts.editor.sapo} Thêm một câu.`);
    // "Theirs": the reporter's text becomes the text here; the editor's stays in history.
    const theirs = await editor.service.call('sync.resolveConflict', { storyId: keepTheirs, keep: 'theirs' });
    expect(theirs.story).toMatchObject({ sapo: texts.reporter.sapo, rev: 2, baseRev: 2 });
    const history = await editor.service.call('revisions.list', { storyId: keepTheirs });
    expect(history[0]?.reason).toBe('merge');
    const before = history.find((r) => r.reason === 'save' && r.author === EDITOR.username);
    expect(before).toBeDefined();
    expect((await editor.service.call('revisions.get', { id: before?.id ?? '' })).content.sapo).toBe(texts.editor.sapo);

    const resolved = await waitSynced(editor.service);
    expect(resolved.conflicts).toBe(0);
    expect(await editor.service.call('sync.conflicts', {})).toEqual([]);
    const again = await editor.service.call('sync.resolveConflict', { storyId: keepMine, keep: 'theirs' }).catch((e: unknown) => e);
    expect(again).toMatchObject({ code: 'CONFLICT_NOT_FOUND' });

    expect(await serverStory(keepMine)).toMatchObject({ rev: 3, story: { sapo: `${texts.editor.sapo} Thêm một câu.` } });
    expect(await serverStory(keepTheirs)).toMatchObject({ rev: 2, story: { sapo: texts.reporter.sapo } });

    // The reporter's desktop takes the editor's choice.
    await waitSynced(reporter.service);
    expect(await reporter.service.call('stories.get', { id: keepMine })).toMatchObject({
      sapo: `${texts.editor.sapo} Thêm một câu.`,
      rev: 3,
      baseRev: 3,
    });
    expect(await reporter.service.call('stories.get', { id: keepTheirs })).toMatchObject({ sapo: texts.reporter.sapo, rev: 2 });
    expect((await reporter.service.call('sync.status', {})).conflicts).toBe(0);
  });
});
