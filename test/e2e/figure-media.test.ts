// Images travel with their story, in a real browser: the reporter's photo,
// uploaded from another desk, shows on the editor's desk, which fetches it from
// the real server. A figure whose image exists nowhere shows a placeholder in
// words with a way to replace it, and the replacement then shows.
import { describe, expect, test } from 'vitest';
import { nodes } from '../../core/story';
import { eventually } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { login, push } from '../helpers/server/api';
import { IMAGES, sha256 } from '../helpers/server/images';
import { newId, transition } from '../helpers/server/stories';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';

const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const CAPTION_1 = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.';
const CAPTION_2 = 'LĐLĐ quận Hai Bà Trưng ký kết thoả thuận hợp tác với doanh nghiệp nhằm nâng cao phúc lợi cho người lao động.';
const LOST = sha256(Buffer.from('ảnh đã mất trước khi kịp tải lên'));

const session = useAppSession();
const server = useDeskServer();

describe('figures of a story pulled from the server', () => {
  test('show the image from the other desk, and a placeholder with a way out for one that is gone', async () => {
    const reporter = await login(server.url, REPORTER.username, PASSWORD);
    const photo = sha256(IMAGES.png);
    const put = await fetch(`${server.url}/api/media/${photo}`, { method: 'PUT', headers: { authorization: `Bearer ${reporter}` }, body: new Uint8Array(IMAGES.png) });
    expect(put.status).toBe(201);
    const id = newId();
    const body = nodes.bodyOf([
      nodes.paragraph(nodes.inlineFromText('Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên là nhiệm vụ quan trọng.')),
      nodes.figure({ src: `media:${photo}`, caption: CAPTION_1 }),
      nodes.figure({ src: `media:${LOST}`, caption: CAPTION_2 }),
    ]);
    const payload = { headline: HEADLINE, sapo: '', byline: 'H.Phong', section: 'Công đoàn', tags: [], slug: '', related: [], body };
    const sent = await push(server.url, reporter, [{ opId: newId(), kind: 'upsert', storyId: id, baseRev: 0, payload }, transition(id, { action: 'submit' })]);
    expect(sent.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    // The editor takes it, so that the story opens editable on their desk.
    const editor = await login(server.url, EDITOR.username, PASSWORD);
    expect((await push(server.url, editor, [transition(id, { action: 'take' })])).results[0]?.status).toBe('applied');

    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
    await eventually(async () => {
      await app.rpc('sync.now', {});
      return (await app.rpc('stories.get', { id }).catch(() => undefined)) ?? undefined;
    }, 'the story on the editor’s desk', 30_000);

    const { page, errors } = await session.openPage(app, { hash: `#/story/${id}` });
    const figures = page.getByTestId('figure');
    await expect.poll(() => figures.count()).toBe(2);

    // The reporter's photo: fetched from the server, decoded and shown.
    const shown = figures.nth(0).locator('img');
    await shown.waitFor();
    await expect.poll(() => shown.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await figures.nth(0).textContent()).not.toContain('Không tải được ảnh');

    // The lost one: words, not a broken image, and a way to replace it.
    const lost = figures.nth(1).getByTestId('figure-lost');
    await lost.waitFor();
    expect(await lost.textContent()).toContain('Không còn tệp ảnh này');
    expect(await lost.textContent()).toContain('Ảnh này không có trên máy này, cũng không có trên máy chủ toà soạn.');
    expect(await figures.nth(1).locator('img').count()).toBe(0);
    const chooser = page.waitForEvent('filechooser');
    await lost.getByRole('button', { name: 'Thay bằng ảnh khác…' }).click();
    await (await chooser).setFiles({ name: 'thay-the.gif', mimeType: 'image/gif', buffer: IMAGES.gif });

    const replaced = figures.nth(1).locator('img');
    await replaced.waitFor();
    await expect.poll(() => replaced.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth)).toBe(1);
    expect(await figures.nth(1).getByTestId('figure-caption').inputValue()).toBe(CAPTION_2);
    await eventually(async () => {
      const story = await app.rpc('stories.get', { id });
      const srcs = story.body.root.children.flatMap((block) => (block.type === 'figure' ? [block.src] : []));
      return srcs[1] === `media:${sha256(IMAGES.gif)}` ? srcs : undefined;
    }, 'the replacement saved in the story');
    expect(errors).toEqual([]);
  });
});
