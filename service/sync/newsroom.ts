// What the desk asks the newsroom server besides push and pull
// (core/sync/newsroom-api.ts): the pre-publication checklist, kept here so the
// desk can check a story offline; the user's notifications, polled after each
// sync round and raised as an event; a story's audit log and the list of
// users, asked when someone opens them.
//
// None of it may stop sync: a server that lacks an endpoint (older, or
// failing at it) leaves the desk with what it had; only "no answer" and "sign
// in again" end the round, as they do for push and pull.
import { z } from 'zod';
import type { AuditAnswer, ChecklistAnswer, DeskNotification, NotificationsAnswer, UsersAnswer } from '../../core/api';
import { notificationText } from '../../core/api';
import { checklistConfig, DEFAULT_CHECKLIST_CONFIG, type ChecklistConfig, type Notification } from '../../core/workflow';
import type { ServiceContext } from '../context';
import { SyncFailure, type SyncServerClient } from './server-client';
import type { SyncAccount } from './token-store';

/** The checklist is asked again after this long: sections change rarely. */
export const CHECKLIST_REFRESH_MS = 10 * 60_000;

const keptChecklist = z.object({ config: checklistConfig, fetchedAt: z.number() });

/** The account a notification or a checklist belongs to. */
export function accountOf(account: Pick<SyncAccount, 'serverUrl' | 'username'>): string {
  return `${account.serverUrl}|${account.username}`;
}

/** A server that lacks the endpoint or fails at it: the desk goes on without. */
function tolerable(error: unknown): boolean {
  return error instanceof SyncFailure && (error.kind === 'server' || error.kind === 'refused');
}

export interface NewsroomConnection {
  client: SyncServerClient;
  account: SyncAccount;
}

export class NewsroomSync {
  constructor(
    private readonly context: ServiceContext,
    /** The signed-in connection, or null; `reason` says in words why there is none. */
    private readonly connect: () => { connection: NewsroomConnection | null; reason: string },
  ) {}

  /** After a round's push and pull: the checklist when stale, read marks, new notifications. */
  async afterSync(client: SyncServerClient, account: SyncAccount): Promise<void> {
    await this.refreshChecklist(client, account).catch(this.unlessTolerable);
    await this.sendReads(client, account).catch(this.unlessTolerable);
    await this.pollNotifications(client, account).catch(this.unlessTolerable);
  }

  private readonly unlessTolerable = (error: unknown): void => {
    if (!tolerable(error)) throw error;
  };

  checklistConfig(): { config: ChecklistConfig; source: ChecklistAnswer['source'] } {
    const { connection } = this.connect();
    const serverUrl = connection?.account.serverUrl ?? this.context.settings.read().serverUrl;
    const kept = serverUrl === '' ? null : this.context.store.syncMeta.read(`checklist:${serverUrl}`, keptChecklist);
    return kept ? { config: kept.config, source: 'server' } : { config: DEFAULT_CHECKLIST_CONFIG, source: 'default' };
  }

  private async refreshChecklist(client: SyncServerClient, account: SyncAccount): Promise<void> {
    const key = `checklist:${account.serverUrl}`;
    const kept = this.context.store.syncMeta.read(key, keptChecklist);
    const now = this.context.clock().getTime();
    if (kept && now - kept.fetchedAt < CHECKLIST_REFRESH_MS) return;
    this.context.store.syncMeta.write(key, { config: await client.checklist(), fetchedAt: now });
  }

  private async sendReads(client: SyncServerClient, account: SyncAccount): Promise<void> {
    const inbox = this.context.store.notifications;
    const ids = inbox.unsentReads(accountOf(account));
    if (ids.length === 0) return;
    await client.markRead(ids);
    inbox.readsSent(accountOf(account), ids);
  }

  private async pollNotifications(client: SyncServerClient, account: SyncAccount): Promise<void> {
    const { store, events } = this.context;
    const key = accountOf(account);
    const fresh = await client.notifications(store.notifications.newest(key));
    const polledKey = `notificationsPolled:${key}`;
    // The first poll after sign-in fills the list; only later ones are news worth a pop-up.
    const alert = store.syncMeta.read(polledKey, z.literal(true)) === true;
    const added = store.notifications.receive(key, fresh);
    store.syncMeta.write(polledKey, true);
    if (added.length > 0) events.emit('notifications.new', { items: added.map((n) => this.describe(n)), alert });
  }

  /** A notification with its headline and text, in the desk's language. */
  describe(n: Notification): DeskNotification {
    const headline = this.context.stories.get(n.storyId)?.headline ?? '';
    const language = this.context.settings.read().language;
    return { ...n, headline, ...notificationText(n.kind, { actor: n.actor, headline }, language) };
  }

  notifications(): NotificationsAnswer {
    const account = this.account();
    if (account === null) return { items: [], unread: 0 };
    const key = accountOf(account);
    const inbox = this.context.store.notifications;
    return { items: inbox.list(key, account.username).map((n) => this.describe(n)), unread: inbox.unread(key) };
  }

  markRead(ids: readonly string[]): { unread: number } {
    const account = this.account();
    if (account === null) return { unread: 0 };
    const key = accountOf(account);
    this.context.store.notifications.markRead(key, ids);
    return { unread: this.context.store.notifications.unread(key) };
  }

  async audit(storyId: string): Promise<AuditAnswer> {
    const { connection, reason } = this.connect();
    if (connection === null) return { entries: null, unavailable: reason };
    try {
      return { entries: await connection.client.audit(storyId), unavailable: null };
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      if (error.status === 404) return { entries: null, unavailable: 'Bài chưa lên máy chủ nên chưa có nhật ký.' };
      if (error.kind === 'offline') return { entries: null, unavailable: `Đang ngoại tuyến: nhật ký bài chỉ xem được khi kết nối máy chủ. ${error.message}` };
      return { entries: null, unavailable: error.message };
    }
  }

  async users(): Promise<UsersAnswer> {
    const { connection, reason } = this.connect();
    if (connection === null) return { users: [], unavailable: reason };
    try {
      const users = await connection.client.users();
      return { users: users.map((u) => ({ username: u.username, role: u.role, displayName: u.displayName ?? u.username })), unavailable: null };
    } catch (error) {
      if (!(error instanceof SyncFailure)) throw error;
      return { users: [], unavailable: error.message };
    }
  }

  private account(): SyncAccount | null {
    return this.connect().connection?.account ?? null;
  }
}
