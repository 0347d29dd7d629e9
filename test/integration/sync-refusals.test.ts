// What the server will not take, and what goes up besides text. A reporter's
// edit of a story the desk has taken over is refused: the op is set aside with
// the server's reason (shown as the last error), never sent again, and the
// reporter's text is kept; when the desk's next version arrives, the two are
// merged and what both rewrote waits with both texts. Images go up before the
// story that shows them, once per server.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodes, type StoryContent } from '../../core/story';
import type { AppService } from '../../service';
import { upsertPayloadOf } from '../../db';
import { contentOf } from '../../db/stories/server-copy';
import { tinyPng } from '../fixtures/import-samples';
import { sampleLines } from '../helpers/db-story-content';
import { FAST_SYNC, openDesk, storyText, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';

const { paragraphs } = sampleLines();

let server: DeskServer;
let reporter: Desk;
let puts = 0;

beforeAll(async () => {
  server = await startDeskServer();
  // The real fetch, counted: how many images went up.
  const counting: typeof fetch = (input, init) => {
    if (init?.method === 'PUT') puts++;
    return fetch(input, init);
  };
  reporter = await openDesk({ sync: { ...FAST_SYNC, fetch: counting } });
  await reporter.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
});

afterAll(async () => {
  await reporter?.close();
  await server?.close();
});

/** The desk moves the story on the server, as the editor's own desktop would. */
async function deskEdit(service: AppService, id: string, baseRev: number, change: Partial<StoryContent>) {
  const token = await login(server.url, EDITOR.username, PASSWORD);
  const current = await service.call('stories.get', { id });
  const { results } = await push(server.url, token, [
    { opId: newId(), kind: 'upsert', storyId: id, baseRev, payload: { ...upsertPayloadOf(current), ...change } },
  ]);
  expect(results[0]).toMatchObject({ status: 'applied', rev: baseRev + 1 });
}

describe('refusals and images', () => {
  it('sets a refused change aside with the reason, never resends it, and keeps both texts', async () => {
    const service = reporter.service;
    const story = await service.call('stories.create', { content: storyText(3, 0, paragraphs) });
    await waitSynced(service);
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const { results } = await push(server.url, reporterToken, [
      { opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'submit' } },
    ]);
    expect(results[0]).toMatchObject({ status: 'applied', rev: 1 });
    await waitSynced(service);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    await push(server.url, editorToken, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'take' } }]);
    await deskEdit(service, story.id, 1, { sapo: 'Ban biên tập nhận bài và bắt đầu biên tập.' });
    await waitSynced(service);
    expect(await service.call('stories.get', { id: story.id })).toMatchObject({ status: 'editing', rev: 2 });

    // The reporter edits anyway: the server refuses, for a reason the reporter can read.
    const mine = storyText(3, 1, paragraphs);
    await service.call('stories.save', { id: story.id, content: mine });
    const refused = await service.call('sync.now', {});
    expect(refused).toMatchObject({ online: true, pending: 0, conflicts: 0 });
    expect(refused.lastError).toBe(
      `Máy chủ không nhận bài “${mine.headline}”: Bài đang được biên tập`,
    );
    const opsBefore = await server.query<{ n: number }>('SELECT count(*) AS n FROM sync_ops');
    await service.call('sync.now', {});
    expect(await server.query<{ n: number }>('SELECT count(*) AS n FROM sync_ops')).toEqual(opsBefore);
    expect(contentOf(await service.call('stories.get', { id: story.id }))).toEqual(mine);

    // The desk's next version arrives: it and the reporter's refused text are merged here. The sapo both
    // rewrote waits for the reporter with both texts; the merge, sent again, is refused again.
    await deskEdit(service, story.id, 2, { sapo: 'Sapo do ban biên tập viết lại.' });
    // The pull merges; the merge goes up with the next round.
    expect(await service.call('sync.now', {})).toMatchObject({ conflicts: 1, pending: 1 });
    const merged = await service.call('sync.now', {});
    expect(merged).toMatchObject({ conflicts: 1, pending: 0, lastError: `Máy chủ không nhận bài “${mine.headline}”: Bài đang được biên tập` });
    const [conflict] = await service.call('sync.conflicts', { storyId: story.id });
    expect(conflict?.conflict).toMatchObject({ kind: 'field', field: 'sapo', mine: mine.sapo, theirs: 'Sapo do ban biên tập viết lại.' });
    expect(await service.call('stories.get', { id: story.id })).toMatchObject({ sapo: mine.sapo, rev: 3, baseRev: 3, status: 'editing' });

    // The desk returns the story. The reporter takes the desk's sapo: that edit goes up and the refusal is over.
    const returned = await push(server.url, editorToken, [
      { opId: newId(), kind: 'transition', storyId: story.id, baseRev: 3, payload: { action: 'return', note: 'Sửa lại sapo theo bản của ban biên tập.' } },
    ]);
    expect(returned.results[0]).toMatchObject({ status: 'applied' });
    await service.call('sync.now', {});
    expect(await service.call('stories.get', { id: story.id })).toMatchObject({ status: 'returned' });
    const { story: settled } = await service.call('sync.resolveConflict', { storyId: story.id, conflictId: conflict?.id ?? '', keep: 'theirs' });
    expect(settled).toMatchObject({ sapo: 'Sapo do ban biên tập viết lại.', status: 'returned' });
    expect(await waitSynced(service)).toMatchObject({ conflicts: 0, lastError: null, pending: 0 });
    const [row] = await server.query<{ rev: number; data: string }>('SELECT rev, data FROM stories WHERE id = ?', story.id);
    expect(row?.rev).toBe(4);
    expect(contentOf(JSON.parse(row?.data ?? '{}') as StoryContent)).toEqual({ ...mine, sapo: 'Sapo do ban biên tập viết lại.' });
  });

  it('sends an image before the story that shows it, once', async () => {
    const service = reporter.service;
    const png = tinyPng();
    const { sha256, src } = await service.call('media.add', { fileName: 'anh.png', bytes: Buffer.from(png).toString('base64') });
    const text = (edit: number): StoryContent => {
      const base = storyText(4, edit, paragraphs);
      return {
        ...base,
        body: nodes.bodyOf([
          ...base.body.root.children,
          nodes.figure({ src, caption: 'Đoàn viên nhận quà Tết.', credit: 'Ảnh: H.Phong' }),
        ]),
      };
    };
    const story = await service.call('stories.create', { content: text(0) });
    await waitSynced(service);
    await service.call('stories.save', { id: story.id, content: text(1) });
    await service.call('stories.save', { id: story.id, content: text(2) });
    await waitSynced(service);

    expect(puts).toBe(1);
    const stored = await server.query<{ size: number; mime: string }>('SELECT size, mime FROM media WHERE sha256 = ?', sha256);
    expect(stored).toEqual([{ size: png.byteLength, mime: 'image/png' }]);
    expect(await server.query('SELECT sha256 FROM story_media WHERE story_id = ?', story.id)).toEqual([{ sha256 }]);
    expect(await server.query<{ rev: number }>('SELECT rev FROM stories WHERE id = ?', story.id)).toEqual([{ rev: 3 }]);
  });
});
