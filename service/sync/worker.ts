// The background sync worker. It runs on its own timers, apart from the
// handlers: a save only writes the outbox and nudges the worker, so typing and
// saving never wait on the network.
//
// One round ("cycle"): push the outbox in batches (one op per story per batch,
// at most maxOpsPerPush ops), then pull from the cursor until nothing more.
//   - success        → online; next round after pollIntervalMs (sooner on a local change)
//   - no answer      → offline; retry after a backoff with full jitter
//   - server trouble → online but failing; same backoff
//   - 401            → the token is forgotten; nothing more until the user signs in
// Every change of what the indicator shows is sent as a 'sync.state' event.
// After push and pull, the newsroom's extras (./newsroom): checklist, notifications.
import type { SyncStatus } from '../../core/api';
import { ACTION_LABELS, role as roleSchema, type WorkflowUser } from '../../core/workflow';
import { backoffDelay, DEFAULT_BACKOFF, normalizeServerUrl, type BackoffPolicy } from '../../core/sync';
import { signedInAs, type ServiceContext } from '../context';
import { ServiceError } from '../errors';
import type { ConflictStore } from '../../db/sync-state/conflicts';
import type { MediaUploader } from './media-upload';
import { accountKey, SIGNED_IN_KEY, timeValue, type SyncMeta } from '../../db/sync-state/sync-meta';
import { refreshProfile, rememberAccount } from './profile';
import { syncLimits, systemTimers, type SyncLimits, type SyncOptions, type SyncTimers } from './options';
import type { Outbox } from '../../db/outbox/outbox';
import { NewsroomSync, type NewsroomConnection } from './newsroom';
import { pullNotes } from './notes-sync';
import { pullChanges } from './pull';
import { OutboxPusher } from './push';
import type { Reconciler } from '../../db/sync-state/reconcile';
import { SyncFailure, SyncServerClient, type Fetch } from './server-client';
import type { StoredToken, SyncAccount, TokenStore } from './token-store';

export interface SyncWorkerDeps {
  context: ServiceContext;
  outbox: Outbox;
  reconciler: Reconciler;
  conflicts: ConflictStore;
  meta: SyncMeta;
  media: MediaUploader;
  tokenStore: TokenStore;
}

type Outcome = 'ok' | 'failed' | 'signed-out' | 'idle';

const EXPIRED = 'Phiên đăng nhập đã hết hạn, hãy đăng nhập lại.';

export class SyncWorker {
  private readonly fetch: Fetch | undefined;
  private readonly random: () => number;
  private readonly timers: SyncTimers;
  private readonly backoff: BackoffPolicy;
  private readonly limits: SyncLimits;
  private readonly pusher: OutboxPusher;
  readonly newsroom: NewsroomSync;
  private readonly abort = new AbortController();

  private token: StoredToken | null = null;
  private online = false;
  private failures = 0;
  private transientError: string | null = null;
  private syncing = false;
  private progress: { sent: number; total: number } | null = null;
  private timer: { handle: unknown; due: number } | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private lastEmitted = '';
  private publishPending = false;
  private unsubscribe: (() => void) | null = null;
  /** Whether this run has asked the server who the signed-in account is. */
  private profileChecked = false;

  constructor(
    private readonly deps: SyncWorkerDeps,
    options: SyncOptions = {},
  ) {
    this.fetch = options.fetch;
    this.random = options.random ?? Math.random;
    this.timers = options.timers ?? systemTimers;
    this.backoff = options.backoff ?? DEFAULT_BACKOFF;
    this.limits = syncLimits(options);
    this.pusher = new OutboxPusher(deps, this.limits);
    this.newsroom = new NewsroomSync(deps.context, () => this.connection());
  }

  /**
   * Who acts on this desk: the signed-in account with its newsroom role. An
   * expired sign-in is still the same person, whose actions queue until they
   * sign in again; signed out, or with the role not yet known, nobody.
   */
  user(): WorkflowUser | null {
    const token = this.token;
    if (!token?.role) return null;
    if (normalizeServerUrl(this.deps.context.settings.read().serverUrl) !== token.serverUrl) return null;
    return { username: token.username, role: token.role };
  }

  private connection(): { connection: NewsroomConnection | null; reason: string } {
    const account = this.account();
    if (account === null) return { connection: null, reason: 'Chưa đăng nhập máy chủ toà soạn.' };
    return { connection: { client: this.client(account.serverUrl, account.token), account }, reason: '' };
  }

  /** Loads the token and, when signed in to the configured server, starts syncing at once. */
  async start(): Promise<void> {
    this.deps.outbox.releaseAll();
    try {
      this.token = await this.deps.tokenStore.get();
    } catch (error) {
      console.error('Newsdesk: the sign-in token could not be read', error);
      this.token = null;
    }
    this.unsubscribe = this.deps.outbox.onChange(() => this.localChange());
    if (this.account()) this.schedule(0);
    this.publish();
  }

  /** Stops timers and requests; ops on their way go back to the queue unchanged. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.clearTimer();
    this.unsubscribe?.();
    this.abort.abort();
    await this.running;
    this.deps.outbox.releaseAll();
  }

  status(): SyncStatus {
    const { outbox, conflicts, context } = this.deps;
    const account = this.account();
    const dead = outbox.latestDead();
    const setAside = this.deps.context.store.setAside.total();
    const refused = dead
      ? dead.action === null
        ? `Máy chủ không nhận bài “${dead.headline.trim() || 'Chưa có tít'}”: ${dead.error}`
        : `Máy chủ không nhận thao tác “${ACTION_LABELS[dead.action]}” với bài “${dead.headline.trim() || 'Chưa có tít'}”: ${dead.error}`
      : setAside > 0
        ? `${setAside} bài từ máy chủ không lưu được trên máy này (xem danh sách lỗi đồng bộ)`
        : null;
    const expired = this.token !== null && account === null && this.tokenExpired() ? EXPIRED : null;
    return {
      online: account !== null && this.online,
      pending: outbox.unsentCount(),
      lastError: this.transientError ?? refused ?? expired,
      lastSyncedAt: account ? this.deps.meta.read(accountKey('lastSyncedAt', account.serverUrl, account.username), timeValue) : null,
      signedIn: account !== null,
      syncing: this.syncing,
      progress: this.progress,
      conflicts: conflicts.openCount(),
      serverUrl: context.settings.read().serverUrl,
      username: account?.username ?? null,
      displayName: account ? (signedInAs(context)?.displayName ?? account.username) : null,
      role: account?.role ?? null,
    };
  }

  /** For a request besides sync (a story's server versions): a client of the signed-in server, or null. */
  newsroomClient(timeoutMs = this.limits.requestTimeoutMs): SyncServerClient | null {
    const account = this.account();
    return account ? this.client(account.serverUrl, account.token, timeoutMs) : null;
  }

  /** Runs a round now (after the one under way, if any) and answers how it went. */
  async syncNow(): Promise<SyncStatus> {
    if (this.running) await this.running;
    await this.run();
    return this.status();
  }

  async signIn(serverUrl: string, username: string, password: string): Promise<SyncStatus> {
    const url = normalizeServerUrl(serverUrl);
    if (url === null) {
      throw new ServiceError('INVALID_SERVER_URL', 'Địa chỉ máy chủ phải có dạng http://… hoặc https://…, không kèm tham số.');
    }
    const client = this.client(url, undefined);
    let answer;
    try {
      answer = await client.login(username.trim(), password);
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      if (error.kind === 'offline') {
        this.online = false;
        this.publish();
      }
      const kind = error.kind === 'offline' || error.kind === 'server' ? 'unavailable' : 'invalid';
      throw new ServiceError('SIGN_IN_FAILED', error.message, kind, { cause: error });
    }
    const name = answer.user?.username ?? username.trim().toLowerCase();
    const role = roleSchema.safeParse(answer.user?.role);
    const token: StoredToken = {
      token: answer.token,
      serverUrl: url,
      username: name,
      expiresAt: answer.expiresAt,
      ...(role.success ? { role: role.data } : {}),
    };
    await this.deps.tokenStore.set(token);
    this.token = token;
    // From now on new stories are written as the account the server knows, with its display name as byline.
    rememberAccount(this.deps.meta, url, { username: name, displayName: answer.user?.displayName ?? name, role: answer.user?.role ?? null });
    this.profileChecked = true;
    this.deps.context.settings.write({ serverUrl: url, userName: name });
    this.online = true;
    this.failures = 0;
    this.transientError = null;
    this.publish();
    if (!this.stopped) void this.run();
    return this.status();
  }

  /** Forgets the token (and tells the server, if it answers quickly). Local changes stay queued. */
  async signOut(): Promise<SyncStatus> {
    const account = this.account();
    if (account) {
      await this.client(account.serverUrl, account.token, 3_000)
        .logout()
        .catch(() => undefined);
    }
    await this.forgetToken();
    this.deps.meta.write(SIGNED_IN_KEY, null);
    this.transientError = null;
    this.publish();
    return this.status();
  }

  private async forgetToken(): Promise<void> {
    this.token = null;
    this.online = false;
    this.clearTimer();
    try {
      await this.deps.tokenStore.clear();
    } catch (error) {
      console.error('Newsdesk: the sign-in token could not be removed', error);
    }
  }

  private tokenExpired(): boolean {
    return this.token !== null && Date.parse(this.token.expiresAt) <= this.deps.context.clock().getTime();
  }

  /** Who to sync as: only with a live token for exactly the configured server. */
  private account(): SyncAccount | null {
    const token = this.token;
    if (!token || this.tokenExpired()) return null;
    if (normalizeServerUrl(this.deps.context.settings.read().serverUrl) !== token.serverUrl) return null;
    return { serverUrl: token.serverUrl, token: token.token, username: token.username, ...(token.role ? { role: token.role } : {}) };
  }

  private client(baseUrl: string, token: string | undefined, timeoutMs = this.limits.requestTimeoutMs): SyncServerClient {
    return new SyncServerClient({
      baseUrl,
      ...(token ? { token } : {}),
      ...(this.fetch ? { fetch: this.fetch } : {}),
      timeoutMs,
      signal: this.abort.signal,
    });
  }

  private localChange(): void {
    if (this.stopped) return;
    this.publishSoon();
    if (!this.account()) return;
    if (this.running) {
      this.again = true;
      return;
    }
    // While backing off, the retry timer will carry this change too.
    if (this.failures > 0) return;
    this.schedule(this.limits.kickDelayMs, { onlyIfSooner: true });
  }

  private schedule(ms: number, options: { onlyIfSooner?: boolean } = {}): void {
    const due = this.timers.now() + ms;
    if (options.onlyIfSooner && this.timer && this.timer.due <= due) return;
    this.clearTimer();
    const handle = this.timers.setTimeout(() => {
      this.timer = null;
      void this.run();
    }, ms);
    this.timer = { handle, due };
  }

  private clearTimer(): void {
    if (this.timer) this.timers.clearTimeout(this.timer.handle);
    this.timer = null;
  }

  private run(): Promise<void> {
    if (this.stopped) return Promise.resolve();
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.clearTimer();
    this.again = false;
    const round = this.cycle()
      .then((outcome) => this.scheduleAfter(outcome))
      .catch((error: unknown) => console.error('Newsdesk: the sync worker failed', error))
      .finally(() => {
        this.running = null;
        this.publish();
      });
    this.running = round;
    return round;
  }

  private scheduleAfter(outcome: Outcome): void {
    if (this.stopped) return;
    if (outcome === 'ok') this.schedule(this.again ? this.limits.kickDelayMs : this.limits.pollIntervalMs);
    else if (outcome === 'failed') this.schedule(backoffDelay(this.failures, this.random, this.backoff));
    this.again = false;
  }

  private async cycle(): Promise<Outcome> {
    const account = this.account();
    if (!account) return 'idle';
    const client = this.client(account.serverUrl, account.token);
    this.syncing = true;
    this.publish();
    try {
      const hooks = {
        stopped: () => this.stopped,
        answered: () => this.answered(),
        changed: () => this.announce(),
        progress: (progress: { sent: number; total: number }) => {
          this.progress = progress;
          this.publish();
        },
      };
      await this.pusher.pushAll(client, account, hooks);
      await pullNotes(this.deps.context, client, account, this.limits.pullLimit, hooks);
      await pullChanges(this.deps, client, account, this.limits.pullLimit, hooks);
      if (!this.profileChecked) {
        this.token = await refreshProfile(client, account, { meta: this.deps.meta, tokenStore: this.deps.tokenStore, token: this.token });
        this.profileChecked = true;
      }
      await this.newsroom.afterSync(client, account);
      this.failures = 0;
      this.transientError = null;
      this.deps.meta.write(
        accountKey('lastSyncedAt', account.serverUrl, account.username),
        this.deps.context.clock().toISOString(),
      );
      return 'ok';
    } catch (error) {
      if (this.stopped) return 'idle';
      const failure =
        error instanceof SyncFailure
          ? error
          : new SyncFailure('server', 'Đồng bộ gặp lỗi không mong muốn; Newsdesk sẽ thử lại.', null, { cause: error });
      if (!(error instanceof SyncFailure)) console.error('Newsdesk: unexpected error while syncing', error);
      this.transientError = failure.message;
      this.online = failure.kind !== 'offline';
      if (failure.kind === 'unauthorized') {
        await this.forgetToken();
        return 'signed-out';
      }
      this.failures += 1;
      return 'failed';
    } finally {
      this.syncing = false;
      this.progress = null;
    }
  }

  private answered(): void {
    if (this.online) return;
    this.online = true;
    this.publish();
  }

  /** Tells the windows which stories the server's answers changed here. */
  private announce(): void {
    for (const id of this.deps.reconciler.takeTouched()) this.deps.context.events.emit('story.changed', { id });
  }

  /**
   * After the writing handler has returned and announced its own change: one
   * 'sync.state' for a burst of writes, and never inside the save.
   */
  private publishSoon(): void {
    if (this.publishPending) return;
    this.publishPending = true;
    setImmediate(() => {
      this.publishPending = false;
      this.publish();
    });
  }

  private publish(): void {
    if (this.stopped) return;
    const state = this.status();
    const key = JSON.stringify(state);
    if (key === this.lastEmitted) return;
    this.lastEmitted = key;
    this.deps.context.events.emit('sync.state', state);
  }
}
