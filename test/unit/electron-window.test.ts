import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowWebPreferences } from '../../electron/main-window';
import { FakeBrowserWindow, resetElectronFake } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

beforeEach(() => resetElectronFake());

describe('the main window web preferences', () => {
  const preferences = mainWindowWebPreferences('/app/out/electron/preload.cjs');

  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webviewTag', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['spellcheck', false],
  ] as const)('%s is %s', (name, value) => {
    expect(preferences[name]).toBe(value);
  });

  it('loads our preload script', () => {
    expect(preferences.preload).toBe('/app/out/electron/preload.cjs');
  });

  it('are the ones the window is created with', () => {
    createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', windowStateFile: '/nonexistent/window-state.json' });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    expect(FakeBrowserWindow.instances[0]?.options.webPreferences).toEqual(preferences);
    expect(FakeBrowserWindow.instances[0]?.options).toMatchObject({ minWidth: 640, minHeight: 480, title: 'Newsdesk' });
  });
});
