import { app, type BrowserWindow } from 'electron';

/**
 * Two instances would open the same SQLite store from two processes. The second
 * one quits at once; the first hears about it and comes to the front.
 * Returns false in the instance that must quit.
 */
export function claimSingleInstance(onSecondInstance: () => void): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', onSecondInstance);
  return true;
}

export function bringToFront(window: BrowserWindow | undefined): void {
  if (window === undefined || window.isDestroyed()) return;
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}
