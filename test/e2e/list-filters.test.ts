// The story list under filters that match nothing: it says that the filters
// matched nothing (not "Chưa có bài nào. Bấm “Bài mới”…", as if the store were
// empty), and offers to clear them, which brings the stories back.
import { describe, expect, test } from 'vitest';
import { useAppSession } from '../helpers/e2e/session';

const session = useAppSession();

describe('an empty filtered list', () => {
  test('says the filters matched nothing and clears them on request', async () => {
    const app = await session.startApp();
    const headline = 'Công đoàn quận Hai Bà Trưng chăm lo Tết cho người lao động';
    await app.rpc('stories.create', { content: { headline, section: 'Công đoàn' } });
    const { page, errors } = await session.openPage(app);
    const rows = page.getByTestId('story-row');
    await rows.filter({ hasText: headline }).waitFor();

    await page.getByTestId('filter-status').selectOption('published');
    await rows.first().waitFor({ state: 'detached' });
    const status = page.getByTestId('list-status');
    await expect.poll(() => status.textContent()).toContain('Không có bài nào khớp bộ lọc đang chọn.');
    expect(await status.textContent()).not.toContain('Chưa có bài nào');

    await page.getByTestId('clear-filters').click();
    await rows.filter({ hasText: headline }).waitFor();
    expect(await page.getByTestId('filter-status').inputValue()).toBe('');
    expect(await page.getByTestId('clear-filters').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
