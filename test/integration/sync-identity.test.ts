// Who writes, once a desk signs in: the account the server knows, with its
// display name as the default byline, whatever the desk was called before (a
// desk that has only ever run as the OS user starts out as "root"). Real server
// process, real desks.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { memoryTokenStore } from '../../service';
import { openDesk, waitFor, waitSynced, type Desk } from '../helpers/sync-desk';
import { PASSWORD, startDeskServer, type Account, type DeskServer } from '../helpers/sync-server';

const REPORTER: Account = { username: 'hphong', role: 'reporter', displayName: 'Nguyễn Hoàng Phong' };
const EDITOR: Account = { username: 'bientap.lan', role: 'editor' };

let server: DeskServer;
let desk: Desk;
const tokens = memoryTokenStore();

beforeAll(async () => {
  server = await startDeskServer({ accounts: [REPORTER, EDITOR] });
  desk = await openDesk({ userName: 'root', tokenStore: tokens });
});

afterAll(async () => {
  await desk?.close();
  await server?.close();
});

describe('a desk signed in to the newsroom', () => {
  it('writes new stories as the account, signed with its display name', async () => {
    const before = await desk.service.call('stories.create', {});
    expect(before).toMatchObject({ author: 'root', byline: '' });

    const status = await desk.service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    expect(status).toMatchObject({ signedIn: true, username: 'hphong', displayName: 'Nguyễn Hoàng Phong' });

    const story = await desk.service.call('stories.create', {});
    expect(story).toMatchObject({ author: 'hphong', byline: 'Nguyễn Hoàng Phong' });
    // A byline the writer gives is kept.
    const signed = await desk.service.call('stories.create', { content: { byline: 'H.Phong' } });
    expect(signed).toMatchObject({ author: 'hphong', byline: 'H.Phong' });

    // A settings form opened before the sign-in writes its old name back: the account still writes.
    await desk.service.call('settings.set', { userName: 'root' });
    const later = await desk.service.call('stories.create', {});
    expect(later).toMatchObject({ author: 'hphong', byline: 'Nguyễn Hoàng Phong' });

    await waitSynced(desk.service);
    const rows = await server.query<{ author: string }>('SELECT author FROM stories WHERE id = ?', story.id);
    expect(rows).toEqual([{ author: 'hphong' }]);
  });

  it('learns a changed display name from /api/me when it starts again', async () => {
    await server.execute("UPDATE users SET display_name = 'Hoàng Phong' WHERE username = 'hphong'");
    await desk.reopen({ userName: 'root', tokenStore: tokens });
    await waitFor('the new display name', async () => {
      const status = await desk.service.call('sync.now', {});
      return status.displayName === 'Hoàng Phong' ? status : null;
    });
    expect(await desk.service.call('stories.create', {})).toMatchObject({ author: 'hphong', byline: 'Hoàng Phong' });
  });

  it('after signing out, writes under the settings name again, with no byline', async () => {
    const status = await desk.service.call('sync.signOut', {});
    expect(status).toMatchObject({ signedIn: false, username: null, displayName: null });
    expect(await desk.service.call('stories.create', {})).toMatchObject({ author: 'root', byline: '' });
  });
});
