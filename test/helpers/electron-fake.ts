// The stand-in for the `electron` module in the electron-*.test.ts files (no
// Electron binary runs here). It records what the shell asks of Electron and
// lets a test fire the events Electron would fire. Used through
// `vi.mock('electron', () => import('./electron-fake'))`.
import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

export class FakeEvent {
  defaultPrevented = false;
  constructor(readonly url = '') {}
  preventDefault(): void {
    this.defaultPrevented = true;
  }
}

let nextContentsId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextContentsId++;
  readonly sent: Array<{ channel: string; message: unknown }> = [];
  windowOpenHandler: ((details: { url: string }) => { action: string }) | undefined;
  destroyed = false;

  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }): void {
    this.windowOpenHandler = handler;
  }
  send(channel: string, message: unknown): void {
    this.sent.push({ channel, message });
  }
  isDestroyed(): boolean {
    return this.destroyed;
  }
}

interface Bounds {
  x: number;
  y: number;
  width: number;
  height: number;
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents();
  loadedUrl: string | undefined;
  bounds: Bounds;
  maximized = false;
  minimized = false;
  visible = false;
  focused = false;

  constructor(readonly options: Record<string, unknown> & Partial<Bounds>) {
    super();
    this.bounds = { x: options.x ?? 0, y: options.y ?? 0, width: options.width ?? 800, height: options.height ?? 600 };
    FakeBrowserWindow.instances.push(this);
  }
  loadURL(url: string): Promise<void> {
    this.loadedUrl = url;
    return Promise.resolve();
  }
  maximize(): void {
    this.maximized = true;
  }
  isMaximized(): boolean {
    return this.maximized;
  }
  minimize(): void {
    this.minimized = true;
  }
  isMinimized(): boolean {
    return this.minimized;
  }
  restore(): void {
    this.minimized = false;
  }
  show(): void {
    this.visible = true;
  }
  focus(): void {
    this.focused = true;
  }
  getNormalBounds(): Bounds {
    return { ...this.bounds };
  }
  isDestroyed(): boolean {
    return false;
  }
}

class FakeApp extends EventEmitter {
  hasLock = true;
  isPackaged = false;
  name = 'newsdesk';
  readonly paths = new Map<string, string>();
  readonly requestSingleInstanceLock = vi.fn(() => this.hasLock);
  readonly quit = vi.fn();
  readonly exit = vi.fn();
  private ready!: Promise<void>;
  private resolveReady: () => void = () => undefined;
  readonly whenReady = vi.fn(() => this.ready);

  constructor() {
    super();
    this.reset();
  }
  reset(): void {
    this.removeAllListeners();
    this.hasLock = true;
    this.isPackaged = false;
    this.name = 'newsdesk';
    this.paths.clear();
    this.paths.set('appData', '/tmp/fake-appdata');
    this.paths.set('documents', '/tmp/fake-documents');
    this.ready = new Promise<void>((resolve) => {
      this.resolveReady = resolve;
    });
  }
  /** Electron's 'ready': what `app.whenReady()` waits for. */
  becomeReady(): void {
    this.resolveReady();
  }
  getPath(name: string): string {
    const value = this.paths.get(name);
    if (value === undefined) throw new Error(`fake app: no path for ${name}`);
    return value;
  }
  setPath(name: string, value: string): void {
    this.paths.set(name, value);
  }
  setName(name: string): void {
    this.name = name;
  }
  getName(): string {
    return this.name;
  }
  getVersion(): string {
    return '0.1.0';
  }
}

export const app = new FakeApp();
export const BrowserWindow = FakeBrowserWindow;

export const protocol = {
  registerSchemesAsPrivileged: vi.fn(),
  handle: vi.fn(),
};

export const session = {
  defaultSession: {
    setPermissionRequestHandler: vi.fn(),
    setPermissionCheckHandler: vi.fn(),
    webRequest: { onHeadersReceived: vi.fn() },
  },
};

class FakeIpcMain {
  readonly handlers = new Map<string, (...args: unknown[]) => unknown>();
  handle(channel: string, handler: (...args: unknown[]) => unknown): void {
    if (this.handlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
    this.handlers.set(channel, handler);
  }
  removeHandler(channel: string): void {
    this.handlers.delete(channel);
  }
}
export const ipcMain = new FakeIpcMain();

class FakeIpcRenderer extends EventEmitter {
  readonly invoke = vi.fn(async (..._args: unknown[]): Promise<unknown> => undefined);
}
export const ipcRenderer = new FakeIpcRenderer();

export const contextBridge = { exposeInMainWorld: vi.fn() };

export const Menu = {
  buildFromTemplate: vi.fn((template: unknown) => ({ template })),
  setApplicationMenu: vi.fn(),
};

export const shell = { openExternal: vi.fn(async (_url: string) => undefined) };

export const dialog = {
  showOpenDialog: vi.fn(),
  showSaveDialog: vi.fn(),
  showMessageBox: vi.fn(async () => ({ response: 0, checkboxChecked: false })),
  showErrorBox: vi.fn(),
};

/** Electron's OS notification: records each one shown, and lets a test click it. */
export class FakeNotification extends EventEmitter {
  static readonly shown: FakeNotification[] = [];
  static supported = true;
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body?: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
  /** What a user's click does. */
  click(): void {
    this.emit('click', new FakeEvent());
  }
}
export const Notification = FakeNotification;

const primaryWorkArea = { x: 0, y: 0, width: 1920, height: 1050 };
export const screen = {
  getAllDisplays: vi.fn(() => [{ id: 1, workArea: primaryWorkArea }]),
  getPrimaryDisplay: vi.fn(() => ({ id: 1, workArea: primaryWorkArea })),
};

/** Back to a freshly started Electron: call in beforeEach. */
export function resetElectronFake(): void {
  vi.resetAllMocks();
  app.reset();
  ipcMain.handlers.clear();
  ipcRenderer.removeAllListeners();
  FakeBrowserWindow.instances.length = 0;
  FakeNotification.shown.length = 0;
  FakeNotification.supported = true;
}
