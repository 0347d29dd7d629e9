// Desktop app services for sync tests: each with its own temp data folder and
// SQLite store, short sync delays, and helpers to wait for the worker without
// sleeping blindly (every wait is bounded and says what it waited for).
import type { SyncStatus } from '../../core/api';
import { nodes, withLoadedBlockIds, type StoryContent } from '../../core/story';
import { createAppService, type AppService, type SyncOptions, type SyncTimers, type TokenStore } from '../../service';
import { makeTempDir, type TempDir } from './db-temp';

/** Delays short enough for tests, long enough not to spin. */
export const FAST_SYNC: SyncOptions = {
  backoff: { baseMs: 20, capMs: 250 },
  requestTimeoutMs: 5_000,
  pollIntervalMs: 300,
  kickDelayMs: 20,
};

export interface Desk {
  service: AppService;
  dir: TempDir;
  /** Closes the service (its worker stops) and opens the same store again. */
  reopen(options?: DeskOptions): Promise<AppService>;
  close(): Promise<void>;
}

export interface DeskOptions {
  userName?: string;
  sync?: SyncOptions;
  tokenStore?: TokenStore;
}

export async function openDesk(options: DeskOptions = {}): Promise<Desk> {
  const dir = makeTempDir('newsdesk-sync-desk-');
  const open = (o: DeskOptions) =>
    createAppService({
      dataDir: dir.file('data'),
      userName: o.userName ?? 'Phóng viên',
      sync: o.sync ?? FAST_SYNC,
      ...(o.tokenStore ? { tokenStore: o.tokenStore } : {}),
    });
  const desk: Desk = {
    service: await open(options),
    dir,
    async reopen(next = options) {
      await desk.service.close();
      desk.service = await open(next);
      return desk.service;
    },
    async close() {
      await desk.service.close();
      dir.remove();
    },
  };
  return desk;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Polls `check` until it gives a value (not null/false/undefined); fails after `timeoutMs` naming `what`. */
export async function waitFor<T>(
  what: string,
  check: () => Promise<T | null | false | undefined> | T | null | false | undefined,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: unknown = null;
  for (;;) {
    try {
      const value = await check();
      if (value !== null && value !== false && value !== undefined) return value;
    } catch (error) {
      last = error;
    }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`);
    await sleep(25);
  }
}

/** Runs rounds until one ends with everything sent, the pull done and no error. */
export function waitSynced(service: AppService, timeoutMs = 30_000): Promise<SyncStatus> {
  return waitFor(
    'the outbox to empty',
    async () => {
      const status = await service.call('sync.now', {});
      return status.online && status.pending === 0 && status.lastError === null ? status : null;
    },
    timeoutMs,
  );
}

/** A story's text in real Vietnamese, numbered so that every story and every edit differs. */
export function storyText(n: number, edit: number, paragraphs: readonly string[]): StoryContent {
  const lead = paragraphs[n % paragraphs.length] ?? '';
  return {
    headline: `Công đoàn cơ sở số ${n} chăm lo Tết cho đoàn viên`,
    sapo: `Bản sửa ${edit}: ${lead.slice(0, 200)}`,
    byline: 'H.Phong',
    section: 'Công đoàn',
    tags: ['công đoàn'],
    slug: '',
    related: [],
    // With block ids, as the editor writes every body (b1, b2, b3: each edit's blocks line up).
    body: withLoadedBlockIds(
      nodes.bodyOf(
        [lead, paragraphs[(n + 1) % paragraphs.length] ?? '', `Đoạn cuối của lần sửa ${edit}.`].map((text) =>
          nodes.paragraph(nodes.inlineFromText(text)),
        ),
      ),
    ),
  };
}

/**
 * Timers the test moves by hand: the worker asks for a delay, the test reads it
 * and fires it. `now()` only moves when a timer fires.
 */
export class ManualTimers implements SyncTimers {
  private nextId = 1;
  private current = 0;
  readonly pending = new Map<number, { due: number; ms: number; callback: () => void }>();
  /** Every delay the worker asked for, in order. */
  readonly requested: number[] = [];

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.pending.set(id, { due: this.current + ms, ms, callback });
    this.requested.push(ms);
    return id;
  }

  clearTimeout(handle: unknown): void {
    if (typeof handle === 'number') this.pending.delete(handle);
  }

  now(): number {
    return this.current;
  }

  /** The one timer waiting, or an error when there is none or more than one. */
  only(): { due: number; ms: number } {
    const timers = [...this.pending.values()];
    if (timers.length !== 1) throw new Error(`expected one timer, found ${timers.length}`);
    return timers[0] as { due: number; ms: number };
  }

  /** Moves time to the earliest timer and runs it. */
  fireNext(): void {
    const [id, timer] = [...this.pending.entries()].sort((a, b) => a[1].due - b[1].due)[0] ?? [];
    if (id === undefined || !timer) throw new Error('no timer to fire');
    this.pending.delete(id);
    this.current = timer.due;
    timer.callback();
  }
}
