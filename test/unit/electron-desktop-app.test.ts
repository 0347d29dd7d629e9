import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MenuItemConstructorOptions } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startDesktopApp, type DesktopApp, type DesktopAppOptions } from '../../electron/desktop-app';
import * as serviceModule from '../../service';
import {
  app,
  dialog,
  FakeBrowserWindow,
  FakeEvent,
  FakeWebContents,
  ipcMain,
  Menu,
  protocol,
  resetElectronFake,
  session,
} from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

// The real app service: its store lands in the temporary userData folder.
function realService() {
  const createAppService = vi.fn(serviceModule.createAppService);
  const options: DesktopAppOptions = {
    serviceModule: { createAppService, HANDLER_NAMES: serviceModule.HANDLER_NAMES, EVENT_NAMES: serviceModule.EVENT_NAMES },
    rendererRoot: '/app/out/renderer',
    preloadPath: '/app/out/electron/preload.cjs',
  };
  return { createAppService, options };
}

let appData: string;
beforeEach(() => {
  resetElectronFake();
  appData = mkdtempSync(path.join(tmpdir(), 'newsdesk-appdata-'));
  app.setPath('appData', appData);
});
const openedApps: DesktopApp[] = [];
afterEach(async () => {
  // close() is idempotent: stores a test already closed are left alone.
  await Promise.all(openedApps.splice(0).map((desktop) => desktop.service.close()));
  rmSync(appData, { recursive: true, force: true });
});

async function startReady(options: DesktopAppOptions): Promise<DesktopApp | undefined> {
  const starting = startDesktopApp(options);
  app.becomeReady();
  const desktop = await starting;
  if (desktop) openedApps.push(desktop);
  return desktop;
}

describe('single instance', () => {
  it('a second instance quits at once and opens nothing', async () => {
    app.hasLock = false;
    const { options, createAppService } = realService();
    expect(await startDesktopApp(options)).toBeUndefined();
    expect(app.requestSingleInstanceLock).toHaveBeenCalledOnce();
    expect(app.quit).toHaveBeenCalledOnce();
    expect(app.listenerCount('second-instance')).toBe(0);
    expect(createAppService).not.toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('the first instance brings its window to the front when a second one starts', async () => {
    const { options } = realService();
    const started = await startReady(options);
    const window = FakeBrowserWindow.instances[0];
    expect(started?.window).toBe(window);
    window?.minimize();
    app.emit('second-instance', new FakeEvent(), ['newsdesk'], '/home/lan');
    expect(window?.isMinimized()).toBe(false);
    expect(window?.focused).toBe(true);
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('takes the lock only after the data folder is settled, since the lock is keyed on it', async () => {
    const { options } = realService();
    let userDataAtLock: string | undefined;
    app.requestSingleInstanceLock.mockImplementationOnce(() => {
      userDataAtLock = app.getPath('userData');
      return true;
    });
    await startReady(options);
    expect(userDataAtLock).toBe(path.join(appData, 'Newsdesk'));
  });
});

describe('start-up', () => {
  it('registers the app: scheme before ready and opens nothing until then', async () => {
    const { options } = realService();
    const started = startDesktopApp(options);
    await Promise.resolve();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledOnce();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    app.becomeReady();
    const desktop = await started;
    if (desktop) openedApps.push(desktop);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
  });

  it('opens the store in userData, named Newsdesk like start:web and the CLI', async () => {
    const { options, createAppService } = realService();
    const started = await startReady(options);
    expect(app.getName()).toBe('Newsdesk');
    expect(createAppService).toHaveBeenCalledExactlyOnceWith({
      dataDir: path.join(appData, 'Newsdesk'),
      tokenStore: expect.objectContaining({ get: expect.any(Function) }),
    });
    expect(started?.dataDir).toBe(path.join(appData, 'Newsdesk'));
  });

  it('loads the UI from app://newsdesk with the locked-down window', async () => {
    const { options } = realService();
    await startReady(options);
    const window = FakeBrowserWindow.instances[0];
    expect(window?.loadedUrl).toBe('app://newsdesk/index.html');
    expect(window?.options.webPreferences).toMatchObject({
      preload: '/app/out/electron/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('denies permissions and sets the CSP on the session', async () => {
    const { options } = realService();
    await startReady(options);
    expect(session.defaultSession.setPermissionRequestHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.setPermissionCheckHandler).toHaveBeenCalledOnce();
    expect(session.defaultSession.webRequest.onHeadersReceived).toHaveBeenCalledOnce();
  });

  it('guards every webContents against navigation', async () => {
    const { options } = realService();
    await startReady(options);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', new FakeEvent(), contents);
    const navigation = new FakeEvent('https://example.com/');
    contents.emit('will-navigate', navigation, navigation.url);
    expect(navigation.defaultPrevented).toBe(true);
  });

  it('answers newsdesk:call from its window only, with the store in userData', async () => {
    const { options } = realService();
    const started = await startReady(options);
    const window = FakeBrowserWindow.instances[0];
    const handler = ipcMain.handlers.get('newsdesk:call') as (event: unknown, name: string, args: unknown) => Promise<unknown>;
    const frame = { url: 'app://newsdesk/index.html' };
    const headline = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
    const foreign = await handler({ sender: new FakeWebContents(), senderFrame: frame }, 'stories.create', { content: { headline } });
    expect(foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await handler({ sender: window?.webContents, senderFrame: frame }, 'stories.create', { content: { headline } })).toMatchObject({
      ok: true,
      value: { headline },
    });
    const list = (await started?.service.call('stories.list', {})) as { items: Array<{ headline: string }> };
    expect(list.items.map((item) => item.headline)).toEqual([headline]);
    expect(existsSync(path.join(appData, 'Newsdesk', 'newsdesk.db'))).toBe(true);
  });

  it('relays service events to the window', async () => {
    const { options } = realService();
    const started = await startReady(options);
    const story = (await started?.service.call('stories.create', {})) as { id: string };
    expect(FakeBrowserWindow.instances[0]?.webContents.sent).toEqual([
      { channel: 'newsdesk:event', message: { name: 'story.changed', payload: { id: story.id } } },
    ]);
  });

  it("sends menu actions to the renderer as the contract's menu.command event", async () => {
    const { options } = realService();
    await startReady(options);
    const template = Menu.buildFromTemplate.mock.calls[0]?.[0] as MenuItemConstructorOptions[];
    const file = template.find((menu) => menu.label === 'Tệp')?.submenu as MenuItemConstructorOptions[];
    (file.find((entry) => entry.label === 'Lưu phiên bản')?.click as () => void)();
    expect(FakeBrowserWindow.instances[0]?.webContents.sent).toEqual([
      { channel: 'newsdesk:event', message: { name: 'menu.command', payload: { command: 'save-revision' } } },
    ]);
  });

  it('tells the user, in Vietnamese, when the store does not open, and quits', async () => {
    const { options } = realService();
    // A file where the data folder should be: the real service cannot open its store.
    writeFileSync(path.join(appData, 'Newsdesk'), 'not a folder');
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await startReady(options)).toBeUndefined();
    expect(dialog.showErrorBox).toHaveBeenCalledWith('Newsdesk không mở được kho dữ liệu', expect.stringContaining('Không mở được dữ liệu'));
    expect(app.quit).toHaveBeenCalled();
    expect(FakeBrowserWindow.instances).toHaveLength(0);
    log.mockRestore();
  });
});

describe('quitting', () => {
  it('quits when the window closes', async () => {
    const { options } = realService();
    await startReady(options);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledOnce();
  });

  it('closes the store before letting the process go', async () => {
    const { options } = realService();
    const started = await startReady(options);
    if (!started) throw new Error('the app did not start');
    const close = vi.spyOn(started.service, 'close');

    const first = new FakeEvent();
    app.emit('will-quit', first);
    expect(first.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledOnce();
    expect(ipcMain.handlers.has('newsdesk:call')).toBe(false);

    // Quitting again while the store closes waits for the same close.
    const impatient = new FakeEvent();
    app.emit('will-quit', impatient);
    expect(impatient.defaultPrevented).toBe(true);
    expect(close).toHaveBeenCalledOnce();
    expect(app.quit).not.toHaveBeenCalled();

    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledOnce());
    await expect(started.service.call('stories.list', {})).rejects.toMatchObject({ code: 'SERVICE_CLOSED' });
    const last = new FakeEvent();
    app.emit('will-quit', last);
    expect(last.defaultPrevented).toBe(false);
  });
});
