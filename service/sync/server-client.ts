// The publishing server's sync API as the desktop calls it: every request has a
// time limit, every answer is checked with the protocol's zod schemas, and every
// failure is a SyncFailure whose kind tells the worker what to do next:
//   offline       no answer (refused, reset, cut, timed out): retry later
//   unauthorized  the token is no longer good: the user must sign in again
//   refused       the server read the request and said no (400, 413…): do not resend it as is
//   server        the server failed, is not a Newsdesk server, or answered nonsense: retry later
import { z } from 'zod';
import {
  auditAnswer,
  errorBody,
  loginResponse,
  newsroomUser,
  notificationsAnswer,
  pullPage,
  pushResponse,
  revisionsAnswer,
  type LoginResponse,
  type NewsroomUser,
  type PullPage,
  type RevisionsAnswer,
  type PushResponse,
  type OutboxOp,
  notesPage,
  presenceAnswer,
  type NotesPage,
  type PresenceAnswer,
} from '../../core/sync';
import { checklistConfig, role, username, type AuditEntry, type ChecklistConfig, type Notification } from '../../core/workflow';

/**
 * Who works in the newsroom, as /api/users and /api/me answer. Read leniently:
 * servers before display names send only the user name and role.
 */
const person = z.object({ username, role, displayName: z.string().min(1).max(100).optional() });
export type Person = z.infer<typeof person>;
const people = z.object({ users: z.array(person) });

export type SyncFailureKind = 'offline' | 'unauthorized' | 'refused' | 'server';

export class SyncFailure extends Error {
  override readonly name = 'SyncFailure';

  constructor(
    readonly kind: SyncFailureKind,
    message: string,
    readonly status: number | null = null,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** No answer within the time limit (as opposed to a refused or cut connection). */
  get timedOut(): boolean {
    return this.kind === 'offline' && causeCode(this.cause) === 'TimeoutError';
  }
}

export type Fetch = typeof fetch;

/**
 * The push request's JSON. Payloads are spliced in as stored instead of being
 * parsed and written again: a backlog push carries megabytes of story text.
 */
export function pushBody(ops: readonly OutboxOp[]): string {
  const items = ops.map(({ opId, kind, storyId, baseRev, payloadJson }) => {
    const head = JSON.stringify({ opId, kind, storyId, baseRev });
    return payloadJson === null ? head : `${head.slice(0, -1)},"payload":${payloadJson}}`;
  });
  return `{"ops":[${items.join(',')}]}`;
}

/** Answers about the request itself: sending the same bytes again gets the same answer. */
const REFUSALS = new Set([400, 413, 415, 422, 429]);

export interface ServerClientOptions {
  baseUrl: string;
  token?: string;
  fetch?: Fetch;
  timeoutMs: number;
  /** Aborts every request of this client (the service is closing). */
  signal?: AbortSignal;
}

function hostOf(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return baseUrl;
  }
}

function causeCode(error: unknown): string {
  for (let e: unknown = error, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) {
    if (e.name === 'TimeoutError' || e.name === 'AbortError') return e.name;
    const code = (e as Error & { code?: unknown }).code;
    if (typeof code === 'string') return code;
  }
  return '';
}

/** Why no answer came, in words. */
export function describeNetworkError(error: unknown, host: string, timeoutMs: number): string {
  switch (causeCode(error)) {
    case 'ECONNREFUSED':
      return `Không kết nối được tới máy chủ ${host}: máy chủ không chạy hoặc địa chỉ sai.`;
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return `Không tìm thấy máy chủ ${host}: hãy kiểm tra địa chỉ và kết nối mạng.`;
    case 'TimeoutError':
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return `Máy chủ ${host} không trả lời sau ${Math.max(1, Math.round(timeoutMs / 1000))} giây.`;
    case 'AbortError':
      return 'Đồng bộ đã dừng.';
    default:
      return `Mất kết nối tới máy chủ ${host} giữa chừng.`;
  }
}

async function readAtMost(response: Response, maxBytes: number, host: string): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let total = 0;
  const reader = response.body?.getReader();
  if (!reader) return new Uint8Array(0);
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw new SyncFailure('refused', `Máy chủ ${host} gửi một ảnh lớn hơn giới hạn.`, response.status);
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.byteLength;
  }
  return bytes;
}

export class SyncServerClient {
  private readonly fetch: Fetch;
  readonly host: string;

  constructor(private readonly options: ServerClientOptions) {
    this.fetch = options.fetch ?? fetch;
    this.host = hostOf(options.baseUrl);
  }

  login(username: string, password: string): Promise<LoginResponse> {
    return this.request('POST', '/api/login', loginResponse, { username, password });
  }

  async logout(): Promise<void> {
    await this.send('POST', '/api/logout');
  }

  /** Notes after the cursor (GET /api/sync/notes), or only one story's. */
  notes(cursor: number, limit: number, storyId?: string): Promise<NotesPage> {
    const story = storyId === undefined ? '' : `&storyId=${encodeURIComponent(storyId)}`;
    return this.request('GET', `/api/sync/notes?cursor=${cursor}&limit=${limit}${story}`, notesPage);
  }

  /** "I am editing this story": a presence heartbeat; answers who is. */
  presenceHeartbeat(storyId: string): Promise<PresenceAnswer> {
    return this.request('POST', '/api/presence', presenceAnswer, { storyId });
  }

  async presenceLeave(storyId: string): Promise<void> {
    await this.send('DELETE', `/api/presence/${encodeURIComponent(storyId)}`);
  }

  presence(storyId: string): Promise<PresenceAnswer> {
    return this.request('GET', `/api/presence/${encodeURIComponent(storyId)}`, presenceAnswer);
  }

  /** `timeoutMs`: a large batch may need longer than the client's usual limit. */
  push(ops: readonly OutboxOp[], timeoutMs?: number): Promise<PushResponse> {
    return this.request('POST', '/api/sync/push', pushResponse, pushBody(ops), timeoutMs);
  }

  /** Content-addressed and idempotent: the same bytes always land at the same address. */
  async putMedia(sha256: string, bytes: Uint8Array): Promise<void> {
    await this.send('PUT', `/api/media/${sha256}`, bytes);
  }

  /**
   * An image's bytes (GET /media/<sha256>, signed in: the story may not be
   * published), or null when the server has no such image. An answer longer
   * than `maxBytes` is refused as soon as it says so or grows past it, never
   * read whole.
   */
  async getMedia(sha256: string, maxBytes: number): Promise<Uint8Array | null> {
    const timeoutMs = this.options.timeoutMs;
    const headers: Record<string, string> = { accept: 'image/*' };
    if (this.options.token) headers.authorization = `Bearer ${this.options.token}`;
    const signals = [AbortSignal.timeout(timeoutMs), ...(this.options.signal ? [this.options.signal] : [])];
    try {
      const response = await this.fetch(`${this.options.baseUrl}/media/${sha256}`, {
        headers,
        signal: AbortSignal.any(signals),
        redirect: 'error',
      });
      if (response.status === 404) {
        await response.body?.cancel();
        return null;
      }
      if (response.status < 200 || response.status >= 300) throw this.failure(response.status, await response.text());
      const declared = Number(response.headers.get('content-length') ?? '0');
      if (declared > maxBytes) {
        await response.body?.cancel();
        throw new SyncFailure('refused', `Máy chủ ${this.host} gửi một ảnh lớn hơn giới hạn.`, response.status);
      }
      return await readAtMost(response, maxBytes, this.host);
    } catch (error) {
      if (error instanceof SyncFailure) throw error;
      throw new SyncFailure('offline', describeNetworkError(error, this.host, timeoutMs), null, { cause: error });
    }
  }

  /** Who the token belongs to, as the server names them now. */
  me(): Promise<NewsroomUser> {
    return this.request('GET', '/api/me', newsroomUser);
  }

  /** The versions the server keeps of a story, newest first. */
  revisions(storyId: string): Promise<RevisionsAnswer> {
    return this.request('GET', `/api/stories/${encodeURIComponent(storyId)}/revisions`, revisionsAnswer);
  }

  pull(cursor: number, limit: number): Promise<PullPage> {
    return this.request('GET', `/api/sync/pull?cursor=${cursor}&limit=${limit}`, pullPage);
  }

  async audit(storyId: string): Promise<AuditEntry[]> {
    return (await this.request('GET', `/api/stories/${encodeURIComponent(storyId)}/audit`, auditAnswer)).entries;
  }

  /** The caller's notifications newer than `after`, newest first. */
  async notifications(after: string | null): Promise<Notification[]> {
    const query = after === null ? '' : `?after=${encodeURIComponent(after)}`;
    return (await this.request('GET', `/api/notifications${query}`, notificationsAnswer)).notifications;
  }

  async markRead(ids: readonly string[]): Promise<void> {
    await this.send('POST', '/api/notifications/read', JSON.stringify({ ids }));
  }

  checklist(): Promise<ChecklistConfig> {
    return this.request('GET', '/api/workflow/checklist', checklistConfig);
  }

  async users(): Promise<Person[]> {
    return (await this.request('GET', '/api/users', people)).users;
  }

  private async request<T>(method: string, path: string, schema: z.ZodType<T>, body?: unknown, timeoutMs?: number): Promise<T> {
    const json = typeof body === 'string' || body === undefined ? body : JSON.stringify(body);
    const { status, text } = await this.send(method, path, json, timeoutMs);
    let decoded: unknown;
    try {
      decoded = JSON.parse(text);
    } catch (error) {
      throw new SyncFailure('server', `Máy chủ ${this.host} trả lời không phải JSON.`, status, { cause: error });
    }
    const parsed = schema.safeParse(decoded);
    if (!parsed.success) {
      throw new SyncFailure('server', `Máy chủ ${this.host} trả lời không đúng định dạng đồng bộ.`, status, {
        cause: parsed.error,
      });
    }
    return parsed.data;
  }

  /** One request (`body`: JSON text, or bytes) and its whole answer; any status but 2xx is a SyncFailure. */
  private async send(
    method: string,
    path: string,
    body?: string | Uint8Array,
    timeoutMs = this.options.timeoutMs,
  ): Promise<{ status: number; text: string }> {
    const { token, signal } = this.options;
    const headers: Record<string, string> = { accept: 'application/json' };
    if (token) headers.authorization = `Bearer ${token}`;
    if (body !== undefined) headers['content-type'] = typeof body === 'string' ? 'application/json' : 'application/octet-stream';
    const signals = [AbortSignal.timeout(timeoutMs), ...(signal ? [signal] : [])];
    let status: number;
    let text: string;
    try {
      const response = await this.fetch(`${this.options.baseUrl}${path}`, {
        method,
        headers,
        // Copied into a plain ArrayBuffer-backed view: fetch's types refuse Node's pooled buffers.
        body: typeof body === 'string' || body === undefined ? body : new Uint8Array(body),
        signal: AbortSignal.any(signals),
        redirect: 'error',
      });
      status = response.status;
      // Reading the body is part of the answer: a cut here means no answer.
      text = await response.text();
    } catch (error) {
      throw new SyncFailure('offline', describeNetworkError(error, this.host, timeoutMs), null, { cause: error });
    }
    if (status < 200 || status >= 300) throw this.failure(status, text);
    return { status, text };
  }

  private failure(status: number, text: string): SyncFailure {
    let said: string | null = null;
    try {
      const body = errorBody.safeParse(JSON.parse(text));
      if (body.success) said = body.data.error.message;
    } catch {
      said = null;
    }
    if (status === 401) return new SyncFailure('unauthorized', said ?? 'Cần đăng nhập lại máy chủ.', status);
    if (REFUSALS.has(status)) {
      return new SyncFailure('refused', said ?? `Máy chủ từ chối yêu cầu (HTTP ${status}).`, status);
    }
    if (status === 404 || status === 405) {
      return new SyncFailure('server', `Địa chỉ ${this.host} không phải máy chủ Newsdesk (HTTP ${status}).`, status);
    }
    return new SyncFailure('server', `Máy chủ ${this.host} gặp lỗi (HTTP ${status})${said ? `: ${said}` : '.'}`, status);
  }
}
