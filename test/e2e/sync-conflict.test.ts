// Two versions of one story, in a real browser: the real publishing server,
// one start:web app signed in as the reporter, and an editor who changes the
// same story straight through the server's API while the reporter edits it in
// the app. The reporter opens the story, sees the banner, compares the two
// texts side by side and keeps their own; the server then has the reporter's text.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SyncStatus } from '../../core/api';
import type { StoryContent } from '../../core/story';
import { upsertPayloadOf } from '../../db';
import { storyContentOf } from '../helpers/db-story-content';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import type { TestApp } from '../helpers/e2e/app';
import { eventually } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';
import { expectAppDialog } from '../helpers/e2e/dialogs';

const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const SAPO =
  'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát kết quả phong trào công nhân, viên chức, lao động tại Cụm thi đua số 4.';
const P1 =
  'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai; lãnh đạo các Ban LĐLĐ thành phố Hà Nội.';
const P2 =
  'Báo cáo tại buổi khảo sát, đồng chí Phùng Quốc Tuệ - Chủ tịch LĐLĐ huyện Quốc Oai, Cụm trưởng Cụm thi đua số 4 cho biết, các đơn vị trong Cụm đã tập trung thực hiện tốt công tác chăm lo cho đoàn viên.';
const MINE_P2 = `${P2} Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.`;
const THEIRS_SAPO = 'Biên tập viên rút gọn sapo cho trang chủ: Cụm thi đua số 4 chăm lo tốt đời sống đoàn viên.';

const session = useAppSession();
let server: DeskServer;

beforeAll(async () => {
  server = await startDeskServer();
});

afterAll(async () => {
  await server?.close();
});

const base = (): StoryContent => storyContentOf({ headline: HEADLINE, sapo: SAPO, paragraphs: [P1, P2], section: 'Công đoàn', byline: 'H.Phong' });

async function serverStory(id: string): Promise<{ rev: number; sapo: string; text: string }> {
  const [row] = await server.query<{ rev: number; data: string }>('SELECT rev, data FROM stories WHERE id = ?', id);
  if (!row) throw new Error(`story ${id} is not on the server`);
  return { rev: row.rev, sapo: (JSON.parse(row.data) as { sapo: string }).sapo, text: row.data };
}

/** Sync rounds until `done` holds for the status after one. */
function syncUntil(app: TestApp, done: (status: SyncStatus) => boolean, what: string): Promise<SyncStatus> {
  return eventually(async () => {
    const status = await app.rpc('sync.now', {});
    return done(status) ? status : undefined;
  }, what, 30_000);
}

describe('a story with two versions', () => {
  test('shows a banner, compares both texts and keeps mine, which then reaches the server', async () => {
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });

    // The reporter's story reaches the server and is submitted; the editor makes themself its
    // co-writer and the reporter takes it back to draft, so that both may edit it (still rev 1).
    const story = await app.rpc('stories.create', { content: base() });
    await syncUntil(app, (s) => s.pending === 0 && s.lastError === null, 'the first push');
    const reporterToken = await login(server.url, REPORTER.username, PASSWORD);
    const editorToken = await login(server.url, EDITOR.username, PASSWORD);
    const act = async (token: string, payload: Record<string, unknown>) =>
      expect((await push(server.url, token, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload }])).results[0]).toMatchObject({
        status: 'applied',
        rev: 1,
      });
    await act(reporterToken, { action: 'submit' });
    await act(editorToken, { action: 'assign', assignee: EDITOR.username, deadline: null });
    await act(reporterToken, { action: 'withdraw' });
    await eventually(async () => {
      await app.rpc('sync.now', {});
      return (await app.rpc('stories.get', { id: story.id })).assignee === EDITOR.username ? true : undefined;
    }, 'the co-writer here');

    // The editor rewrites the sapo on the server; the reporter, not yet knowing, adds a line here.
    const onServer = await app.rpc('stories.get', { id: story.id });
    const edited = await push(server.url, editorToken, [
      { opId: newId(), kind: 'upsert', storyId: story.id, baseRev: 1, payload: { ...upsertPayloadOf(onServer), sapo: THEIRS_SAPO } },
    ]);
    expect(edited.results[0]).toMatchObject({ status: 'applied', rev: 2 });
    const mine = storyContentOf({ headline: HEADLINE, sapo: SAPO, paragraphs: [P1, MINE_P2], section: 'Công đoàn', byline: 'H.Phong' });
    await app.rpc('stories.save', { id: story.id, content: mine });
    await syncUntil(app, (s) => s.conflicts === 1, 'the conflict');
    // Nothing was overwritten: the server kept the editor's text, this computer the reporter's.
    expect(await serverStory(story.id)).toMatchObject({ rev: 2, sapo: THEIRS_SAPO });
    expect((await app.rpc('stories.get', { id: story.id })).sapo).toBe(SAPO);

    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    const banner = page.getByTestId('conflict-banner');
    await banner.waitFor();
    expect(await banner.textContent()).toContain('Bài này có hai phiên bản: bản trên máy này và bản trên máy chủ (phiên bản 2).');
    await expect.poll(() => page.getByTestId('sync-conflicts').textContent()).toContain('1 bài có hai phiên bản');

    await page.getByTestId('conflict-compare').click();
    const dialog = page.getByTestId('conflict-dialog');
    await dialog.waitFor();
    await expectAppDialog(page, 'conflict-dialog', 'conflict');
    const rowOf = (change: string) => dialog.locator(`tr[data-change="${change}"]`);
    // A changed cell starts with "Đoạn khác nhau: " for screen readers; only the text is compared here.
    const cells = async (row: ReturnType<typeof rowOf>) => (await row.locator('td').allTextContents()).map((text) => text.replace(/^Đoạn khác nhau: /, ''));
    expect(await rowOf('changed').count()).toBe(2);
    const [sapoRow, paragraphRow] = [rowOf('changed').nth(0), rowOf('changed').nth(1)];
    expect(await cells(sapoRow)).toEqual([SAPO, THEIRS_SAPO]);
    expect(await cells(paragraphRow)).toEqual([MINE_P2, P2]);
    expect(await cells(rowOf('same'))).toEqual([HEADLINE, HEADLINE, P1, P1]);

    await page.getByTestId('conflict-keep-mine').click();
    await banner.waitFor({ state: 'detached' });
    await dialog.waitFor({ state: 'detached' });
    expect(await page.getByTestId('sapo-input').inputValue()).toBe(SAPO);
    await expect.poll(() => page.getByTestId('editor-body').textContent()).toContain('1.250 đoàn viên');

    // Mine goes up on the server's revision and replaces the editor's text knowingly.
    await syncUntil(app, (s) => s.pending === 0 && s.conflicts === 0, 'the choice to reach the server');
    const after = await serverStory(story.id);
    expect(after).toMatchObject({ rev: 3, sapo: SAPO });
    expect(after.text).toContain('1.250 đoàn viên');
    expect(errors).toEqual([]);
  });
});
