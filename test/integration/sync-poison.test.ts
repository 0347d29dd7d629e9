// One bad change never stops sync (issue 8): a story between two good ones that
// the desk cannot take when pulling, and one the server refuses when pushing.
// Both good ones arrive either way, the bad one is listed with its reason, and
// the sync indicator says so in words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleLines } from '../helpers/db-story-content';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { FAST_SYNC, openDesk, storyText, waitFor, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const { paragraphs } = sampleLines();

let server: DeskServer;
let reporter: Desk;
let editor: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  reporter = await openDesk({ sync: FAST_SYNC });
  editor = await openDesk({ sync: FAST_SYNC });
  await reporter.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
  await editor.service.call('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await server?.close();
});

/** A body nested far deeper than any desk stores: json_valid() takes it, the story schema does not. */
function deepBody(levels: number): string {
  let node = '{"type":"text","text":"sâu","format":0,"detail":0,"mode":"normal","style":"","version":1}';
  for (let i = 0; i < levels; i++) {
    node = `{"type":"list","listType":"bullet","start":1,"tag":"ul","direction":null,"format":"","indent":0,"version":1,"children":[{"type":"listitem","value":1,"direction":null,"format":"","indent":0,"version":1,"children":[${node}]}]}`;
  }
  return `{"root":{"type":"root","direction":null,"format":"","indent":0,"version":1,"children":[${node}]}}`;
}

describe('one bad change among good ones', () => {
  it('pull: a story the desk cannot take is set aside with its reason, and the stories after it still arrive', async () => {
    const token = await login(server.url, REPORTER.username, PASSWORD);
    const ids = [newId(), newId(), newId()];
    for (const [n, id] of ids.entries()) {
      const story = { ...storyText(n, 0, paragraphs), id };
      const { results } = await push(server.url, token, [
        { opId: newId(), kind: 'upsert', storyId: id, baseRev: 0, payload: story },
        { opId: newId(), kind: 'transition', storyId: id, baseRev: 1, payload: { action: 'submit' } },
      ]);
      expect(results.map((r) => r.status)).toEqual(['applied', 'applied']);
    }
    // The middle one is broken on the server, as an older server could have stored it.
    // As a change of its own (a new change number), so that a desk that pulled the good version first pulls this one too.
    await server.execute(`UPDATE sync_clock SET change_seq = change_seq + 1 WHERE id = 1`);
    await server.execute(
      `UPDATE stories SET data = json_set(data, '$.body', json('${deepBody(200)}')), seq = (SELECT change_seq FROM sync_clock WHERE id = 1) WHERE id = '${ids[1]}'`,
    );

    const service = editor.service;
    const [first, poison, last] = ids as [string, string, string];
    await waitFor('both good stories on the editor desk', async () => {
      await service.call('sync.now', {});
      const got = await Promise.all([first, last].map((id) => service.call('stories.get', { id }).catch(() => null)));
      return got.every(Boolean);
    });
    await expect(service.call('stories.get', { id: poison })).rejects.toMatchObject({ code: 'STORY_NOT_FOUND' });
    const problems = await service.call('sync.problems', {});
    expect(problems.setAside).toEqual([
      expect.objectContaining({ storyId: poison, headline: expect.stringContaining('Công đoàn cơ sở số 1'), reason: expect.stringMatching(/^Bài từ máy chủ không hợp lệ: .*sâu|lồng/) }),
    ]);
    const status = await service.call('sync.status', {});
    expect(status.lastError).toMatch(/1 bài từ máy chủ không lưu được/);
    // The cursor moved on: a later story still arrives.
    const later = newId();
    await push(server.url, token, [
      { opId: newId(), kind: 'upsert', storyId: later, baseRev: 0, payload: { ...storyText(9, 0, paragraphs), id: later } },
      { opId: newId(), kind: 'transition', storyId: later, baseRev: 1, payload: { action: 'submit' } },
    ]);
    await waitFor('a story pulled after the bad one', async () => {
      await service.call('sync.now', {});
      return service.call('stories.get', { id: later }).catch(() => null);
    });
  });

  it('push: an op the server refuses leaves the queue with its reason, and the ops around it go up', async () => {
    const service = reporter.service;
    // The desk takes a story over on the server: the reporter's next edit of it will be refused.
    const taken = await service.call('stories.create', { content: storyText(20, 0, paragraphs) });
    await waitFor('the story on the server', async () => (await service.call('sync.now', {})).pending === 0);
    const deskToken = await login(server.url, EDITOR.username, PASSWORD);
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    await push(server.url, reporterToken, [{ opId: newId(), kind: 'transition', storyId: taken.id, baseRev: 1, payload: { action: 'submit' } }]);
    const { results } = await push(server.url, deskToken, [
      { opId: newId(), kind: 'transition', storyId: taken.id, baseRev: 1, payload: { action: 'take' } },
    ]);
    expect(results[0]).toMatchObject({ status: 'applied' });

    await waitFor('the desk to see it taken', async () => {
      await service.call('sync.now', {});
      return (await service.call('stories.get', { id: taken.id })).status === 'editing';
    });

    // Offline, one good story, the refused edit, another good story: one push.
    await server.stop();
    const before = await service.call('stories.create', { content: storyText(21, 0, paragraphs) });
    await service.call('stories.save', { id: taken.id, content: storyText(20, 1, paragraphs) });
    const after = await service.call('stories.create', { content: storyText(22, 0, paragraphs) });
    await server.restart();
    await waitFor('the good stories on the server', async () => {
      await service.call('sync.now', {});
      const rows = await server.query<{ id: string }>('SELECT id FROM stories WHERE id IN (?, ?)', before.id, after.id);
      return rows.length === 2;
    });
    const problems = await service.call('sync.problems', {});
    expect(problems.refused).toEqual([expect.objectContaining({ storyId: taken.id, reason: expect.stringMatching(/biên tập/i) })]);
    const status = await service.call('sync.status', {});
    expect(status.pending).toBe(0);
    expect(status.lastError).toMatch(/^Máy chủ không nhận bài/);
    // The reporter's text is kept.
    expect((await service.call('stories.get', { id: taken.id })).sapo).toBe(storyText(20, 1, paragraphs).sapo);
  });
});
