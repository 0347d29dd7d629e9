// A story's history in a real browser: two explicit revisions with different
// sapos (Ctrl+S), the history opened from the status bar, the older revision
// compared with the current text (the sapo row marked as changed), restored,
// and the editor showing the old sapo with a new "Khôi phục" entry on top.
import { describe, expect, test } from 'vitest';
import { eventually, waitForSaveState } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';

const AUTHOR = 'Hoàng Phong';
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const SAPO_OLD =
  'Nâng cao đời sống tinh thần cho đoàn viên, công nhân, viên chức, lao động luôn là nhiệm vụ trọng tâm của LĐLĐ quận Hai Bà Trưng.';
const SAPO_NEW = 'LĐLĐ quận Hai Bà Trưng đa dạng hoá các hoạt động chăm lo cho đoàn viên và người lao động.';
const BODY = 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên là nhiệm vụ quan trọng.';

const session = useAppSession();

describe('the revision history', () => {
  test('compares an older revision with the current text and restores it', async () => {
    const app = await session.startApp();
    await app.rpc('settings.set', { userName: AUTHOR });
    const { page, errors } = await session.openPage(app);

    await page.getByRole('button', { name: 'Bài mới' }).click();
    await page.getByTestId('headline-input').click();
    await page.keyboard.type(HEADLINE);
    await page.getByTestId('sapo-input').click();
    await page.keyboard.type(SAPO_OLD);
    await page.getByTestId('editor-body').click();
    await page.keyboard.type(BODY);
    const storyId = new URL(page.url()).hash.replace('#/story/', '');
    const saves = async (count: number) =>
      eventually(async () => {
        const list = await app.rpc('revisions.list', { storyId });
        return list.filter((revision) => revision.reason === 'save').length === count ? list : undefined;
      }, `${count} saved revisions`);

    await page.keyboard.press('Control+s');
    await saves(1);
    await waitForSaveState(page);
    await page.getByTestId('sapo-input').click();
    await page.keyboard.press('Control+a');
    await page.keyboard.type(SAPO_NEW);
    await page.keyboard.press('Control+s');
    await saves(2);
    await waitForSaveState(page);

    await page.getByTestId('history-button').click();
    const panel = page.getByTestId('history-panel');
    await panel.waitFor();
    const items = panel.getByTestId('history-item');
    await expect.poll(() => items.count()).toBe(2);
    for (const index of [0, 1]) {
      const item = items.nth(index);
      expect(await item.locator('.history-item-reason').textContent()).toBe('Lưu phiên bản');
      expect(await item.locator('.history-item-author').textContent()).toBe(`bởi ${AUTHOR}`);
      expect(await item.locator('time').textContent()).toBe('vừa xong');
    }

    // The older revision against the current text: only the sapo differs.
    await items.nth(1).click();
    const compare = panel.getByTestId('history-compare');
    await compare.waitFor();
    const sapoRow = compare.locator('tr[data-field="sapo"]');
    await sapoRow.waitFor();
    expect(await sapoRow.getAttribute('data-change')).toBe('changed');
    const cells = (await sapoRow.locator('td').allTextContents()).map((text) => text.replace(/^Đoạn khác nhau: /, ''));
    expect(cells).toEqual([SAPO_OLD, SAPO_NEW]);
    expect(await compare.locator('tr[data-field="headline"]').getAttribute('data-change')).toBe('same');
    expect(await compare.locator('tr[data-field="body"]').getAttribute('data-change')).toBe('same');

    await panel.getByTestId('history-restore').click();
    await panel.getByTestId('history-restore-confirm').click();

    await expect.poll(() => page.getByTestId('sapo-input').inputValue()).toBe(SAPO_OLD);
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).locator('.history-item-reason').textContent()).toBe('Khôi phục');
    expect(await items.nth(0).locator('.history-item-author').textContent()).toBe(`bởi ${AUTHOR}`);
    expect((await app.rpc('stories.get', { id: storyId })).sapo).toBe(SAPO_OLD);

    // Closed and opened again from the keyboard, the history still starts with the restore.
    await page.keyboard.press('Escape');
    await panel.waitFor({ state: 'detached' });
    expect(await page.getByTestId('sapo-input').inputValue()).toBe(SAPO_OLD);
    await page.keyboard.press('Control+Shift+H');
    await panel.waitFor();
    await expect.poll(() => items.count()).toBe(3);
    expect(await items.nth(0).locator('.history-item-reason').textContent()).toBe('Khôi phục');
    expect(errors).toEqual([]);
  });
});
