import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { forwardServiceEvents, handleCalls, isTrustedSender, toCallError } from '../../electron/ipc';
import type { AppService } from '../../electron/service-contract';
import * as serviceModule from '../../service';
import { FakeBrowserWindow, FakeWebContents, ipcMain, resetElectronFake } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

const HANDLER_NAMES = serviceModule.HANDLER_NAMES;

type Invoke = (event: unknown, name: unknown, args: unknown) => Promise<unknown>;

let dataDir: string;
let window: FakeBrowserWindow;
let service: AppService;

function invoke(event: unknown, name: unknown, args?: unknown): Promise<unknown> {
  const handler = ipcMain.handlers.get('newsdesk:call') as Invoke | undefined;
  if (!handler) throw new Error('no handler on newsdesk:call');
  return handler(event, name, args);
}

function eventFrom(sender: FakeWebContents, frameUrl: string | null) {
  return { sender, senderFrame: frameUrl === null ? null : { url: frameUrl } };
}

/** What the real store holds, read directly from the service. */
async function storedHeadlines(): Promise<string[]> {
  const page = (await service.call('stories.list', {})) as { items: Array<{ headline: string }> };
  return page.items.map((item) => item.headline);
}

const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';

beforeEach(async () => {
  resetElectronFake();
  dataDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-ipc-'));
  service = await serviceModule.createAppService({ dataDir });
  window = new FakeBrowserWindow({});
  handleCalls({
    getTrustedContents: () => window?.webContents as unknown as Electron.WebContents | undefined,
    service,
    serviceHandlerNames: HANDLER_NAMES,
  });
});

afterEach(async () => {
  await service.close();
  rmSync(dataDir, { recursive: true, force: true });
});

describe('the newsdesk:call channel', () => {
  it('forwards a call from our page to the service', async () => {
    const reply = await invoke(eventFrom(window.webContents, 'app://newsdesk/index.html'), 'stories.create', {
      content: { headline: HEADLINE },
    });
    expect(reply).toMatchObject({ ok: true, value: { headline: HEADLINE } });
    expect(await storedHeadlines()).toEqual([HEADLINE]);
  });

  it.each([
    ['a foreign origin', 'https://evil.example/phishing.html'],
    ['a look-alike host', 'app://newsdesk.evil/index.html'],
    ['credentials in the URL', 'app://newsdesk@evil/index.html'],
    ['another app:// host', 'app://other/index.html'],
    ['a file:// frame', 'file:///tmp/index.html'],
    ['a data: frame', 'data:text/html,<script>newsdesk.call()</script>'],
    ['about:blank', 'about:blank'],
  ])('rejects a frame from %s', async (_case, url) => {
    const reply = await invoke(eventFrom(window.webContents, url), 'stories.create', { content: { headline: HEADLINE } });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storedHeadlines()).toEqual([]);
  });

  it('rejects a call from another webContents, even one showing our page', async () => {
    const reply = await invoke(eventFrom(new FakeWebContents(), 'app://newsdesk/index.html'), 'stories.create', {
      content: { headline: HEADLINE },
    });
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await storedHeadlines()).toEqual([]);
  });

  it('rejects a call whose frame is gone', async () => {
    const reply = await invoke(eventFrom(window.webContents, null), 'stories.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });

  it('rejects every call while there is no window to trust', async () => {
    const sender = window.webContents;
    window = undefined as unknown as FakeBrowserWindow;
    expect(await invoke(eventFrom(sender, 'app://newsdesk/'), 'stories.create', {})).toMatchObject({ ok: false });
    expect(await storedHeadlines()).toEqual([]);
  });

  it('still takes the last call from our page while its webContents goes away', async () => {
    window.webContents.destroyed = true;
    const reply = await invoke(eventFrom(window.webContents, 'app://newsdesk/'), 'stories.create', { content: { headline: HEADLINE } });
    expect(reply).toMatchObject({ ok: true });
    expect(await storedHeadlines()).toEqual([HEADLINE]);
  });

  it.each([
    'stories.drop',
    'db.exec',
    '__proto__',
    'constructor',
    'toString',
    '',
    'x'.repeat(500),
    42,
    null,
    undefined,
    { name: 'stories.list' },
  ])('rejects the unknown handler name %s', async (name) => {
    const reply = await invoke(eventFrom(window.webContents, 'app://newsdesk/'), name, {});
    expect(reply).toEqual({ ok: false, error: { code: 'UNKNOWN_HANDLER', message: 'Newsdesk không có chức năng này.' } });
  });

  it("passes the service's own errors through with their code and Vietnamese message", async () => {
    const reply = await invoke(eventFrom(window.webContents, 'app://newsdesk/'), 'stories.get', { id: 'không-phải-uuid' });
    expect(reply).toMatchObject({ ok: false, error: { code: 'INVALID_ARGS' } });
    const missing = await invoke(eventFrom(window.webContents, 'app://newsdesk/'), 'stories.get', {
      id: '0190f3a2-0000-7000-8000-000000000000',
    });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'STORY_NOT_FOUND', message: 'Không tìm thấy bài viết này; có thể nó đã bị xóa hẳn.' },
    });
  });

  it('hides the English text of unexpected errors behind a Vietnamese message', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(service, 'call').mockRejectedValueOnce(Object.assign(new Error("ENOENT: no such file or directory, open '/x'"), { code: 'ENOENT' }));
    const reply = await invoke(eventFrom(window.webContents, 'app://newsdesk/'), 'stories.list', {});
    expect(reply).toMatchObject({ ok: false, error: { code: 'INTERNAL' } });
    expect(JSON.stringify(reply)).not.toContain('ENOENT');
    expect(log).toHaveBeenCalled();
    log.mockRestore();
  });
});

describe('toCallError', () => {
  it.each<[string, unknown, string]>([
    ['a plain { code, message }', { code: 'NOT_FOUND', message: 'Không tìm thấy bài.' }, 'NOT_FOUND'],
    ['a TypeError', new TypeError("Cannot read properties of undefined (reading 'id')"), 'INTERNAL'],
    ['a string', 'boom', 'INTERNAL'],
    ['undefined', undefined, 'INTERNAL'],
  ])('maps %s', (_case, error, code) => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(toCallError(error).code).toBe(code);
    log.mockRestore();
  });
});

describe('isTrustedSender', () => {
  it('needs both our webContents and our origin', () => {
    const ours = window.webContents as unknown as Electron.WebContents;
    const trusted = (event: unknown) => isTrustedSender(event as Electron.IpcMainInvokeEvent, ours);
    expect(trusted(eventFrom(window.webContents, 'app://newsdesk/index.html'))).toBe(true);
    expect(trusted(eventFrom(window.webContents, 'https://newsdesk/index.html'))).toBe(false);
    expect(trusted(eventFrom(new FakeWebContents(), 'app://newsdesk/index.html'))).toBe(false);
    expect(isTrustedSender(eventFrom(window.webContents, 'app://newsdesk/') as unknown as Electron.IpcMainInvokeEvent, undefined)).toBe(false);
  });
});

describe('events to the renderer', () => {
  const contents = () => window.webContents as unknown as Electron.WebContents;

  it('relays service events on newsdesk:event, and stops when asked', async () => {
    const stop = forwardServiceEvents(service, serviceModule.EVENT_NAMES, contents);
    const story = (await service.call('stories.create', { content: { headline: HEADLINE } })) as { id: string };
    expect(window.webContents.sent).toEqual([
      { channel: 'newsdesk:event', message: { name: 'story.changed', payload: { id: story.id } } },
    ]);
    stop();
    await service.call('stories.trash', { id: story.id });
    expect(window.webContents.sent).toHaveLength(1);
  });

  it('drops events while there is no live window', async () => {
    forwardServiceEvents(service, ['story.changed'], () => undefined);
    await service.call('stories.create', {});
    window.webContents.destroyed = true;
    forwardServiceEvents(service, ['story.changed'], contents);
    await service.call('stories.create', {});
    expect(window.webContents.sent).toEqual([]);
  });
});
