// Images travel with their story: the reporter's desk adds a photo to a story;
// the editor's desk, which only pulled the story, shows it too, fetched from the
// real server the first time it is needed and kept here by sha256 (so it still
// shows with the server gone). An image the server does not have either is
// "missing" in words, and bytes that are not that image are never kept.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nodes, type StoryContent } from '../../core/story';
import { login, push } from '../helpers/server/api';
import { IMAGES, sha256 } from '../helpers/server/images';
import { transition } from '../helpers/server/stories';
import { openDesk, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const CAPTION = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.';

let server: DeskServer;
let reporter: Desk;
let editor: Desk;

beforeAll(async () => {
  server = await startDeskServer();
  reporter = await openDesk({ userName: 'Phóng viên' });
  editor = await openDesk({ userName: 'Biên tập' });
  await reporter.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
  await editor.service.call('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
});

afterAll(async () => {
  await reporter?.close();
  await editor?.close();
  await server?.close();
});

const withFigure = (src: string): StoryContent => ({
  headline: HEADLINE,
  sapo: 'LĐLĐ quận Hai Bà Trưng luôn chăm lo đời sống tinh thần cho đoàn viên và người lao động.',
  byline: 'H.Phong',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText('Đoạn mở đầu.')), nodes.figure({ src, caption: CAPTION })]),
});

/** The reporter submits (a transition, straight through the API), so that the editor may see the story; the editor's desk pulls it. */
async function handToEditor(id: string): Promise<void> {
  const token = await login(server.url, REPORTER.username, PASSWORD);
  const { results } = await push(server.url, token, [transition(id, { action: 'submit' })]);
  expect(results[0]).toMatchObject({ status: 'applied' });
  await waitFor('the story on the editor’s desk', async () => {
    await editor.service.call('sync.now', {});
    return (await editor.service.call('stories.get', { id }).catch(() => null))?.status === 'submitted';
  });
}

describe('an image added on one desk', () => {
  it('shows on the desk that pulled the story, fetched once and kept there', async () => {
    const added = await reporter.service.call('media.add', { fileName: 'tet-2025.png', bytes: IMAGES.png.toString('base64') });
    const story = await reporter.service.call('stories.create', { content: withFigure(added.src) });
    await reporter.service.call('stories.save', { id: story.id, content: withFigure(added.src) });
    await waitSynced(reporter.service);
    await handToEditor(story.id);

    const got = await editor.service.call('media.get', { sha256: added.sha256 });
    expect(got).toEqual({ sha256: added.sha256, mime: 'image/png', bytes: IMAGES.png.toString('base64') });
    // Kept by sha256: with the server down it still shows.
    await server.stop();
    try {
      expect(await editor.service.call('media.get', { sha256: added.sha256 })).toEqual(got);
    } finally {
      await server.restart();
    }
  });

  it('says in words when the image is on no desk and not on the server either', async () => {
    const lost = sha256(Buffer.from('ảnh chưa từng được tải lên'));
    const error = await editor.service.call('media.get', { sha256: lost }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'MEDIA_MISSING', message: 'Ảnh này không có trên máy này, cũng không có trên máy chủ toà soạn.' });
  });

  it('says so when the server cannot be reached, and fetches the image once it can', async () => {
    const bytes = IMAGES.gif;
    const token = await login(server.url, REPORTER.username, PASSWORD);
    const put = await fetch(`${server.url}/api/media/${sha256(bytes)}`, { method: 'PUT', headers: { authorization: `Bearer ${token}` }, body: new Uint8Array(bytes) });
    expect(put.status).toBe(201);
    await server.stop();
    try {
      const error = await editor.service.call('media.get', { sha256: sha256(bytes) }).catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'MEDIA_UNAVAILABLE', message: expect.stringContaining('Chưa tải được ảnh từ máy chủ toà soạn') });
    } finally {
      await server.restart();
    }
    expect((await editor.service.call('media.get', { sha256: sha256(bytes) })).mime).toBe('image/gif');
  });
});

describe('bytes a server sends for an image', () => {
  it('are kept only when they are that image, of an allowed type and size', async () => {
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const served = new Map<string, Buffer>([
      [sha256(html), html],
      // Not the bytes the address names.
      [sha256(IMAGES.webp), IMAGES.png],
    ]);
    const fake = http.createServer((request, response) => {
      if (request.url === '/api/login') {
        response.setHeader('content-type', 'application/json');
        response.end(JSON.stringify({ token: 'ma-phien-thu', expiresAt: new Date(Date.now() + 3_600_000).toISOString(), user: { username: 'hphong', role: 'reporter' } }));
        return;
      }
      const body = served.get((request.url ?? '').replace('/media/', ''));
      if (!body) {
        response.statusCode = 404;
        response.end();
        return;
      }
      response.setHeader('content-type', 'image/png');
      response.end(body);
    });
    await new Promise<void>((resolve) => fake.listen(0, '127.0.0.1', resolve));
    const desk = await openDesk({ userName: 'Phóng viên', sync: { pollIntervalMs: 60_000 } });
    try {
      const url = `http://127.0.0.1:${(fake.address() as AddressInfo).port}`;
      await desk.service.call('sync.signIn', { serverUrl: url, username: 'hphong', password: PASSWORD });
      for (const [sha, reason] of [
        [sha256(html), 'Tệp không phải là ảnh'],
        [sha256(IMAGES.webp), 'không khớp với mã sha256'],
      ] as const) {
        const error = await desk.service.call('media.get', { sha256: sha }).catch((e: unknown) => e);
        expect(error).toMatchObject({ code: 'MEDIA_REFUSED', message: expect.stringContaining(reason) });
      }
    } finally {
      await desk.close();
      await new Promise<void>((resolve) => fake.close(() => resolve()));
    }
  });
});
