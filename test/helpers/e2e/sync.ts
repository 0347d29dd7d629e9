// A desk app signed in to the newsroom server, and sync rounds until it is in
// step, for browser tests that run desks against a real server.
import { eventually } from './page';
import type { AppSession } from './session';
import type { TestApp } from './app';
import { PASSWORD } from '../sync-server';

export async function signedInApp(session: AppSession, serverUrl: string, username: string): Promise<TestApp> {
  const app = await session.startApp();
  await app.rpc('sync.signIn', { serverUrl, username, password: PASSWORD });
  return app;
}

/** Sync rounds until the app has nothing left to send and no error. */
export function synced(app: TestApp): Promise<true> {
  return eventually(async () => {
    const status = await app.rpc('sync.now', {});
    return status.pending === 0 && status.lastError === null ? true : undefined;
  }, 'the app to be in sync', 30_000);
}
