// The public article page in a real browser: every request the page makes is
// answered (the site had no icon, so each page view ended in a 404), and a
// story shown in "Nên xem" is not shown again in "Tin khác".
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Browser } from 'playwright-core';
import { launchChromium } from '../helpers/e2e/chromium';
import { newAppContext } from '../helpers/e2e/page';
import { login, pullAll, push } from '../helpers/server/api';
import { newId, storyPayload, toPublished, upsert } from '../helpers/server/stories';
import { EDITOR, PASSWORD, startDeskServer, type DeskServer } from '../helpers/sync-server';

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);
const hour = (i: number) => new Date(Date.UTC(2025, 11, 20, 10) - i * 3_600_000).toISOString();

let server: DeskServer;
let browser: Browser;

beforeAll(async () => {
  [server, browser] = await Promise.all([startDeskServer(), launchChromium()]);
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the public article page', () => {
  test('loads without a failed request, shows its icon, and lists each story in one box only', async () => {
    const token = await login(server.url, EDITOR.username, PASSWORD);
    const pick = { id: newId(), headline: 'Công đoàn Thủ đô trao 1.296 suất quà Tết cho người lao động', tags: ['nen-xem'], at: hour(0) };
    const other = { id: newId(), headline: 'Công đoàn cơ sở chăm lo đời sống đoàn viên dịp cuối năm', tags: [] as string[], at: hour(1) };
    const article = { id: newId(), headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động', tags: [] as string[], at: hour(5) };
    const ops = [pick, other, article].flatMap((s) => [upsert(s.id, 0, storyPayload({ headline: s.headline, tags: s.tags })), ...toPublished(s.id, s.at)]);
    const { results } = await push(server.url, token, ops);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    const slug = (await pullAll(server.url, token)).find((c) => c.story.id === article.id)?.story.slug;

    const context = await newAppContext(browser);
    try {
      const page = await context.newPage();
      const failed: string[] = [];
      page.on('response', (response) => {
        if (response.status() >= 400) failed.push(`${response.status()} ${response.url()}`);
      });
      await page.goto(`${server.url}/cong-doan/${slug}-${shortId(article.id)}.html`);
      await page.locator('h1.headline').waitFor();
      // What a browser asks for on its own when a page names no icon.
      const href = await page.evaluate(() => document.querySelector<HTMLLinkElement>('link[rel="icon"]')?.href ?? new URL('/favicon.ico', location.href).href);
      // The page's CSP allows no fetch(); an <img> loads the icon as the tab strip would.
      const iconWidth = await page.evaluate(async (src) => {
        const image = new Image();
        image.src = src;
        await image.decode().catch(() => undefined);
        return image.naturalWidth;
      }, href);
      expect(iconWidth).toBeGreaterThan(0);
      for (const url of [href, `${server.url}/favicon.ico`]) expect((await context.request.get(url)).status()).toBe(200);

      const picks = await page.locator('.box-picks .teaser-title').allTextContents();
      const more = await page.locator('.box-more .teaser-title').allTextContents();
      expect(picks).toEqual([pick.headline]);
      expect(more).toEqual([other.headline]);
      expect(failed).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
