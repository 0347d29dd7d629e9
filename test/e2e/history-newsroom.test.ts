// An editor's desk, in a real browser, opens the history of a story the reporter
// wrote on another desk and the same editor edited elsewhere: both versions are
// there, read from the real server, each with author, time and reason and
// marked as the server's; the reporter's can be compared with the current text.
import { describe, expect, test } from 'vitest';
import { storyContentOf } from '../helpers/db-story-content';
import { eventually } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { login, push } from '../helpers/server/api';
import { newId, transition } from '../helpers/server/stories';
import { EDITOR, PASSWORD, REPORTER } from '../helpers/sync-server';

const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
const SAPO_FIRST =
  'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát kết quả phong trào công nhân, viên chức, lao động tại Cụm thi đua số 4.';
const SAPO_SUBMITTED = 'Đoàn khảo sát của LĐLĐ thành phố Hà Nội ghi nhận Cụm thi đua số 4 chăm lo tốt đời sống cho đoàn viên năm 2024.';
const P1 =
  'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai; lãnh đạo các Ban LĐLĐ thành phố Hà Nội.';

const session = useAppSession();
const server = useDeskServer();

describe('the history of a story written on another desk', () => {
  test('shows the reporter’s versions from the server, with author, time and reason', async () => {
    // The reporter's desk writes and submits; on another desk the editor takes the story and edits the sapo.
    const reporter = await login(server.url, REPORTER.username, PASSWORD);
    const id = newId();
    const draft = storyContentOf({ headline: HEADLINE, sapo: SAPO_FIRST, paragraphs: [P1], section: 'Công đoàn', byline: 'Mạnh Quân' });
    const payload = { ...draft, id, createdAt: new Date().toISOString() };
    const written = await push(server.url, reporter, [{ opId: newId(), kind: 'upsert', storyId: id, baseRev: 0, payload }, transition(id, { action: 'submit' })]);
    expect(written.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const editor = await login(server.url, EDITOR.username, PASSWORD);
    const edited = await push(server.url, editor, [transition(id, { action: 'take' }), { opId: newId(), kind: 'upsert', storyId: id, baseRev: 1, payload: { ...payload, sapo: SAPO_SUBMITTED } }]);
    expect(edited.results.map((r) => r.status)).toEqual(['applied', 'applied']);

    // This editor's desk, which wrote none of it, pulls it.
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
    await eventually(async () => {
      await app.rpc('sync.now', {});
      const story = await app.rpc('stories.get', { id }).catch(() => undefined);
      return story?.rev === 2 ? story : undefined;
    }, 'the story on the editor’s desk', 30_000);
    expect((await app.rpc('stories.get', { id })).sapo).toBe(SAPO_SUBMITTED);

    const { page, errors } = await session.openPage(app, { hash: `#/story/${id}` });
    await page.getByTestId('history-button').click();
    const panel = page.getByTestId('history-panel');
    await panel.waitFor();
    const items = panel.getByTestId('history-item');
    await expect.poll(() => items.count()).toBe(2);
    const rows = [];
    for (const index of [0, 1]) {
      const item = items.nth(index);
      rows.push({
        reason: await item.locator('.history-item-reason').textContent(),
        author: await item.locator('.history-item-author').textContent(),
        time: await item.locator('time').textContent(),
        serverRev: await item.getAttribute('data-server-rev'),
      });
    }
    expect(rows).toEqual([
      { reason: 'Lưu phiên bản · trên máy chủ', author: `bởi ${EDITOR.username}`, time: 'vừa xong', serverRev: '2' },
      { reason: 'Lưu phiên bản · trên máy chủ', author: `bởi ${REPORTER.username}`, time: 'vừa xong', serverRev: '1' },
    ]);

    // The reporter's first text against the current one: the sapo changed.
    await items.nth(1).click();
    const sapoRow = panel.getByTestId('history-compare').locator('tr[data-field="sapo"]');
    await sapoRow.waitFor();
    expect(await sapoRow.getAttribute('data-change')).toBe('changed');
    const cells = (await sapoRow.locator('td').allTextContents()).map((text) => text.replace(/^Đoạn khác nhau: /, ''));
    expect(cells).toEqual([SAPO_FIRST, SAPO_SUBMITTED]);
    expect(errors).toEqual([]);
  });
});
