// The editorial workflow on the desk, in real Chromium, against the real
// server: an editor's app (start:web) and a reporter's, each with its own
// database. The reporter's stories wait in the editor's queue with its count;
// the editor opens one read-only with the reason, takes it (the buttons are
// exactly the state machine's), returns it with a note through the dialog, and
// reads the audit log beside the editor. The reporter's bell then counts the
// notification and the browser raises it as an OS notification. The desk views
// are kept as test-results/desk-workflow.png.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { ACTION_LABELS, allowedActions, initialWorkflow } from '../../core/workflow';
import { sampleLines } from '../helpers/db-story-content';
import { eventually } from '../helpers/e2e/page';
import { pngSize } from '../helpers/e2e/png';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { signedInApp, synced } from '../helpers/e2e/sync';
import { ROOT } from '../helpers/service-web';
import { storyText } from '../helpers/sync-desk';
import { EDITOR, REPORTER } from '../helpers/sync-server';

const SCREENSHOT = path.join(ROOT, 'test-results', 'desk-workflow.png');
const { paragraphs } = sampleLines();
const session = useAppSession();
const server = useDeskServer();

const buttons = (page: Page) => page.getByTestId('workflow-actions').locator('button').allTextContents();

describe('the desk views and the workflow, in the browser', () => {
  test('queues with counts, read-only with the reason, take and return with a note, the audit log; the reporter is notified', async () => {
    const reporter = await signedInApp(session, server.url, REPORTER.username);
    const ids: string[] = [];
    for (const n of [1, 2, 3]) {
      const story = await reporter.rpc('stories.create', { content: storyText(n, 0, paragraphs) });
      if (n < 3) await reporter.rpc('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
      ids.push(story.id);
    }
    await synced(reporter);
    // The reporter's page is open, allowed to notify, and records what the real Notification is asked to show.
    const tab = await session.openPage(reporter);
    await tab.context.grantPermissions(['notifications'], { origin: new URL(reporter.url).origin });
    await tab.context.addInitScript({
      content: `{
        const Real = window.Notification;
        window.__shown = [];
        window.Notification = class extends Real {
          constructor(title, options) { super(title, options); window.__shown.push({ title, body: options && options.body }); }
        };
      }`,
    });
    await tab.page.reload();
    await tab.page.getByTestId('bell-button').waitFor();

    const editor = await signedInApp(session, server.url, EDITOR.username);
    await synced(editor);
    const { page, errors } = await session.openPage(editor);
    await expect.poll(() => page.getByTestId('queue-submitted').textContent()).toBe('Chờ biên tập (2)');
    expect(await page.getByTestId('queue-editing').textContent()).toBe('Đang biên tập (0)');
    await page.getByTestId('queue-submitted').click();
    await expect.poll(() => page.getByTestId('story-row').count()).toBe(2);
    expect(await page.getByTestId('row-holder').first().textContent()).toMatch(/^Chờ biên tập nhận · từ \d\d:\d\d \d\d\/\d\d\/\d{4}$/);

    // Opened read-only, with the reason; the buttons are the state machine's for an editor.
    const first = ids[0] ?? '';
    await page.getByTestId('story-row').filter({ hasText: storyText(1, 0, paragraphs).headline }).click();
    await page.getByTestId('workflow-bar').waitFor();
    expect(await page.getByTestId('read-only-reason').textContent()).toBe('Chỉ xem: Bài đang chờ biên tập: hãy nhận bài để sửa');
    expect(await page.getByTestId('headline-input').isDisabled()).toBe(true);
    const { live: _live, ...fields } = initialWorkflow();
    const submitted = { ...storyText(1, 0, paragraphs), id: first, author: REPORTER.username, ...fields, live: null, status: 'submitted' as const };
    expect(await buttons(page)).toEqual(allowedActions(submitted, { username: EDITOR.username, role: 'editor' }).map((a) => ACTION_LABELS[a]));

    await page.getByTestId('action-take').click();
    await expect.poll(() => page.getByTestId('workflow-status').textContent()).toBe('Đang biên tập');
    await page.getByTestId('read-only-reason').waitFor({ state: 'detached' });
    expect(await page.getByTestId('headline-input').isDisabled()).toBe(false);
    expect(await page.getByTestId('workflow-holder').textContent()).toMatch(/^bientap\.lan đang biên tập · từ /);

    // Returned with a note, asked for in the dialog.
    await page.getByTestId('action-return').click();
    const dialog = page.getByTestId('transition-dialog');
    await dialog.waitFor();
    await page.getByTestId('transition-confirm').click();
    expect(await page.getByTestId('transition-problem').textContent()).toBe('Hãy ghi chú trước khi thực hiện.');
    const note = 'Sapo dài quá, hãy rút gọn còn hai câu và ghi nguồn số liệu.';
    await page.getByTestId('transition-note').fill(note);
    await page.getByTestId('transition-confirm').click();
    await dialog.waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('workflow-status').textContent()).toBe('Bị trả lại');
    expect(await page.getByTestId('read-only-reason').textContent()).toBe('Chỉ xem: Bài đã trả cho người viết: chờ họ sửa và nộp lại');
    await synced(editor);
    await expect.poll(() => page.getByTestId('queue-submitted').textContent()).toBe('Chờ biên tập (1)');
    await expect.poll(() => page.getByTestId('queue-returned').textContent()).toBe('Bị trả lại (1)');

    // The audit log beside the editor, from the server.
    await page.getByTestId('audit-button').click();
    const entries = page.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(3);
    expect(await entries.locator('strong').allTextContents()).toEqual([
      `${REPORTER.username}: Nộp bài`,
      `${EDITOR.username}: Nhận bài`,
      `${EDITOR.username}: Trả bài`,
    ]);
    expect(await entries.nth(2).textContent()).toContain('Đang biên tập → Bị trả lại');
    expect(await entries.nth(2).textContent()).toContain(note);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    expect(pngSize(readFileSync(SCREENSHOT))).toEqual({ width: 1280, height: 860 });
    expect(errors).toEqual([]);

    // The reporter's bell counts it, and the browser raises it as an OS notification.
    await eventually(async () => {
      await reporter.rpc('sync.now', {});
      return (await tab.page.getByTestId('bell-count').count()) > 0 ? true : undefined;
    }, 'the notification on the reporter desk', 30_000);
    expect(await tab.page.getByTestId('bell-count').textContent()).toBe('1');
    const shown = await tab.page.evaluate(() => (window as unknown as { __shown: Array<{ title: string; body: string }> }).__shown);
    expect(shown).toEqual([
      { title: 'Bài bị trả lại', body: `${EDITOR.username} đã trả bài “${storyText(1, 0, paragraphs).headline}”. Hãy xem ghi chú rồi sửa bài.` },
    ]);
    expect(tab.errors).toEqual([]);
  });
});
