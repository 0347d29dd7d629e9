// The preload as Electron loads it: bundled to CommonJS and run where `require`
// knows nothing but 'electron' and there is no Node (a vm context is stricter
// than Electron's sandbox, which still offers a few Node globals).
import { EventEmitter } from 'node:events';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

interface StartDesktopScript {
  buildPreload(outDir: string): Promise<void>;
}

const SCRIPT = pathToFileURL(path.resolve(__dirname, '../../scripts/start-desktop.mjs')).href;

let outDir: string;
let bundle: string;

beforeAll(async () => {
  outDir = mkdtempSync(path.join(tmpdir(), 'newsdesk-preload-'));
  const script = (await import(SCRIPT)) as StartDesktopScript;
  await script.buildPreload(outDir);
  bundle = readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
});
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

function runPreload() {
  const exposed: Array<[string, unknown]> = [];
  const required: string[] = [];
  const ipcRenderer = Object.assign(new EventEmitter(), {
    invoke: async (_channel: string, name: string) => ({ ok: true, value: { echoed: name } }),
  });
  const module = { exports: {} };
  const context = vm.createContext({
    module,
    exports: module.exports,
    console,
    require(id: string) {
      required.push(id);
      if (id !== 'electron') throw new Error(`a sandboxed preload cannot require “${id}”`);
      return { contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.push([key, api]) }, ipcRenderer };
    },
  });
  vm.runInContext(bundle, context, { filename: 'preload.cjs' });
  return { exposed, required, ipcRenderer };
}

describe('the bundled preload', () => {
  it('is CommonJS that needs nothing but electron', () => {
    const { required } = runPreload();
    expect(required).toEqual(['electron']);
  });

  it('exposes window.newsdesk with call and on, and they work', async () => {
    const { exposed, ipcRenderer } = runPreload();
    expect(exposed.map(([key]) => key)).toEqual(['newsdesk']);
    const api = exposed[0]?.[1] as { call(name: string, args?: unknown): Promise<unknown>; on(event: string, cb: (p: unknown) => void): () => void };
    expect(Object.keys(api).sort()).toEqual(['call', 'on']);
    await expect(api.call('stories.list', {})).resolves.toEqual({ echoed: 'stories.list' });

    const payloads: unknown[] = [];
    const off = api.on('save.state', (payload) => payloads.push(payload));
    ipcRenderer.emit('newsdesk:event', {}, { name: 'save.state', payload: 'Đã lưu' });
    off();
    ipcRenderer.emit('newsdesk:event', {}, { name: 'save.state', payload: 'Đang lưu' });
    expect(payloads).toEqual(['Đã lưu']);
  });

  it('stays small enough to parse on every window load', () => {
    // Full zod would add about 700 kB; the preload uses zod/mini.
    expect(bundle.length).toBeLessThan(100_000);
  });
});
