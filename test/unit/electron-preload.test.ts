import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { NewsdeskBridge } from '../../core/api';
import { contextBridge, FakeEvent, ipcRenderer } from '../helpers/electron-fake';

vi.mock('electron', () => import('../helpers/electron-fake'));

let bridge: NewsdeskBridge;
let exposed: unknown[][];

beforeAll(async () => {
  await import('../../electron/preload');
  exposed = contextBridge.exposeInMainWorld.mock.calls.map((call) => [...call]);
  bridge = exposed[0]?.[1] as NewsdeskBridge;
});

beforeEach(() => {
  ipcRenderer.invoke.mockReset();
});

function sendEvent(message: unknown): void {
  ipcRenderer.emit('newsdesk:event', new FakeEvent(), message);
}

describe('what the preload exposes', () => {
  it('exposes exactly window.newsdesk = { call, on }', () => {
    expect(exposed).toHaveLength(1);
    expect(exposed[0]?.[0]).toBe('newsdesk');
    expect(Object.keys(bridge).sort()).toEqual(['call', 'on']);
    expect(typeof bridge.call).toBe('function');
    expect(typeof bridge.on).toBe('function');
  });

  it('leaks nothing of ipcRenderer or Electron', () => {
    const values = Object.values(bridge);
    expect(values).not.toContain(ipcRenderer);
    expect(values.every((value) => typeof value === 'function')).toBe(true);
    expect(JSON.stringify(Object.getOwnPropertyNames(bridge))).not.toMatch(/ipc|send|invoke|electron|require/i);
  });
});

describe('newsdesk.call', () => {
  it('invokes newsdesk:call with the name and arguments and resolves with the value', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: true, value: { id: '0190f3a2', headline: 'Ảnh: Trường Sa' } });
    const args = { query: 'truong sa' };
    await expect(bridge.call('search.query', args)).resolves.toEqual({ id: '0190f3a2', headline: 'Ảnh: Trường Sa' });
    expect(ipcRenderer.invoke).toHaveBeenCalledExactlyOnceWith('newsdesk:call', 'search.query', args);
  });

  it('rejects with the { code, message } the main process sent', async () => {
    ipcRenderer.invoke.mockResolvedValueOnce({ ok: false, error: { code: 'NOT_FOUND', message: 'Không tìm thấy bài.' } });
    await expect(bridge.call('stories.get', { id: 'x' })).rejects.toEqual({ code: 'NOT_FOUND', message: 'Không tìm thấy bài.' });
  });

  it.each([undefined, 'ok', { ok: 'yes' }, { ok: false, error: 'boom' }])('rejects a malformed reply %j', async (reply) => {
    ipcRenderer.invoke.mockResolvedValueOnce(reply);
    await expect(bridge.call('stories.list', {})).rejects.toMatchObject({ code: 'INTERNAL' });
  });

  it('refuses a name that is not a string without touching IPC', async () => {
    await expect(bridge.call(42 as unknown as string)).rejects.toMatchObject({ code: 'INVALID_ARGS' });
    expect(ipcRenderer.invoke).not.toHaveBeenCalled();
  });
});

describe('newsdesk.on', () => {
  it('delivers payloads of the named event only, without the IPC event object', () => {
    const saved = vi.fn();
    const changed = vi.fn();
    const offSaved = bridge.on('save.state', saved);
    const offChanged = bridge.on('story.changed', changed);
    sendEvent({ name: 'save.state', payload: { state: 'Đã lưu' } });
    expect(saved).toHaveBeenCalledExactlyOnceWith({ state: 'Đã lưu' });
    expect(changed).not.toHaveBeenCalled();
    offSaved();
    offChanged();
  });

  it('stops delivering after unsubscribe, and removes its IPC listener when none are left', () => {
    const listener = vi.fn();
    const off = bridge.on('menu.command', listener);
    expect(ipcRenderer.listenerCount('newsdesk:event')).toBe(1);
    off();
    off(); // twice is harmless
    sendEvent({ name: 'menu.command', payload: { command: 'save-revision' } });
    expect(listener).not.toHaveBeenCalled();
    expect(ipcRenderer.listenerCount('newsdesk:event')).toBe(0);
  });

  it('keeps one IPC listener for many subscriptions, each unsubscribed on its own', () => {
    const listener = vi.fn();
    const first = bridge.on('menu.command', listener);
    const second = bridge.on('menu.command', listener);
    expect(ipcRenderer.listenerCount('newsdesk:event')).toBe(1);
    first();
    sendEvent({ name: 'menu.command', payload: { command: 'new-story' } });
    expect(listener).toHaveBeenCalledOnce();
    second();
  });

  it('ignores malformed event messages and survives a throwing listener', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const good = vi.fn();
    const offBad = bridge.on('story.changed', () => {
      throw new Error('listener bug');
    });
    const offGood = bridge.on('story.changed', good);
    sendEvent('story.changed');
    sendEvent({ payload: 1 });
    expect(good).not.toHaveBeenCalled();
    sendEvent({ name: 'story.changed', payload: { id: '0190f3a2' } });
    expect(good).toHaveBeenCalledExactlyOnceWith({ id: '0190f3a2' });
    expect(log).toHaveBeenCalled();
    offBad();
    offGood();
    log.mockRestore();
  });

  it('refuses a listener that is not a function', () => {
    expect(() => bridge.on('story.changed', 'alert(1)' as unknown as () => void)).toThrow();
  });
});
