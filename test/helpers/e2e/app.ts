// One running Newsdesk for a test: `start:web` over a fresh data folder (so a
// fresh database), serving an already built renderer, and a typed /rpc client
// that speaks the app service's contract.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { HandlerArgs, HandlerName, HandlerResults } from '../../../core/api';
import { STORE_FILE_NAME } from '../../../service/data-dir';
import { rpcResult, startWebProcess, type WebProcess } from '../service-web';

export interface TestApp {
  dataDir: string;
  /** The SQLite store inside dataDir, for the CLI's --db. */
  dbPath: string;
  /** The address start:web printed, token included. */
  url: string;
  web: WebProcess;
  rpc<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]>;
  /** Stops the service (SIGTERM, so it closes the store) and removes the data folder unless it was given. */
  stop(): Promise<void>;
}

export interface StartAppOptions {
  /** An existing data folder (a seeded store); it is left in place on stop. */
  dataDir?: string;
}

const STOP_GRACE_MS = 10_000;

export async function startApp(staticDir: string, options: StartAppOptions = {}): Promise<TestApp> {
  const ownsDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-data-'));
  let web: WebProcess;
  try {
    web = await startWebProcess(['--data', dataDir, '--port', '0', '--static', staticDir]);
  } catch (error) {
    if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    dataDir,
    dbPath: path.join(dataDir, STORE_FILE_NAME),
    url: web.url,
    web,
    rpc: (name, args) => rpcResult(web, name, args),
    async stop() {
      if (web.child.exitCode === null && web.child.signalCode === null) {
        web.child.kill('SIGTERM');
        const timer = setTimeout(() => web.child.kill('SIGKILL'), STOP_GRACE_MS);
        await web.exited;
        clearTimeout(timer);
      }
      if (ownsDir) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
