// OS notifications on the desktop, end to end but for the Electron binary: the
// shell (electron/, with the fake `electron` module) over the real app service,
// signed in to the real server. The editor returns the reporter's story; the
// sync worker brings the notification and the shell raises it with Electron's
// Notification, in Vietnamese; a click brings the window forward. The first
// poll after sign-in only fills the bell.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startDesktopApp, type DesktopApp, type DesktopAppOptions } from '../../electron/desktop-app';
import * as serviceModule from '../../service';
import { app, FakeBrowserWindow, FakeNotification, resetElectronFake } from '../helpers/electron-fake';
import { login, push } from '../helpers/server/api';
import { newId } from '../helpers/server/stories';
import { sampleLines } from '../helpers/db-story-content';
import { FAST_SYNC, storyText, waitFor, waitSynced } from '../helpers/sync-desk';
import { EDITOR, PASSWORD, REPORTER, startDeskServer, type DeskServer } from '../helpers/sync-server';

vi.mock('electron', () => import('../helpers/electron-fake'));

const { paragraphs } = sampleLines();
let server: DeskServer;
let desktop: DesktopApp | undefined;
let appData: string;

beforeAll(async () => {
  server = await startDeskServer();
  resetElectronFake();
  appData = mkdtempSync(path.join(tmpdir(), 'newsdesk-appdata-'));
  app.setPath('appData', appData);
  const options: DesktopAppOptions = {
    serviceModule: {
      // The real service, with short sync delays and its token in memory (no OS keychain here).
      createAppService: (opts) => serviceModule.createAppService({ ...opts, tokenStore: serviceModule.memoryTokenStore(), sync: FAST_SYNC }),
      HANDLER_NAMES: serviceModule.HANDLER_NAMES,
      EVENT_NAMES: serviceModule.EVENT_NAMES,
    },
    rendererRoot: '/app/out/renderer',
    preloadPath: '/app/out/electron/preload.cjs',
  };
  const starting = startDesktopApp(options);
  app.becomeReady();
  desktop = await starting;
});

afterAll(async () => {
  await desktop?.service.close();
  rmSync(appData, { recursive: true, force: true });
  await server?.close();
});

describe('OS notifications on the desktop', () => {
  it('raises a returned story as an Electron notification, in Vietnamese, and a click brings the window forward', async () => {
    const service = desktop?.service;
    if (!service) throw new Error('the desktop app did not start');
    await service.call('sync.signIn', { serverUrl: server.url, username: REPORTER.username, password: PASSWORD });
    const story = (await service.call('stories.create', { content: storyText(1, 0, paragraphs) })) as { id: string };
    await service.call('workflow.transition', { storyId: story.id, op: { action: 'submit' } });
    await waitSynced(service as serviceModule.AppService);
    expect(FakeNotification.shown).toEqual([]);

    const editor = await login(server.url, EDITOR.username, PASSWORD);
    const act = (payload: Record<string, unknown>) => push(server.url, editor, [{ opId: newId(), kind: 'transition', storyId: story.id, baseRev: 1, payload }]);
    await act({ action: 'take' });
    await act({ action: 'return', note: 'Thiếu nguồn số liệu ở đoạn hai.' });

    const [shown] = await waitFor('the OS notification', async () => {
      await service.call('sync.now', {});
      return FakeNotification.shown.length > 0 ? FakeNotification.shown : null;
    });
    expect(FakeNotification.shown).toHaveLength(1);
    expect(shown?.options).toEqual({
      title: 'Bài bị trả lại',
      body: `${EDITOR.username} đã trả bài “${storyText(1, 0, paragraphs).headline}”. Hãy xem ghi chú rồi sửa bài.`,
    });
    const window = FakeBrowserWindow.instances[0];
    window?.minimize();
    shown?.click();
    expect(window).toMatchObject({ minimized: false, focused: true, visible: true });
  });
});
