// Signing in from the settings dialog, as a newcomer does: the desk then writes
// as the account, and a new story's byline is the account's display name. The
// dialog was opened before the sign-in with the OS user's name in "Tên người
// viết"; saving it afterwards must not make that name the writer again.
import { describe, expect, test } from 'vitest';
import { eventually } from '../helpers/e2e/page';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { PASSWORD, type Account } from '../helpers/sync-server';

const REPORTER: Account = { username: 'hphong', role: 'reporter', displayName: 'Nguyễn Hoàng Phong' };

const session = useAppSession();
const server = useDeskServer({ accounts: [REPORTER] });

describe('signing in from the settings dialog', () => {
  test('new stories are by the account, signed with its display name', async () => {
    const app = await session.startApp();
    await app.rpc('settings.set', { userName: 'root' });
    const { page, errors } = await session.openPage(app);

    await page.getByTestId('settings-button').click();
    const dialog = page.getByTestId('settings-dialog');
    expect(await dialog.getByLabel('Tên người viết').inputValue()).toBe('root');
    await dialog.getByLabel('Địa chỉ máy chủ').fill(server.url);
    await dialog.getByLabel('Tên đăng nhập').fill(REPORTER.username);
    await dialog.getByLabel('Mật khẩu').fill(PASSWORD);
    await dialog.getByRole('button', { name: 'Đăng nhập', exact: true }).click();
    await expect.poll(() => dialog.getByTestId('signed-in-as').textContent()).toContain('Nguyễn Hoàng Phong (hphong)');
    // The writer is now the account, shown by its display name and not editable here.
    const writer = dialog.getByLabel('Tên người viết');
    await expect.poll(() => writer.inputValue()).toBe('Nguyễn Hoàng Phong');
    expect(await writer.getAttribute('readonly')).not.toBeNull();
    await dialog.getByTestId('settings-save').click();
    await dialog.waitFor({ state: 'detached' });

    await page.getByTestId('new-story').click();
    const byline = page.getByTestId('byline-input');
    await expect.poll(() => byline.inputValue()).toBe('Nguyễn Hoàng Phong');
    const id = await eventually(async () => /#\/story\/([0-9a-f-]{36})/.exec(page.url())?.[1], 'the new story to open');
    expect(await app.rpc('stories.get', { id })).toMatchObject({ author: 'hphong', byline: 'Nguyễn Hoàng Phong' });
    expect((await app.rpc('settings.get', {})).userName).toBe('hphong');

    // Opened again, the dialog still names the account, not "root".
    await page.getByTestId('settings-button').click();
    await expect.poll(() => page.getByTestId('settings-dialog').getByLabel('Tên người viết').inputValue()).toBe('Nguyễn Hoàng Phong');
    expect(errors).toEqual([]);
  });
});
