// How the sync worker is tuned. Defaults are what a desktop runs with; tests
// inject timers, randomness, a counting fetch and short delays.
import type { BackoffPolicy } from '../../core/sync';
import type { Fetch } from './server-client';

export interface SyncTimers {
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds, on the same clock as the timers. */
  now(): number;
}

/** Node's timers, unref'd: a pending retry never keeps a process alive. */
export const systemTimers: SyncTimers = {
  setTimeout(callback, ms) {
    const handle = setTimeout(callback, ms);
    handle.unref();
    return handle;
  },
  clearTimeout(handle) {
    clearTimeout(handle as ReturnType<typeof setTimeout>);
  },
  now: () => Date.now(),
};

export interface SyncOptions {
  fetch?: Fetch;
  /** In [0, 1); the jitter of the backoff. */
  random?: () => number;
  timers?: SyncTimers;
  backoff?: BackoffPolicy;
  requestTimeoutMs?: number;
  /** How often an idle, online worker pulls. */
  pollIntervalMs?: number;
  /** How long after a local change the worker pushes (autosaves come about every second). */
  kickDelayMs?: number;
  maxOpsPerPush?: number;
  /** Pushes out at once (for different stories): the server works on some while this side reads others. */
  pushLanes?: number;
  /** About this many characters of JSON per push; the server takes up to 8 MB. */
  maxPushChars?: number;
  pullLimit?: number;
}

export interface SyncLimits {
  requestTimeoutMs: number;
  pollIntervalMs: number;
  kickDelayMs: number;
  maxOpsPerPush: number;
  pushLanes: number;
  maxPushChars: number;
  pullLimit: number;
}

const DEFAULTS: SyncLimits = {
  requestTimeoutMs: 15_000,
  pollIntervalMs: 30_000,
  kickDelayMs: 500,
  maxOpsPerPush: 200,
  pushLanes: 4,
  maxPushChars: 4_000_000,
  pullLimit: 500,
};

/** The server's own limits: 500 ops per push, 500 changes per pull page. */
export function syncLimits(options: SyncOptions): SyncLimits {
  return {
    requestTimeoutMs: options.requestTimeoutMs ?? DEFAULTS.requestTimeoutMs,
    pollIntervalMs: options.pollIntervalMs ?? DEFAULTS.pollIntervalMs,
    kickDelayMs: options.kickDelayMs ?? DEFAULTS.kickDelayMs,
    maxOpsPerPush: Math.min(Math.max(1, options.maxOpsPerPush ?? DEFAULTS.maxOpsPerPush), 500),
    pushLanes: Math.max(1, options.pushLanes ?? DEFAULTS.pushLanes),
    maxPushChars: options.maxPushChars ?? DEFAULTS.maxPushChars,
    pullLimit: Math.min(Math.max(1, options.pullLimit ?? DEFAULTS.pullLimit), 500),
  };
}
