import path from 'node:path';
import { app, dialog, session, type BrowserWindow } from 'electron';
import { PRODUCT_NAME } from '../service';
import { APP_ENTRY_URL } from './app-origin';
import { installContentSecurityPolicy } from './csp';
import { forwardServiceEvents, handleCalls, sendEvent } from './ipc';
import { createMainWindow } from './main-window';
import { installMenu } from './menu';
import { raiseOsNotifications } from './notifications';
import { registerAppScheme, serveAppProtocol } from './protocol';
import { denyAllPermissions, installNavigationGuards } from './security';
import type { AppService, AppServiceModule } from './service-contract';
import { bringToFront, claimSingleInstance } from './single-instance';
import { createSafeTokenStore, TOKEN_FILE_NAME } from './token-store';
import { WINDOW_STATE_FILE_NAME } from './window-state';

export interface DesktopAppOptions {
  readonly serviceModule: AppServiceModule;
  /** The built renderer (out/renderer), served as app://newsdesk/. */
  readonly rendererRoot: string;
  readonly preloadPath: string;
}

export interface DesktopApp {
  readonly window: BrowserWindow;
  readonly service: AppService;
  readonly dataDir: string;
}

function showAbout(window: BrowserWindow | undefined): void {
  const options = {
    type: 'info' as const,
    title: `Giới thiệu ${PRODUCT_NAME}`,
    message: `${PRODUCT_NAME} ${app.getVersion()}`,
    detail: 'Soạn và lưu bài báo ngay trên máy, kể cả khi không có mạng.',
  };
  void (window === undefined ? dialog.showMessageBox(options) : dialog.showMessageBox(window, options));
}

/** Closes the store before the process exits, so the last autosave is on disk. */
function closeOnQuit(service: AppService, stops: ReadonlyArray<() => void>): void {
  let state: 'open' | 'closing' | 'closed' = 'open';
  app.on('will-quit', (event) => {
    if (state === 'closed') return;
    event.preventDefault();
    if (state === 'closing') return;
    state = 'closing';
    for (const stop of stops) stop();
    service
      .close()
      .catch((error: unknown) => console.error('Newsdesk: closing the store failed', error))
      .finally(() => {
        state = 'closed';
        app.quit();
      });
  });
}

/**
 * Wires the shell together. Returns undefined in a second instance, which quits
 * and hands over to the first.
 */
export async function startDesktopApp(options: DesktopAppOptions): Promise<DesktopApp | undefined> {
  // The same folder `start:web` and the CLI use, whatever package.json calls the app.
  // It must be set before the lock, which is keyed on it.
  app.setName(PRODUCT_NAME);
  app.setPath('userData', path.join(app.getPath('appData'), PRODUCT_NAME));
  registerAppScheme();

  let window: BrowserWindow | undefined;
  if (!claimSingleInstance(() => bringToFront(window))) return undefined;
  installNavigationGuards();
  app.on('window-all-closed', () => app.quit());

  await app.whenReady();
  denyAllPermissions(session.defaultSession);
  installContentSecurityPolicy(session.defaultSession);
  serveAppProtocol(options.rendererRoot);

  const dataDir = app.getPath('userData');
  let service: AppService;
  try {
    service = await options.serviceModule.createAppService({
      dataDir,
      tokenStore: createSafeTokenStore(path.join(dataDir, TOKEN_FILE_NAME)),
    });
  } catch (error) {
    console.error('Newsdesk: the store did not open', error);
    dialog.showErrorBox(
      'Newsdesk không mở được kho dữ liệu',
      `Không mở được dữ liệu trong “${dataDir}”. Có thể một chương trình khác đang dùng nó, hoặc ổ đĩa đã đầy.`,
    );
    app.quit();
    return undefined;
  }

  const mainWindow = createMainWindow({
    preloadPath: options.preloadPath,
    windowStateFile: path.join(dataDir, WINDOW_STATE_FILE_NAME),
  });
  window = mainWindow;
  const getContents = () => (window === undefined || window.isDestroyed() ? undefined : window.webContents);
  mainWindow.on('closed', () => {
    window = undefined;
  });

  const trustedContents = mainWindow.webContents;
  const stopCalls = handleCalls({
    getTrustedContents: () => trustedContents,
    service,
    serviceHandlerNames: options.serviceModule.HANDLER_NAMES,
  });
  const stopEvents = forwardServiceEvents(service, options.serviceModule.EVENT_NAMES, getContents);
  installMenu(
    { appName: PRODUCT_NAME, isMac: process.platform === 'darwin', isDev: !app.isPackaged },
    { send: (command) => sendEvent(getContents(), 'menu.command', { command }), showAbout: () => showAbout(window) },
  );
  const stopNotifications = raiseOsNotifications(service, () => bringToFront(window));
  closeOnQuit(service, [stopCalls, stopEvents, stopNotifications]);

  await mainWindow.loadURL(APP_ENTRY_URL);
  return { window: mainWindow, service, dataDir };
}
