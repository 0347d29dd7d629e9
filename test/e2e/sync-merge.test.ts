// A merge in a real browser (issue 11, point 3): the real publishing server,
// one start:web app signed in as the reporter, and an editor who changes the
// same story straight through the server's API while the reporter has it open
// and types. Sync merges by itself: the editor's change to another paragraph
// shows up in the open editor, the paragraph both rewrote waits above the
// body with both texts, the reporter keeps both, and the server gets it all.
// A screenshot of the waiting block is kept in test-results/.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../core/api';
import { withLoadedBlockIds, type StoryContent } from '../../core/story';
import { upsertPayloadOf } from '../../db';
import { storyContentOf } from '../helpers/db-story-content';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import type { TestApp } from '../helpers/e2e/app';
import { eventually, waitForSaveState } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { markTexts } from '../helpers/e2e/select';
import { useAppSession } from '../helpers/e2e/session';
import { blockTexts, edited } from '../helpers/merge-desks';

const SCREENSHOT = path.resolve('test-results/merge-conflict-in-editor.png');
const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const SAPO =
  'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát kết quả phong trào công nhân, viên chức, lao động tại Cụm thi đua số 4.';
const P1 =
  'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai; lãnh đạo các Ban LĐLĐ thành phố Hà Nội.';
const P2 =
  'Báo cáo tại buổi khảo sát, đồng chí Phùng Quốc Tuệ - Chủ tịch LĐLĐ huyện Quốc Oai, Cụm trưởng Cụm thi đua số 4 cho biết, các đơn vị trong Cụm đã tập trung thực hiện tốt công tác chăm lo cho đoàn viên.';
const EDITOR_P1 = `${P1} Ban biên tập bổ sung: buổi khảo sát diễn ra tại trụ sở Huyện ủy.`;
const EDITOR_P2 = P2.replace('Báo cáo tại buổi khảo sát', 'Phát biểu tại buổi làm việc');
const NOTED = 'Phó Bí thư Thường trực Huyện ủy';
const REPORTER_P2 = P2.replace('Báo cáo tại buổi khảo sát', 'Theo báo cáo của Cụm trưởng');

const session = useAppSession();
const server = useDeskServer();

async function serverText(id: string): Promise<{ rev: number; content: StoryContent }> {
  const [row] = await server.query<{ rev: number; data: string }>('SELECT rev, data FROM stories WHERE id = ?', id);
  if (!row) throw new Error(`story ${id} is not on the server`);
  return { rev: row.rev, content: JSON.parse(row.data) as StoryContent };
}

const original = (): StoryContent => storyContentOf({ headline: HEADLINE, sapo: SAPO, paragraphs: [P1, P2], section: 'Công đoàn', byline: 'H.Phong' });

function syncUntil(app: TestApp, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  return eventually(async () => {
    const status = await app.rpc('sync.now', {});
    return done(status) ? status : undefined;
  }, what, 30_000);
}

describe('a story edited here and on the server at once', () => {
  test('merges by itself in the open editor and leaves the one paragraph both rewrote to the reporter, who keeps both', async () => {
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    const story = await app.rpc('stories.create', { content: original() });
    await syncUntil(app, (s) => s.pending === 0 && s.lastError === null, 'the first push');
    // The editor becomes a co-writer (transitions change no text: still rev 1).
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    for (const [token, payload] of [
      [reporterToken, { action: 'submit' }],
      [editorToken, { action: 'assign', assignee: EDITOR.username, deadline: null }],
      [reporterToken, { action: 'withdraw' }],
    ] as const) {
      const { results } = await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload }]);
      expect(results[0]).toMatchObject({ status: 'applied', rev: 1 });
    }
    await syncUntil(app, (s) => s.pending === 0 && s.lastError === null, 'the co-writer here');

    // The reporter has the story open, with a note on a passage of the first paragraph, and rewrites the start of the second.
    await app.rpc('notes.add', { storyId: story.id, body: 'Kiểm tra lại chức danh.', passage: NOTED, blockId: null });
    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    const body = page.getByTestId('editor-body');
    await body.locator('p').nth(1).waitFor();
    await expect.poll(() => markTexts(page)).toEqual([NOTED]);
    await body.locator('p').nth(1).click({ position: { x: 2, y: 8 } });
    await page.keyboard.press('Home');
    for (let i = 0; i < 'Báo cáo tại buổi khảo sát'.length; i++) await page.keyboard.press('Shift+ArrowRight');
    await page.keyboard.type('Theo báo cáo của Cụm trưởng');
    await waitForSaveState(page);
    expect(await body.locator('p').nth(1).textContent()).toBe(REPORTER_P2);

    // Meanwhile the editor changes the first paragraph and rewrites the same words of the second, on the server.
    // (Its desk names the blocks b1, b2 as every desk names a story stored without ids.)
    const base = original();
    const theirs = edited({ ...base, body: withLoadedBlockIds(base.body) }, { blocks: { b1: EDITOR_P1, b2: EDITOR_P2 } });
    const onServer = await app.rpc('stories.get', { id: story.id });
    const pushed = await push(server.url, editorToken, [
      { opId: newId(), kind: 'upsert', storyId: story.id, baseRev: 1, payload: { ...upsertPayloadOf(onServer), ...theirs } },
    ]);
    expect(pushed.results[0]).toMatchObject({ status: 'applied', rev: 2 });

    // Sync: the reporter's push conflicts, the desk merges. The open editor shows the editor's first paragraph,
    // and the second waits above the body with both texts, marked in the body.
    await syncUntil(app, (s) => s.pending === 0 && s.conflicts === 1, 'the merge');
    await expect.poll(() => body.locator('p').nth(0).textContent()).toBe(EDITOR_P1);
    // The merged text replaced the body under the open editor: the noted passage is marked again.
    await expect.poll(() => markTexts(page)).toEqual([NOTED]);
    // Undo does not step back past what was merged in.
    await body.locator('p').nth(0).click();
    await page.keyboard.press('Control+Z');
    await page.keyboard.press('Control+Z');
    expect(await body.locator('p').nth(0).textContent()).toBe(EDITOR_P1);
    const card = page.getByTestId('merge-conflict');
    await card.waitFor();
    expect(await card.locator('.nd-conflict-place').textContent()).toBe('Đoạn 2');
    expect(await card.locator('[data-side="mine"] .nd-conflict-text').textContent()).toBe(REPORTER_P2);
    expect(await card.locator('[data-side="theirs"] .nd-conflict-text').textContent()).toBe(EDITOR_P2);
    expect(await body.locator('.nd-block-conflict').textContent()).toBe(REPORTER_P2);
    await expect.poll(() => page.getByTestId('sync-conflicts').textContent()).toContain('1 bài có chỗ hai bên cùng sửa');
    // The merge is already on the server: everything but the waiting paragraph is both sides' work.
    const merged = await serverText(story.id);
    expect(merged.rev).toBe(3);
    expect(Object.values(blockTexts(merged.content))).toEqual([EDITOR_P1, REPORTER_P2]);

    await page.getByTestId('merge-conflicts').scrollIntoViewIfNeeded();
    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });

    // "Giữ cả hai": both rewrites stay, one after the other; the choice reaches the server.
    await card.getByTestId('conflict-keep-both').click();
    await page.getByTestId('merge-conflicts').waitFor({ state: 'detached' });
    await expect.poll(() => body.locator('p').allTextContents()).toEqual([EDITOR_P1, REPORTER_P2, EDITOR_P2]);
    expect(await body.locator('.nd-block-conflict').count()).toBe(0);
    await syncUntil(app, (s) => s.pending === 0 && s.conflicts === 0, 'the choice to reach the server');
    const settled = await serverText(story.id);
    expect(settled.rev).toBe(4);
    expect(Object.values(blockTexts(settled.content))).toEqual([EDITOR_P1, REPORTER_P2, EDITOR_P2]);
    expect(settled.content.sapo).toBe(SAPO);
    const history = await app.rpc('revisions.list', { storyId: story.id });
    expect(history.filter((revision) => revision.reason === 'merge').length).toBeGreaterThanOrEqual(2);
    expect(history.find((revision) => revision.mergedFrom !== undefined)?.mergedFrom).toMatchObject({ serverRev: 2 });
    expect(errors).toEqual([]);
  });
});

