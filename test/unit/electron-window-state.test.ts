import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../electron/main-window';
import {
  DEFAULT_WINDOW_SIZE,
  placeWindow,
  readWindowState,
  rememberWindowState,
  writeWindowState,
  type Rectangle,
  type WindowState,
} from '../../electron/window-state';
import { FakeBrowserWindow, resetElectronFake, screen } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

let dir: string;
let file: string;
beforeEach(() => {
  resetElectronFake();
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-window-'));
  file = path.join(dir, 'window-state.json');
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

const saved: WindowState = { bounds: { x: 120, y: 80, width: 1400, height: 900 }, isMaximized: false };

describe('reading and writing the state file', () => {
  it('reads back what it wrote', () => {
    writeWindowState(file, { bounds: { x: -1800, y: 40, width: 1024, height: 768 }, isMaximized: true });
    expect(readWindowState(file)).toEqual({ bounds: { x: -1800, y: 40, width: 1024, height: 768 }, isMaximized: true });
  });

  it('creates the folder and leaves no temporary file behind', () => {
    const nested = path.join(dir, 'Newsdesk', 'window-state.json');
    writeWindowState(nested, saved);
    expect(JSON.parse(readFileSync(nested, 'utf8'))).toEqual(saved);
  });

  it.each([
    ['a missing file', undefined],
    ['broken JSON', '{"bounds": {"x": 1'],
    ['an empty file', ''],
    ['null', 'null'],
    ['a negative width', JSON.stringify({ bounds: { x: 0, y: 0, width: -500, height: 700 }, isMaximized: false })],
    ['a window smaller than the minimum', JSON.stringify({ bounds: { x: 0, y: 0, width: 10, height: 10 }, isMaximized: false })],
    ['fractional coordinates', JSON.stringify({ bounds: { x: 0.5, y: 0, width: 800, height: 600 }, isMaximized: false })],
    ['coordinates as strings', JSON.stringify({ bounds: { x: '0', y: '0', width: '800', height: '600' }, isMaximized: false })],
    ['absurd coordinates', JSON.stringify({ bounds: { x: 1e9, y: 0, width: 800, height: 600 }, isMaximized: false })],
    ['isMaximized missing', JSON.stringify({ bounds: { x: 0, y: 0, width: 800, height: 600 } })],
    ['bounds missing', JSON.stringify({ isMaximized: true })],
  ])('returns undefined for %s', (_case, content) => {
    if (content !== undefined) writeFileSync(file, content);
    expect(readWindowState(file)).toBeUndefined();
  });

  it('refuses to write a state that would not read back', () => {
    expect(() => writeWindowState(file, { bounds: { x: 0, y: 0, width: 1, height: 1 }, isMaximized: false })).toThrow();
  });
});

describe('placeWindow', () => {
  const laptop: Rectangle = { x: 0, y: 0, width: 1920, height: 1050 };
  const leftMonitor: Rectangle = { x: -2560, y: 0, width: 2560, height: 1400 };
  const small: Rectangle = { x: 0, y: 0, width: 1280, height: 690 };

  it.each<[string, WindowState | undefined, Rectangle[], Rectangle, WindowState]>([
    [
      'nothing saved: default size, centred on the primary display',
      undefined, [laptop], laptop,
      { bounds: { x: 320, y: 125, width: DEFAULT_WINDOW_SIZE.width, height: DEFAULT_WINDOW_SIZE.height }, isMaximized: false },
    ],
    ['saved bounds on screen stay as they were', saved, [laptop], laptop, saved],
    [
      'a window on a monitor that was unplugged comes back centred on the primary',
      { bounds: { x: -2400, y: 100, width: 1400, height: 900 }, isMaximized: true }, [laptop], laptop,
      { bounds: { x: 260, y: 75, width: 1400, height: 900 }, isMaximized: true },
    ],
    [
      'a window on the left monitor stays there',
      { bounds: { x: -2400, y: 100, width: 1400, height: 900 }, isMaximized: false }, [laptop, leftMonitor], laptop,
      { bounds: { x: -2400, y: 100, width: 1400, height: 900 }, isMaximized: false },
    ],
    [
      'a window hanging off the right edge is pulled back in',
      { bounds: { x: 1700, y: 900, width: 1000, height: 700 }, isMaximized: false }, [laptop], laptop,
      { bounds: { x: 920, y: 350, width: 1000, height: 700 }, isMaximized: false },
    ],
    [
      'a window bigger than a smaller display is shrunk to fit it',
      { bounds: { x: 0, y: 0, width: 1920, height: 1050 }, isMaximized: false }, [small], small,
      { bounds: { x: 0, y: 0, width: 1280, height: 690 }, isMaximized: false },
    ],
    [
      'a window straddling two displays goes wholly onto the one it mostly covers',
      { bounds: { x: -300, y: 100, width: 1200, height: 800 }, isMaximized: false }, [laptop, leftMonitor], laptop,
      { bounds: { x: 0, y: 100, width: 1200, height: 800 }, isMaximized: false },
    ],
  ])('%s', (_case, state, areas, primary, expected) => {
    expect(placeWindow(state, areas, primary)).toEqual(expected);
  });
});

describe('remembering the state of a real window', () => {
  it('writes the normal bounds and the maximized flag when the window closes', () => {
    const window = new FakeBrowserWindow({ x: 10, y: 20, width: 1111, height: 777 });
    rememberWindowState(window as unknown as Electron.BrowserWindow, file);
    window.maximize();
    window.emit('close');
    expect(readWindowState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1111, height: 777 }, isMaximized: true });
  });

  it('restores it in the next session', () => {
    writeWindowState(file, { bounds: { x: 200, y: 100, width: 1000, height: 700 }, isMaximized: true });
    createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', windowStateFile: file });
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.options).toMatchObject({ x: 200, y: 100, width: 1000, height: 700, show: false });
    expect(window?.isMaximized()).toBe(true);
  });

  it('clamps a restored window to the displays there are now', () => {
    writeWindowState(file, { bounds: { x: 3000, y: 100, width: 1000, height: 700 }, isMaximized: false });
    screen.getAllDisplays.mockReturnValueOnce([{ id: 2, workArea: { x: 0, y: 0, width: 1366, height: 728 } }]);
    screen.getPrimaryDisplay.mockReturnValueOnce({ id: 2, workArea: { x: 0, y: 0, width: 1366, height: 728 } });
    createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', windowStateFile: file });
    expect(FakeBrowserWindow.instances.at(-1)?.options).toMatchObject({ x: 183, y: 14, width: 1000, height: 700 });
  });

  it('shows the window only once it has painted', () => {
    createMainWindow({ preloadPath: '/app/out/electron/preload.cjs', windowStateFile: file });
    const window = FakeBrowserWindow.instances.at(-1);
    expect(window?.visible).toBe(false);
    window?.emit('ready-to-show');
    expect(window?.visible).toBe(true);
  });
});
