import { BrowserWindow, screen, type BrowserWindowConstructorOptions, type WebPreferences } from 'electron';
import { MIN_WINDOW_SIZE, placeWindow, readWindowState, rememberWindowState, type WindowState } from './window-state';

/** The renderer gets a browser and nothing more: no Node, no <webview>, its own JS world. */
export function mainWindowWebPreferences(preloadPath: string): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webviewTag: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    // A dropped file is the editor's to import; it must not replace the page.
    navigateOnDragDrop: false,
    // Chromium's spellchecker downloads dictionaries from Google; the renderer checks Vietnamese offline itself.
    spellcheck: false,
  };
}

export function mainWindowOptions(state: WindowState, preloadPath: string): BrowserWindowConstructorOptions {
  return {
    ...state.bounds,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: 'Newsdesk',
    show: false,
    webPreferences: mainWindowWebPreferences(preloadPath),
  };
}

export interface MainWindowOptions {
  readonly preloadPath: string;
  readonly windowStateFile: string;
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const state = placeWindow(
    readWindowState(options.windowStateFile),
    screen.getAllDisplays().map((display) => display.workArea),
    screen.getPrimaryDisplay().workArea,
  );
  const window = new BrowserWindow(mainWindowOptions(state, options.preloadPath));
  if (state.isMaximized) window.maximize();
  window.once('ready-to-show', () => window.show());
  rememberWindowState(window, options.windowStateFile);
  return window;
}
