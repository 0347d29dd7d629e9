// Seeing what changed, in a real browser (issue 11, point 6). Any two revisions
// of a story's history compared word by word, side by side and with the
// changes in place; one restored as a new revision; and, once the desk has
// edited and returned the story through the real server, the reporter's
// "Ban biên tập đã sửa gì". Screenshots of each view are kept in test-results/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../core/api';
import { contentOf } from '../../db/stories/server-copy';
import { upsertPayloadOf } from '../../db';
import { storyContentOf } from '../helpers/db-story-content';
import type { TestApp } from '../helpers/e2e/app';
import { eventually } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { edited } from '../helpers/merge-desks';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';

const SHOTS = path.resolve('test-results');
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const SAPO = 'Nâng cao đời sống tinh thần cho đoàn viên luôn là nhiệm vụ trọng tâm của LĐLĐ quận Hai Bà Trưng.';
const P1 =
  'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên, CNVCLĐ là nhiệm vụ quan trọng của tổ chức Công đoàn.';
const P2 = 'Các cấp Công đoàn quận luôn hướng tới việc chăm lo, bảo vệ quyền lợi cho đoàn viên và người lao động.';
// The second revision changes one tone mark (a different word), the third rewrites part of the first paragraph.
const P2_TONE = P2.replace('hướng tới', 'hường tới');
const P1_REWRITTEN = P1.replace('nâng cao đời sống tinh thần', 'chăm lo đời sống vật chất và tinh thần');
const DESK_P2 = P2_TONE.replace('chăm lo, bảo vệ', 'bảo vệ');

const session = useAppSession();
const server = useDeskServer();

async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SHOTS, name) });
}

function syncUntil(app: TestApp, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  return eventually(async () => {
    const status = await app.rpc('sync.now', {});
    return done(status) ? status : undefined;
  }, what, 30_000);
}

const marked = (page: Page, selector: string): Promise<string[]> => page.locator(selector).allTextContents();

describe('seeing what changed', () => {
  test('compares any two revisions word by word, restores one as a new revision, and shows the reporter what the desk changed', async () => {
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    const first = storyContentOf({ headline: HEADLINE, sapo: SAPO, paragraphs: [P1, P2], section: 'Công đoàn', byline: 'H.Phong' });
    const story = await app.rpc('stories.create', { content: first });
    await app.rpc('stories.save', { id: story.id, content: first });
    await app.rpc('stories.save', { id: story.id, content: edited(contentOf(await app.rpc('stories.get', { id: story.id })), { blocks: { b2: P2_TONE } }) });
    const third = edited(contentOf(await app.rpc('stories.get', { id: story.id })), { blocks: { b1: P1_REWRITTEN } });
    await app.rpc('stories.save', { id: story.id, content: { ...third, sapo: `${SAPO} Bản thứ ba.` } });

    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    await page.getByTestId('history-button').click();
    const panel = page.getByTestId('history-panel');
    const items = panel.getByTestId('history-item');
    await expect.poll(() => items.count()).toBe(3);

    // The first revision against the second, chosen among all: the one changed tone mark is one changed word.
    await items.nth(2).click();
    await panel.getByTestId('history-compare-other').check();
    const revisions = await app.rpc('revisions.list', { storyId: story.id });
    await panel.getByTestId('history-compare-other-revision').selectOption(revisions[1]?.id ?? '');
    const table = panel.getByTestId('history-compare-table');
    await expect.poll(() => marked(page, '[data-testid="history-compare-table"] td.compare-a del')).toEqual(['hướng']);
    expect(await marked(page, '[data-testid="history-compare-table"] td.compare-b ins')).toEqual(['hường']);
    expect(await table.getAttribute('data-layout')).toBe('side');
    await shot(page, 'history-diff-side.png');

    // The first against the third, with the changes in place.
    await panel.getByTestId('history-compare-other-revision').selectOption(revisions[0]?.id ?? '');
    await panel.getByTestId('history-layout-inline').check();
    await expect.poll(() => table.getAttribute('data-layout')).toBe('inline');
    await expect.poll(() => marked(page, '[data-testid="history-compare-table"] [data-field="body"] ins')).toEqual(['chăm lo', ' vật chất và', 'hường']);
    expect(await marked(page, '[data-testid="history-compare-table"] [data-field="body"] del')).toEqual(['nâng cao', 'hướng']);
    expect(await marked(page, '[data-testid="history-compare-table"] [data-field="sapo"] ins')).toEqual([' Bản thứ ba.']);
    await shot(page, 'history-diff-inline.png');

    // Any revision can be restored: the first comes back as a new revision on top, and the editor shows it.
    await panel.getByTestId('history-restore').click();
    await panel.getByTestId('history-restore-confirm').click();
    await panel.getByTestId('history-restored').waitFor();
    await expect.poll(() => items.count()).toBe(4);
    expect(await items.nth(0).getAttribute('data-reason')).toBe('restore');
    await expect.poll(() => page.getByTestId('sapo-input').inputValue()).toBe(SAPO);
    await expect.poll(() => page.getByTestId('editor-body').textContent()).toContain('hướng tới');
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });

    // The reporter submits; the desk takes the story, trims the second paragraph and returns it.
    await app.rpc('stories.save', { id: story.id, content: edited(contentOf(await app.rpc('stories.get', { id: story.id })), { blocks: { b2: P2_TONE } }) });
    await syncUntil(app, (s) => s.pending === 0 && s.lastError === null, 'the reporter’s text on the server');
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const act = async (token: string, payload: Record<string, unknown>) =>
      expect((await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 0, payload }])).results[0]).toMatchObject({ status: 'applied' });
    await act(reporterToken, { action: 'submit' });
    await act(editorToken, { action: 'take' });
    const handedIn = await app.rpc('stories.get', { id: story.id });
    const deskText = edited(contentOf(handedIn), { blocks: { b2: DESK_P2 } });
    const deskEdit = await push(server.url, editorToken, [
      { opId: newId(), kind: 'upsert', storyId: story.id, baseRev: handedIn.rev, payload: { ...upsertPayloadOf(handedIn), ...deskText, sapo: 'Sapo do ban biên tập viết lại.' } },
    ]);
    expect(deskEdit.results[0]).toMatchObject({ status: 'applied' });
    await act(editorToken, { action: 'return', note: 'Bỏ bớt ý thừa ở đoạn hai.' });
    await syncUntil(app, () => true, 'the desk’s version here');
    await eventually(async () => ((await app.rpc('stories.get', { id: story.id })).status === 'returned' ? true : undefined), 'the story returned here');

    // The editor, still open, shows the desk's text; the reporter asks what the desk changed.
    await expect.poll(() => page.getByTestId('sapo-input').inputValue()).toBe('Sapo do ban biên tập viết lại.');
    await page.getByTestId('desk-changes-button').click();
    const changes = page.getByTestId('desk-changes-diff');
    await changes.waitFor();
    expect(await changes.getAttribute('data-layout')).toBe('inline');
    expect(await marked(page, '[data-testid="desk-changes-diff"] [data-field="body"] del')).toEqual(['chăm lo, ']);
    expect((await marked(page, '[data-testid="desk-changes-diff"] [data-field="sapo"] ins')).join('')).toContain('Sapo do ban biên tập viết lại');
    await shot(page, 'desk-changes-inline.png');
    await page.getByTestId('desk-changes-layout-side').check();
    await expect.poll(() => changes.getAttribute('data-layout')).toBe('side');
    await shot(page, 'desk-changes-side.png');
    expect(errors).toEqual([]);
  });
});
