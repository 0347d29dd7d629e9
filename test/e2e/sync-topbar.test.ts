// The top bar keeps its shape whatever the sync indicator says. A reporter's
// edit of a story the desk has taken over is refused by the server with a long
// reason (the story's whole headline is in it); at 1024 px and 1400 px the bar
// stays one row, the search box keeps the width it had before the refusal, the
// reason is cut with its whole text in the title, and "Xem chi tiết" lists the
// refused change and why. Pictures: test-results/topbar-{1024,1400}.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../core/api';
import { upsertPayloadOf } from '../../db';
import { storyContentOf } from '../helpers/db-story-content';
import type { TestApp } from '../helpers/e2e/app';
import { eventually } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { ROOT } from '../helpers/service-web';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';

const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên, người lao động trên địa bàn huyện Quốc Oai';
const SAPO = 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.';
const P1 = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai.';
const WIDTHS = [1024, 1400] as const;
const HEIGHT = 800;

const session = useAppSession();
const server = useDeskServer();

function syncUntil(app: TestApp, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  return eventually(async () => {
    const status = await app.rpc('sync.now', {});
    return done(status) ? status : undefined;
  }, what, 30_000);
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
  width: number;
  height: number;
}

/** Bounding boxes of the top bar and what is in it, as laid out now. */
async function measure(page: Page): Promise<{ bar: Box; search: Box; children: Array<{ name: string; box: Box }>; barOverflows: boolean }> {
  return page.evaluate(() => {
    const box = (element: Element): Box => {
      const r = element.getBoundingClientRect();
      return { top: r.top, bottom: r.bottom, left: r.left, right: r.right, width: r.width, height: r.height };
    };
    const bar = document.querySelector('.topbar');
    const search = document.querySelector('[data-testid="search-input"]');
    if (bar === null || search === null) throw new Error('no top bar');
    const children = [...bar.querySelectorAll('.brand, .search, .topbar-actions > *, .sync-indicator > *')]
      .filter((element) => element.getClientRects().length > 0 && !element.closest('.sync-problems-list'))
      .map((element) => ({ name: `${element.tagName.toLowerCase()}.${[...element.classList].join('.')}`, box: box(element) }));
    return { bar: box(bar), search: box(search), children, barOverflows: bar.scrollWidth > bar.clientWidth };
  });
}

describe('the top bar with a sync refusal', () => {
  test('keeps one row and the search box’s width at 1024 and 1400 px; the reason is cut, whole on demand', async () => {
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    const content = storyContentOf({ headline: HEADLINE, sapo: SAPO, paragraphs: [P1], section: 'Công đoàn', byline: 'Mạnh Quân' });
    const story = await app.rpc('stories.create', { content });
    await syncUntil(app, (s) => s.pending === 0 && s.lastError === null, 'the first push');

    const tab = await session.openPage(app, { hash: `#/story/${story.id}` });
    const { page } = tab;
    await page.getByTestId('headline-input').waitFor();
    await page.waitForFunction(() => document.querySelector('[data-testid="sync-indicator"]')?.getAttribute('data-state') === 'synced');
    const before = new Map<number, Awaited<ReturnType<typeof measure>>>();
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      before.set(width, await measure(page));
    }

    // The desk takes the story over; the reporter edits it anyway and the server refuses.
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const submitted = await push(server.url, reporterToken, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'submit' } }]);
    expect(submitted.results[0]).toMatchObject({ status: 'applied' });
    const taken = await push(server.url, editorToken, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload: { action: 'take' } }]);
    expect(taken.results[0]).toMatchObject({ status: 'applied' });
    await syncUntil(app, () => true, 'the take to arrive');
    const current = await app.rpc('stories.get', { id: story.id });
    const edited = await push(server.url, editorToken, [
      { opId: newId(), kind: 'upsert', storyId: story.id, baseRev: 1, payload: { ...upsertPayloadOf(current), sapo: 'Ban biên tập nhận bài và bắt đầu biên tập.' } },
    ]);
    expect(edited.results[0]).toMatchObject({ status: 'applied', rev: 2 });
    await syncUntil(app, () => true, 'the desk’s version to arrive');
    await app.rpc('stories.save', { id: story.id, content: { ...content, sapo: `${SAPO} Phóng viên bổ sung.` } });
    const refused = await syncUntil(app, (s) => s.lastError !== null, 'the refusal');
    const message = refused.lastError ?? '';
    expect(message).toContain(HEADLINE);

    const error = page.getByTestId('sync-error');
    await error.waitFor({ state: 'attached' });
    expect(await error.getAttribute('title')).toContain(message);
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    for (const width of WIDTHS) {
      await page.setViewportSize({ width, height: HEIGHT });
      const was = before.get(width);
      const now = await measure(page);
      await page.screenshot({ path: path.join(ROOT, 'test-results', `topbar-${width}.png`), clip: { x: 0, y: 0, width, height: 120 } });
      // One row: the bar is as tall as before, and everything in it lies inside it, side by side.
      expect(now.bar.height, `${width} px: the bar's height`).toBeCloseTo(was?.bar.height ?? 0, 0);
      expect(now.barOverflows, `${width} px: nothing spills out of the bar`).toBe(false);
      for (const child of now.children) {
        expect(child.box.top, `${width} px: ${child.name} inside the bar`).toBeGreaterThanOrEqual(now.bar.top);
        expect(child.box.bottom, `${width} px: ${child.name} inside the bar`).toBeLessThanOrEqual(now.bar.bottom);
        expect(child.box.right, `${width} px: ${child.name} inside the window`).toBeLessThanOrEqual(width);
      }
      // The search box keeps its width.
      expect(now.search.width, `${width} px: the search box's width`).toBeCloseTo(was?.search.width ?? 0, 0);
      expect(now.search.width).toBeGreaterThanOrEqual(240);
      // The reason is cut to fit; "Xem chi tiết" stays whole and "Đồng bộ ngay" in view.
      const cut = await error.evaluate((element) => ({ cut: element.scrollWidth > element.clientWidth, text: element.textContent ?? '' }));
      expect(cut, `${width} px: the long reason is cut`).toEqual({ cut: true, text: `Lỗi gần nhất: ${message}` });
      const details = await page
        .getByTestId('sync-problems')
        .locator('summary')
        .evaluate((element) => ({ whole: element.scrollWidth <= element.clientWidth + 1, text: element.textContent }));
      expect(details, `${width} px: “Xem chi tiết” is shown whole`).toEqual({ whole: true, text: 'Xem chi tiết' });
      const label = await page.locator('.sync-label').evaluate((element) => ({ whole: element.scrollWidth <= element.clientWidth, text: element.textContent }));
      expect(label, `${width} px: the state is shown whole`).toEqual({ whole: true, text: 'Chưa đồng bộ được' });
      const syncNow = await page.getByRole('button', { name: 'Đồng bộ ngay' }).boundingBox();
      expect(syncNow?.width, `${width} px: “Đồng bộ ngay” is in view`).toBeGreaterThan(20);
      const icon = await page.getByRole('button', { name: 'Đồng bộ ngay' }).locator('svg').boundingBox();
      expect(icon?.width, `${width} px: the icon of “Đồng bộ ngay” is drawn whole`).toBe(16);
      expect((syncNow?.x ?? 0) + (syncNow?.width ?? 0)).toBeLessThanOrEqual(width);
    }

    // The whole text on demand: which change, and why.
    await page.setViewportSize({ width: 1024, height: HEIGHT });
    await page.getByTestId('sync-problems').getByText('Xem chi tiết').click();
    const list = page.getByTestId('sync-problems').getByRole('region');
    await expect.poll(() => list.textContent()).toContain(HEADLINE);
    expect(await list.textContent()).toContain('máy chủ không nhận (Bài đang được biên tập)');
    const listBox = await list.boundingBox();
    expect(listBox?.x).toBeGreaterThanOrEqual(0);
    expect((listBox?.x ?? 0) + (listBox?.width ?? 0)).toBeLessThanOrEqual(1024);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'topbar-1024-details.png') });
    expect(tab.errors).toEqual([]);
  });
});
