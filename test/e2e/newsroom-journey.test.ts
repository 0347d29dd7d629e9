// A story's whole editorial life, in real Chromium, two browser contexts (a
// reporter and an editor-in-chief), each on its own app service and database,
// against a real server; the reporter's desk reaches it through a proxy that can
// cut the line.
//   - Offline, the reporter writes a story with a figure and submits it: the
//     submission waits in the outbox.
//   - Back online, the editor's queue counts it; the editor takes it, notes a
//     passage and returns it with a note.
//   - The reporter opens it with the return note and the passage note in view,
//     fixes it and submits again; the editor takes it, edits it, approves and
//     publishes it: the public page has the reporter's text with the edit.
//   - An edit to the live story is not live until "Đính chính", which shows the
//     note on the page; unpublishing answers 410; the audit log lists every step.
// Screenshots (test-results/journey-*.png): the editor's queue, the note thread
// on the reporter's desk, the public page with its correction.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { articlePath, sectionSlugOf } from '../../core/site/address';
import { effectiveSlug } from '../../core/workflow';
import { eventually, waitForSaveState } from '../helpers/e2e/page';
import { makePng, pngSize } from '../helpers/e2e/png';
import { markTexts, selectInBody } from '../helpers/e2e/select';
import { useAppSession } from '../helpers/e2e/session';
import { signedInApp, synced } from '../helpers/e2e/sync';
import { FaultProxy } from '../helpers/fault-proxy';
import { sha256 } from '../helpers/server/images';
import { ROOT } from '../helpers/service-web';
import { REPORTER, startDeskServer, type Account, type DeskServer } from '../helpers/sync-server';

const CHIEF: Account = { username: 'tbt.minh', role: 'chief' };
const SECTION = 'Công đoàn';
const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const SAPO =
  'Chiều 11/3, Cụm thi đua số 4 của LĐLĐ thành phố Hà Nội đã tổ chức buổi khảo sát công tác chăm lo đời sống, việc làm cho đoàn viên, người lao động tại huyện Quốc Oai.';
const P1 = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Quốc Oai.';
const P2 = 'Năm 2025, Cụm thi đua số 4 đã chăm lo cho 1.250 đoàn viên với tổng kinh phí hơn 600 triệu đồng.';
const PASSAGE = '1.250 đoàn viên';
const PASSAGE_NOTE = 'Con số này lấy từ báo cáo nào? Hãy ghi nguồn.';
const RETURN_NOTE = 'Thiếu nguồn số liệu ở đoạn hai; bổ sung rồi nộp lại.';
const FIX = ' (theo báo cáo của LĐLĐ huyện Quốc Oai)';
const EDIT = ' Buổi khảo sát kết thúc trong ngày.';
const LIVE_EDIT = ' Mức hỗ trợ tối đa là 2 triệu đồng mỗi người.';
const CORRECTION = 'Bổ sung mức hỗ trợ tối đa cho mỗi đoàn viên.';
const CAPTION = 'Đoàn khảo sát làm việc tại huyện Quốc Oai.';
const ALT = 'Các thành viên đoàn khảo sát ngồi quanh bàn họp';
const PHOTO = makePng(480, 270);
const shot = (name: string) => path.join(ROOT, 'test-results', `journey-${name}.png`);

const session = useAppSession();
let server: DeskServer;
let reporterLine: FaultProxy;

beforeAll(async () => {
  server = await startDeskServer({ accounts: [REPORTER, CHIEF] });
  reporterLine = await FaultProxy.start(server.port);
});

afterAll(async () => {
  await reporterLine?.close();
  await server?.close();
});

/** Takes a workflow action from the story's action bar, through its dialog when it has one. */
async function act(page: Page, action: string, note?: string): Promise<void> {
  await page.getByTestId(`action-${action}`).click();
  const dialog = page.getByTestId('transition-dialog');
  if (note !== undefined || ['approve', 'publish', 'correct', 'unpublish', 'return'].includes(action)) {
    await dialog.waitFor();
    if (note !== undefined) await page.getByTestId('transition-note').fill(note);
    await page.getByTestId('transition-confirm').click();
    await dialog.waitFor({ state: 'detached' });
  }
}

const statusOf = (page: Page) => page.getByTestId('workflow-status').textContent();

/** Types at the end of the body paragraph that holds `text`. */
async function typeAfter(page: Page, text: string, typed: string): Promise<void> {
  await selectInBody(page, text);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.type(typed);
}

describe('a story from the field to the public site and back', () => {
  test('written offline with a figure, returned with a note, published, corrected and unpublished; every step in the audit log', async () => {
    const reporter = await signedInApp(session, reporterLine.url, REPORTER.username);
    const editor = await signedInApp(session, server.url, CHIEF.username);

    // Offline, the reporter writes the story with a figure and submits it.
    reporterLine.offline = true;
    const desk = await session.openPage(reporter);
    const rp = desk.page;
    await rp.getByTestId('new-story').click();
    await rp.getByTestId('headline-input').click();
    await rp.keyboard.type(HEADLINE);
    await rp.getByTestId('sapo-input').click();
    await rp.keyboard.type(SAPO);
    await rp.getByTestId('editor-body').click();
    await rp.keyboard.type(P1);
    await rp.keyboard.press('Enter');
    await rp.keyboard.type(P2);
    await rp.keyboard.press('Enter');
    const chooser = rp.waitForEvent('filechooser');
    await rp.getByTestId('toolbar-figure').click();
    await (await chooser).setFiles({ name: 'khao-sat.png', mimeType: 'image/png', buffer: PHOTO });
    await rp.locator('[data-testid="figure"] img').waitFor();
    await rp.getByTestId('figure-caption').click();
    await rp.keyboard.type(CAPTION);
    await rp.getByTestId('figure-alt').fill(ALT);
    await rp.getByTestId('section-input').fill(SECTION);
    await rp.getByTestId('editor-body').click();
    await waitForSaveState(rp);
    const storyId = new URL(rp.url()).hash.replace('#/story/', '');
    await act(rp, 'submit');
    await expect.poll(() => statusOf(rp)).toBe('Chờ biên tập');
    await rp.getByTestId('workflow-pending').waitFor();
    const offline = await reporter.rpc('sync.now', {});
    expect(offline.pending).toBeGreaterThanOrEqual(2);
    expect(offline.lastError).not.toBeNull();

    // Back online: the editor's queue counts it; the editor takes it, notes a passage and returns it.
    reporterLine.offline = false;
    await synced(reporter);
    await synced(editor);
    const { page: ep, errors: editorErrors } = await session.openPage(editor);
    await expect.poll(() => ep.getByTestId('queue-submitted').textContent()).toBe('Chờ biên tập (1)');
    mkdirSync(path.dirname(shot('queue')), { recursive: true });
    await ep.screenshot({ path: shot('queue') });
    await ep.getByTestId('queue-submitted').click();
    await ep.getByTestId('story-row').filter({ hasText: HEADLINE }).click();
    await ep.getByTestId('workflow-bar').waitFor();
    await ep.locator('[data-testid="figure"] img').waitFor();
    await act(ep, 'take');
    await expect.poll(() => statusOf(ep)).toBe('Đang biên tập');
    await selectInBody(ep, PASSAGE);
    await ep.getByTestId('note-on-selection').click();
    await ep.getByTestId('note-passage').fill(PASSAGE_NOTE);
    await ep.getByTestId('note-passage-send').click();
    await ep.getByTestId('note-thread').waitFor();
    await act(ep, 'return', RETURN_NOTE);
    await expect.poll(() => statusOf(ep)).toBe('Bị trả lại');
    await synced(editor);

    // The reporter opens it with the editor's notes in view, fixes it and submits again.
    await synced(reporter);
    await rp.goto(`${reporter.url}#/story/${storyId}`);
    await rp.reload();
    await expect.poll(() => statusOf(rp)).toBe('Bị trả lại');
    await expect.poll(() => rp.getByTestId('notes-return-note').textContent()).toContain(RETURN_NOTE);
    await expect.poll(() => rp.locator('[data-testid="note-thread"]').textContent()).toContain(PASSAGE_NOTE);
    await expect.poll(() => markTexts(rp)).toEqual([PASSAGE]);
    await rp.getByTestId('notes-panel').screenshot({ path: shot('notes') });
    await typeAfter(rp, 'triệu đồng.', FIX);
    await waitForSaveState(rp);
    await act(rp, 'submit');
    await expect.poll(() => statusOf(rp)).toBe('Chờ biên tập');
    await synced(reporter);

    // The editor takes it again, edits it, approves and publishes it.
    await synced(editor);
    await ep.reload();
    await expect.poll(() => statusOf(ep)).toBe('Chờ biên tập');
    await act(ep, 'take');
    await expect.poll(() => statusOf(ep)).toBe('Đang biên tập');
    await typeAfter(ep, 'Quốc Oai.', EDIT);
    await waitForSaveState(ep);
    await act(ep, 'approve');
    await expect.poll(() => statusOf(ep)).toBe('Đã duyệt');
    await act(ep, 'publish');
    await expect.poll(() => statusOf(ep)).toBe('Đã đăng');
    await synced(editor);

    const address = `${server.url}${articlePath({ sectionSlug: sectionSlugOf(SECTION), slug: effectiveSlug({ slug: '', headline: HEADLINE }) }, storyId)}`;
    const published = await (await fetch(address)).text();
    expect(published).toContain(`${P2}${FIX}`);
    expect(published).toContain(`${P1}${EDIT}`);
    expect(published).toContain(sha256(PHOTO));
    expect(published).toContain(ALT);
    expect(published).not.toContain(PASSAGE_NOTE);

    // An edit to the live story waits; "Đính chính" puts it on the page with its note.
    await typeAfter(ep, `${FIX}`, LIVE_EDIT);
    await waitForSaveState(ep);
    await synced(editor);
    expect(await (await fetch(address)).text()).not.toContain(LIVE_EDIT);
    await act(ep, 'correct', CORRECTION);
    await synced(editor);
    const corrected = await eventually(async () => {
      const page = await (await fetch(address)).text();
      return page.includes(CORRECTION) ? page : undefined;
    }, 'the correction on the page');
    expect(corrected).toContain(LIVE_EDIT);
    const site = await session.openUrl(address);
    await site.page.locator('.corrections').waitFor();
    await site.page.screenshot({ path: shot('public'), fullPage: true });
    expect(pngSize(readFileSync(shot('public')))).toMatchObject({ width: 1280 });

    // Unpublished, the address answers 410.
    await act(ep, 'unpublish');
    await expect.poll(() => statusOf(ep)).toBe('Đã gỡ');
    await synced(editor);
    expect((await fetch(address)).status).toBe(410);

    // The audit log lists every step, by whom.
    await ep.getByTestId('audit-button').click();
    const entries = ep.getByTestId('audit-entry');
    await expect.poll(() => entries.count()).toBe(9);
    expect(await entries.locator('strong').allTextContents()).toEqual([
      `${REPORTER.username}: Nộp bài`,
      `${CHIEF.username}: Nhận bài`,
      `${CHIEF.username}: Trả bài`,
      `${REPORTER.username}: Nộp bài`,
      `${CHIEF.username}: Nhận bài`,
      `${CHIEF.username}: Duyệt`,
      `${CHIEF.username}: Đăng ngay`,
      `${CHIEF.username}: Đính chính`,
      `${CHIEF.username}: Gỡ bài`,
    ]);
    expect(await entries.nth(2).textContent()).toContain(RETURN_NOTE);
    expect(await entries.nth(7).textContent()).toContain(CORRECTION);
    expect(editorErrors).toEqual([]);
    expect(desk.errors).toEqual([]);
    expect(site.errors).toEqual([]);
  });
});
