// The main process as `npm start` builds it (out/electron/main.js, bundled with
// the real app service), run by Node with only the `electron` module faked:
// a check that the bundle loads, finds its migrations and native SQLite, and
// wires the shell together, short of a real Electron binary.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY } from '../../electron/csp';

interface StartDesktopScript {
  buildMain(outDir: string): Promise<void>;
  buildPreload(outDir: string): Promise<void>;
}

const ROOT = path.resolve(__dirname, '../..');
const SCRIPT = pathToFileURL(path.join(ROOT, 'scripts/start-desktop.mjs')).href;

// Stands in for Electron in the child process. After the window loads, it plays
// a short session through the handlers the shell registered, quits, and prints
// what it saw as JSON.
const FAKE_ELECTRON = `
import { EventEmitter } from 'node:events';
const log = [];
const seen = {};
const paths = new Map([['appData', process.env.FAKE_APPDATA], ['documents', process.env.FAKE_APPDATA]]);
let serveApp, callHandler, menuTemplate, mainWindow;
class WebContents extends EventEmitter {
  sent = [];
  send(channel, message) { this.sent.push({ channel, message }); }
  setWindowOpenHandler(handler) { this.windowOpenHandler = handler; }
  isDestroyed() { return false; }
}
class App extends EventEmitter {
  isPackaged = false;
  setName(name) { this.name = name; }
  getName() { return this.name; }
  getVersion() { return '0.0.0'; }
  getPath(name) { return paths.get(name); }
  setPath(name, value) { paths.set(name, value); }
  requestSingleInstanceLock() { log.push('lock'); return true; }
  whenReady() { log.push('ready'); return Promise.resolve(); }
  exit(code) { log.push('exit ' + code); process.exit(code); }
  quit() {
    log.push('quit');
    const event = { defaultPrevented: false, preventDefault() { this.defaultPrevented = true; } };
    this.emit('will-quit', event);
    if (!event.defaultPrevented) { process.stdout.write(JSON.stringify({ log, seen })); process.exit(0); }
  }
}
export const app = new App();
export const protocol = {
  registerSchemesAsPrivileged(schemes) { log.push('privileged ' + schemes.map((s) => s.scheme).join()); },
  handle(scheme, handler) { log.push('handle ' + scheme); serveApp = handler; },
};
export const session = { defaultSession: {
  setPermissionRequestHandler() { log.push('permission requests'); },
  setPermissionCheckHandler() { log.push('permission checks'); },
  webRequest: { onHeadersReceived() { log.push('csp'); } },
} };
export const ipcMain = {
  handle(channel, handler) { log.push('ipc ' + channel); callHandler = handler; },
  removeHandler(channel) { log.push('no ipc ' + channel); },
};
export const Menu = { buildFromTemplate(template) { menuTemplate = template; return template; }, setApplicationMenu() { log.push('menu'); } };
export const shell = { openExternal: async () => undefined };
export class Notification extends EventEmitter {
  static isSupported() { return false; }
  show() {}
}
export const safeStorage = {
  isEncryptionAvailable: () => false,
  getSelectedStorageBackend: () => 'basic_text',
  encryptString() { throw new Error('no keychain'); },
  decryptString() { throw new Error('no keychain'); },
};
export const dialog = {
  showErrorBox(title, message) { log.push('error box: ' + title + ': ' + message); },
  showMessageBox: async () => ({ response: 0 }),
  showOpenDialog: async () => ({ canceled: true, filePaths: [] }),
  showSaveDialog: async () => ({ canceled: true }),
};
const workArea = { x: 0, y: 0, width: 1920, height: 1080 };
export const screen = { getAllDisplays: () => [{ workArea }], getPrimaryDisplay: () => ({ workArea }) };
export class BrowserWindow extends EventEmitter {
  constructor(options) {
    super();
    this.options = options;
    this.webContents = new WebContents();
    mainWindow = this;
    app.emit('web-contents-created', {}, this.webContents);
  }
  maximize() {}
  isMaximized() { return false; }
  isDestroyed() { return false; }
  getNormalBounds() { return { x: 0, y: 0, width: 1280, height: 800 }; }
  async loadURL(url) { log.push('load ' + url); setTimeout(play, 0); }
}
async function play() {
  seen.webPreferences = mainWindow.options.webPreferences;
  const page = await serveApp(new Request('app://newsdesk/'));
  seen.page = { status: page.status, csp: page.headers.get('content-security-policy'), body: await page.text() };
  seen.traversal = (await serveApp(new Request('app://newsdesk/..%2f..%2fpackage.json'))).status;
  const frame = { url: 'app://newsdesk/index.html' };
  seen.created = await callHandler({ sender: mainWindow.webContents, senderFrame: frame }, 'stories.create', { content: { headline: process.env.HEADLINE } });
  seen.foreign = await callHandler({ sender: new WebContents(), senderFrame: frame }, 'stories.list', {});
  seen.listed = await callHandler({ sender: mainWindow.webContents, senderFrame: frame }, 'stories.list', {});
  seen.events = mainWindow.webContents.sent;
  seen.menu = menuTemplate.map((menu) => menu.label);
  seen.userData = app.getPath('userData');
  app.quit();
}
`;

const HOOKS = `
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';
registerHooks({
  resolve(specifier, context, next) {
    if (specifier === 'electron') return { url: pathToFileURL(process.env.FAKE_ELECTRON).href, format: 'module', shortCircuit: true };
    if (specifier === 'better-sqlite3') return { url: pathToFileURL(process.env.BETTER_SQLITE3).href, format: 'commonjs', shortCircuit: true };
    return next(specifier, context);
  },
});
`;

const HEADLINE = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';

interface Session {
  log: string[];
  seen: {
    webPreferences: Record<string, unknown>;
    page: { status: number; csp: string; body: string };
    traversal: number;
    created: { ok: boolean; value: { headline: string; id: string } };
    foreign: { ok: boolean; error: { code: string } };
    listed: { ok: boolean; value: { items: Array<{ headline: string }> } };
    events: Array<{ channel: string; message: { name: string; payload: unknown } }>;
    menu: string[];
    userData: string;
  };
}

let base: string;
let session: Session;

beforeAll(async () => {
  // The app lives in base/app, as in a packaged build: out/electron next to out/renderer.
  base = mkdtempSync(path.join(tmpdir(), 'newsdesk-main-bundle-'));
  const out = path.join(base, 'app', 'out');
  const script = (await import(SCRIPT)) as StartDesktopScript;
  await Promise.all([script.buildMain(path.join(out, 'electron')), script.buildPreload(path.join(out, 'electron'))]);
  mkdirSync(path.join(out, 'renderer'), { recursive: true });
  writeFileSync(path.join(out, 'renderer', 'index.html'), '<!doctype html><title>Newsdesk</title>');
  writeFileSync(path.join(base, 'fake-electron.mjs'), FAKE_ELECTRON);
  writeFileSync(path.join(base, 'hooks.mjs'), HOOKS);
  const appData = path.join(base, 'appdata');
  mkdirSync(appData);

  const run = spawnSync(process.execPath, ['--import', pathToFileURL(path.join(base, 'hooks.mjs')).href, path.join(out, 'electron', 'main.js')], {
    encoding: 'utf8',
    env: {
      ...process.env,
      FAKE_ELECTRON: path.join(base, 'fake-electron.mjs'),
      FAKE_APPDATA: appData,
      BETTER_SQLITE3: createRequire(path.join(ROOT, 'package.json')).resolve('better-sqlite3'),
      HEADLINE,
    },
  });
  if (run.status !== 0) throw new Error(`main.js exited ${run.status}: ${run.stderr}`);
  session = JSON.parse(run.stdout) as Session;
}, 120_000);

afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('the bundled main process', () => {
  it('starts in the right order: scheme, lock, ready, session locks, protocol, IPC, menu, page', () => {
    expect(session.log.slice(0, 10)).toEqual([
      'privileged app',
      'lock',
      'ready',
      'permission requests',
      'permission checks',
      'csp',
      'handle app',
      'ipc newsdesk:call',
      'menu',
      'load app://newsdesk/index.html',
    ]);
    expect(session.log.some((line) => line.startsWith('error box'))).toBe(false);
  });

  it('opens the real store in userData/Newsdesk and serves calls from its window only', () => {
    expect(session.seen.userData).toBe(path.join(base, 'appdata', 'Newsdesk'));
    expect(session.seen.created).toMatchObject({ ok: true, value: { headline: HEADLINE } });
    expect(session.seen.foreign).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(session.seen.listed.value.items.map((item) => item.headline)).toEqual([HEADLINE]);
    expect(session.seen.events).toEqual([
      { channel: 'newsdesk:event', message: { name: 'story.changed', payload: { id: session.seen.created.value.id } } },
    ]);
  });

  it('serves the renderer from out/renderer with the CSP, and refuses to climb out', () => {
    expect(session.seen.page).toEqual({ status: 200, csp: CONTENT_SECURITY_POLICY, body: '<!doctype html><title>Newsdesk</title>' });
    expect(session.seen.traversal).toBe(403);
  });

  it('gives the window the preload built next to it and the locked-down preferences', () => {
    expect(session.seen.webPreferences).toMatchObject({
      preload: path.join(base, 'app', 'out', 'electron', 'preload.cjs'),
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
    });
    expect(session.seen.menu).toEqual(['Tệp', 'Sửa', 'Xem', 'Trợ giúp']);
  });

  it('closes the store on quit before exiting', () => {
    expect(session.log.slice(-3)).toEqual(['quit', 'no ipc newsdesk:call', 'quit']);
  });
});
