// Saving must never get in the way of typing, and must never lose the last
// words. Changes mark the document dirty and restart a short debounce; one
// request at a time goes to the service, always carrying the newest content,
// so edits made while a save is in flight are coalesced into the next one.
// An explicit revision (Ctrl+S) queues behind the save in flight and carries
// the newest content too, so the two kinds never race.
import type { SaveState } from '../../../core/api';

export type SaveKind = 'autosave' | 'revision';

/** The content to send, or a readable reason why it cannot be sent. */
export type Snapshot<C> = { ok: true; content: C } | { ok: false; message: string };

export interface Timers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export interface AutosaverOptions<C> {
  /** Quiet time after the last change before an autosave; 800 ms keeps the worst case under 1 s. */
  delayMs: number;
  /** Wait before retrying after a failed save. */
  retryMs: number;
  snapshot(): Snapshot<C>;
  send(kind: SaveKind, content: C): Promise<void>;
  onState(state: SaveState, message?: string): void;
  timers?: Timers;
}

const realTimers: Timers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/** How often a closed story's unsaved text is retried before giving up (with retryMs between). */
const MAX_RETRIES_AFTER_DISPOSE = 20;

export class Autosaver<C> {
  private readonly options: AutosaverOptions<C>;
  private readonly timers: Timers;
  private dirty = false;
  private timer: unknown = null;
  /** Callers waiting for the send in flight to finish, or null when none is in flight. */
  private flight: Array<() => void> | null = null;
  /** Flushes waiting for the next send, which will carry their changes. */
  private flushWaiters: Array<() => void> = [];
  private revisionWaiters: Waiter[] = [];
  private disposed = false;
  private retriesAfterDispose = 0;

  constructor(options: AutosaverOptions<C>) {
    this.options = options;
    this.timers = options.timers ?? realTimers;
  }

  /** The document changed: save after the debounce. Cheap; call on every edit. */
  changed(): void {
    if (this.disposed) return;
    this.dirty = true;
    this.options.onState('saving');
    this.restartTimer(this.options.delayMs);
  }

  /**
   * Save now what has changed so far (blur, close). Resolves once those changes
   * were sent, whether or not the send succeeded; later typing keeps its debounce.
   */
  flush(): Promise<void> {
    if (!this.dirty && this.revisionWaiters.length === 0) {
      const flight = this.flight;
      return flight === null ? Promise.resolve() : new Promise((resolve) => flight.push(resolve));
    }
    this.clearTimer();
    const sent = new Promise<void>((resolve) => this.flushWaiters.push(resolve));
    this.run();
    return sent;
  }

  /** Send the newest content as an explicit revision, after any save in flight. */
  saveRevision(): Promise<void> {
    this.clearTimer();
    const done = new Promise<void>((resolve, reject) => this.revisionWaiters.push({ resolve, reject }));
    this.options.onState('saving');
    this.run();
    return done;
  }

  get hasUnsavedChanges(): boolean {
    return this.dirty || this.flight !== null || this.revisionWaiters.length > 0;
  }

  /**
   * No more edits come (another story opened). Text that has not reached the
   * store yet is still retried, a bounded number of times, so that a save that
   * failed as the story closed is not silently dropped.
   */
  dispose(): void {
    this.disposed = true;
    if (!this.hasUnsavedChanges) this.clearTimer();
  }

  private restartTimer(ms: number): void {
    this.clearTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      this.run();
    }, ms);
  }

  private clearTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private run(): void {
    if (this.flight !== null) return;
    const revisions = this.revisionWaiters;
    const flushes = this.flushWaiters;
    this.revisionWaiters = [];
    this.flushWaiters = [];
    const kind: SaveKind | null = revisions.length > 0 ? 'revision' : this.dirty ? 'autosave' : null;
    if (kind === null) {
      for (const resolve of flushes) resolve();
      return;
    }
    this.dirty = false;

    const snapshot = this.options.snapshot();
    if (!snapshot.ok) {
      // Nothing valid to send until the writer changes something.
      this.options.onState('error', snapshot.message);
      for (const waiter of revisions) waiter.reject(new Error(snapshot.message));
      for (const resolve of flushes) resolve();
      return;
    }

    const flight = [...flushes];
    this.flight = flight;
    this.options.onState('saving');
    this.options.send(kind, snapshot.content).then(
      () => {
        this.flight = null;
        for (const waiter of revisions) waiter.resolve();
        for (const resolve of flight) resolve();
        this.afterSend();
      },
      (error: unknown) => {
        this.flight = null;
        // The content did not reach the store: it is unsaved again.
        this.dirty = true;
        this.options.onState('error', error instanceof Error ? error.message : String(error));
        for (const waiter of revisions) waiter.reject(error);
        for (const resolve of flight) resolve();
        if (this.disposed && ++this.retriesAfterDispose > MAX_RETRIES_AFTER_DISPOSE) return;
        if (this.timer === null) this.restartTimer(this.options.retryMs);
      },
    );
  }

  private afterSend(): void {
    if (this.revisionWaiters.length > 0 || this.flushWaiters.length > 0) {
      this.run();
    } else if (!this.dirty) {
      this.options.onState('saved');
    } else if (this.timer === null) {
      // The debounce ran out while the request was in flight.
      this.run();
    }
    // Otherwise typing continues and its debounce timer will send it.
  }
}
