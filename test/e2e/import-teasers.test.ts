// Importing a sample with its teasers, through the import dialog, on a desk
// signed in to a real server: the list shows the 17 teasers as what they are,
// reference stories on this computer, never as "Đã đăng"; the server gets the
// article and nothing else; the "Đã đăng" filter finds nothing.
import { describe, expect, test } from 'vitest';
import { eventually } from '../helpers/e2e/page';
import { LDLD } from '../helpers/e2e/samples';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { PASSWORD, REPORTER } from '../helpers/sync-server';

const session = useAppSession();
const server = useDeskServer();

describe('an import with teasers', () => {
  test('lists the teasers as reference kept on this computer, and sends only the article', async () => {
    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    const { page, errors } = await session.openPage(app);

    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    await page.getByTestId('import-file-input').setInputFiles(LDLD.path);
    await page.getByTestId('import-preview').waitFor();
    const choice = dialog.getByLabel('Tạo luôn 17 tin trong “Nên xem” và “Tin khác” làm tin tham khảo (chỉ trên máy này, không gửi lên máy chủ)');
    await choice.check();
    await page.getByTestId('import-confirm').click();
    await dialog.waitFor({ state: 'detached' });

    // Every row the list shows is the article (a draft) or a teaser labelled as reference; none claims "Đã đăng".
    const rows = page.getByTestId('story-row');
    await expect.poll(() => page.getByTestId('row-local-only').count()).toBeGreaterThan(5);
    const shown = await rows.evaluateAll((all) =>
      all.map((row) => ({
        headline: row.querySelector('.story-row-headline')?.textContent ?? '',
        badge: row.querySelector('.status-badge')?.textContent ?? '',
      })),
    );
    for (const row of shown) {
      expect(row.badge, row.headline).toBe(row.headline === LDLD.headline ? 'Nháp' : 'Tin tham khảo (chỉ trên máy này)');
    }
    expect(await page.getByText('Đã đăng', { exact: true }).filter({ visible: true }).count()).toBe(0);
    expect((await app.rpc('stories.list', { limit: 500 })).items.filter((item) => item.localOnly)).toHaveLength(17);

    // Only the article reaches the server.
    await eventually(async () => {
      const status = await app.rpc('sync.now', {});
      return status.pending === 0 ? status : undefined;
    }, 'the article to reach the server', 30_000);
    const onServer = await server.query<{ headline: string }>('SELECT headline FROM stories');
    expect(onServer.map((row) => row.headline)).toEqual([LDLD.headline]);

    // The "Đã đăng" filter finds none of them.
    await page.getByTestId('filter-status').selectOption({ label: 'Đã đăng' });
    await expect.poll(() => rows.count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
