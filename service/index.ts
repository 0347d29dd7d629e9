// The app service: plain Node that owns the local store and serves the
// contract's handler map. Transports (Electron IPC in electron/, the local HTTP
// server in ./web) only carry `call(name, args)` and events; everything a call
// needs to be safe (argument validation, readable errors, one transaction per
// write) happens here, so both transports behave the same.
import fs from 'node:fs';
import path from 'node:path';
import {
  EVENT_NAMES,
  HANDLER_NAMES,
  isEventName,
  type EventName,
  type EventPayloads,
  type HandlerArgs,
  type HandlerName,
  type HandlerResults,
  type Handlers,
} from '../core/api';
import { defaultSettings, LocalStore, type Clock } from '../db';
import type { ServiceContext } from './context';
import { STORE_FILE_NAME } from './data-dir';
import { ServiceError, toServiceError } from './errors';
import { ServiceEvents } from './events';
import { importHandlers } from './handlers/import';
import { mediaHandlers } from './handlers/media';
import { noteHandlers } from './handlers/notes';
import { revisionHandlers } from './handlers/revisions';
import { searchHandlers } from './handlers/search';
import { settingsHandlers } from './handlers/settings';
import { storyHandlers } from './handlers/stories';
import { workflowHandlers } from './handlers/workflow';
import { startStoreUpkeep } from './store-upkeep';
import { createDesktopSync, syncHandlers, type SyncOptions, type TokenStore } from './sync';

export { EVENT_NAMES, HANDLER_NAMES };
export type { EventName, EventPayloads, HandlerArgs, HandlerName, HandlerResults, Handlers };
export { ServiceError, type ServiceErrorKind } from './errors';
export { memoryTokenStore, type StoredToken, type SyncOptions, type SyncTimers, type TokenStore } from './sync';
// What the Electron shell needs besides the handler map; it imports nothing else of service/.
export { PRODUCT_NAME } from './data-dir';
export { storedToken } from './sync/token-store';
// What the CLI needs: the same store the app opens, and the same readable errors.
export { LocalStore, defaultSettings, StoreError, type StoreCounts, type StoredStory } from '../db';
export { defaultStorePath } from './data-dir';
export { toServiceError } from './errors';

export interface AppServiceOptions {
  /** The folder of the local store; created when missing. */
  dataDir: string;
  /** Who writes when settings name nobody yet; defaults to the OS account name. */
  userName?: string;
  clock?: Clock;
  /** Where the sign-in token is kept; in memory when not given (the web host). Electron passes safeStorage. */
  tokenStore?: TokenStore;
  /** Sync worker tuning: tests inject timers, randomness and short delays. */
  sync?: SyncOptions;
}

export interface AppService {
  /** Validates `args` itself; rejects with a ServiceError `{code, message}` on any failure. */
  call<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]>;
  call(name: string, args: unknown): Promise<unknown>;
  /** Subscribes to a service event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
  on(event: string, listener: (payload: unknown) => void): () => void;
  /** Waits for calls in flight, then closes the store. Calls after this reject with SERVICE_CLOSED. */
  close(): Promise<void>;
  readonly handlers: Handlers;
  readonly storePath: string;
}

/** Autosave windows of stories nobody touches again are sealed into history this often. */
const SEAL_INTERVAL_MS = 60_000;

function isHandlerName(name: string): name is HandlerName {
  return (HANDLER_NAMES as readonly string[]).includes(name);
}


export async function createAppService(options: AppServiceOptions): Promise<AppService> {
  fs.mkdirSync(options.dataDir, { recursive: true });
  const storePath = path.join(options.dataDir, STORE_FILE_NAME);
  const clock = options.clock ?? (() => new Date());
  const store = new LocalStore(storePath, { clock, defaultSettings: defaultSettings(options.userName) });
  const context: ServiceContext = { store, stories: store.stories, settings: store.settings, events: new ServiceEvents(), clock };
  const sync = createDesktopSync(context, {
    ...(options.tokenStore ? { tokenStore: options.tokenStore } : {}),
    ...(options.sync ? { sync: options.sync } : {}),
  });
  const handlers: Handlers = {
    ...storyHandlers(context, () => sync.worker.user()),
    ...searchHandlers(context),
    ...importHandlers(context),
    ...revisionHandlers(context, sync.history),
    ...mediaHandlers(context, sync.mediaDownloads),
    ...settingsHandlers(context),
    ...syncHandlers(sync),
    ...workflowHandlers(context, sync),
    ...noteHandlers(context, sync),
  };

  const sealExpired = () => {
    try {
      context.stories.sealExpiredAutosaves();
    } catch (error) {
      console.error('Newsdesk: sealing old autosaves failed', error);
    }
  };
  sealExpired();
  const sealTimer = setInterval(sealExpired, SEAL_INTERVAL_MS);
  sealTimer.unref();
  const upkeep = startStoreUpkeep(() => store.tidy(), {
    onError: (error) => console.error('Newsdesk: tidying the store failed', error),
  });
  context.events.on('story.changed', () => upkeep.touch());
  upkeep.touch();
  try {
    await sync.start();
  } catch (error) {
    clearInterval(sealTimer);
    upkeep.stop();
    store.close();
    throw error;
  }

  let closed = false;
  const inFlight = new Set<Promise<unknown>>();

  async function call(name: string, args: unknown): Promise<unknown> {
    if (closed) throw new ServiceError('SERVICE_CLOSED', 'Dịch vụ Newsdesk đã dừng.', 'unavailable');
    if (!isHandlerName(name)) {
      throw new ServiceError('UNKNOWN_HANDLER', `Dịch vụ Newsdesk không có thao tác “${name.slice(0, 100)}”.`, 'not_found');
    }
    const run = (handlers[name] as (args: unknown) => Promise<unknown>)(args);
    inFlight.add(run);
    try {
      return await run;
    } catch (error) {
      throw toServiceError(error);
    } finally {
      inFlight.delete(run);
    }
  }

  function on(event: string, listener: (payload: EventPayloads[EventName]) => void): () => void {
    if (!isEventName(event)) {
      throw new ServiceError('UNKNOWN_EVENT', `Dịch vụ Newsdesk không có sự kiện “${event.slice(0, 100)}”.`, 'not_found');
    }
    return context.events.on(event, listener);
  }

  async function close(): Promise<void> {
    if (closed) return;
    closed = true;
    clearInterval(sealTimer);
    upkeep.stop();
    // First the worker, so that a 'sync.now' in flight is not left waiting on the network.
    await sync.stop();
    await Promise.allSettled([...inFlight]);
    sealExpired();
    context.events.clear();
    store.close();
  }

  return { call, on, close, handlers, storePath } as AppService;
}
