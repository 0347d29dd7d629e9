import { app, shell, type Session, type WebContents } from 'electron';
import { isAppUrl } from './app-origin';

/** Only web links leave the app, and only to the OS browser. */
export function isExternalUrlAllowed(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/** Our pages never navigate away from app://newsdesk, nor open windows or webviews. */
export function secureWebContents(contents: WebContents): void {
  contents.on('will-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  // will-navigate covers the main frame only; iframes navigate through this one.
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-redirect', (event) => {
    if (!isAppUrl(event.url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  contents.setWindowOpenHandler(({ url }) => {
    if (isExternalUrlAllowed(url)) shell.openExternal(url).catch(() => undefined);
    return { action: 'deny' };
  });
}

/** No camera, microphone, notifications, geolocation, ... for anyone. */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/** Hooked before any window exists, so every webContents ever created is covered. */
export function installNavigationGuards(): void {
  app.on('web-contents-created', (_event, contents) => secureWebContents(contents));
}
