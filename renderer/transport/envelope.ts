// The reply envelope both transports use: `{ok:true,result}` or
// `{ok:false,error:{code,message}}`. Replies cross a process boundary, so they
// are parsed, never trusted; anything else becomes a readable ServiceError.
import { z } from 'zod';
import { EVENT_NAMES, SAVE_STATES, type EventName, type EventPayloads } from '../../core/api';
import { ServiceError } from './client';

const okEnvelope = z.object({ ok: z.literal(true), result: z.unknown() });
const errorEnvelope = z.object({
  ok: z.literal(false),
  error: z.object({ code: z.string().min(1), message: z.string().min(1) }),
});

export type Envelope = { ok: true; result: unknown } | { ok: false; error: ServiceError };

/** True when a value has the envelope's shape (an `ok:true` envelope must carry a `result` key). */
export function isEnvelope(value: unknown): boolean {
  if (typeof value !== 'object' || value === null) return false;
  if (errorEnvelope.safeParse(value).success) return true;
  return okEnvelope.safeParse(value).success && 'result' in value;
}

/** Reads an already-decoded envelope; anything that is not one is an error. */
export function readEnvelope(value: unknown): Envelope {
  const failed = errorEnvelope.safeParse(value);
  if (failed.success) return { ok: false, error: new ServiceError(failed.data.error.code, failed.data.error.message) };
  const succeeded = okEnvelope.safeParse(value);
  if (succeeded.success && typeof value === 'object' && value !== null && 'result' in value) {
    return { ok: true, result: succeeded.data.result };
  }
  return { ok: false, error: new ServiceError('bad-response', 'Dịch vụ Newsdesk trả lời không đúng định dạng') };
}

/** Reads an HTTP reply: its status and raw body text. */
export function readHttpReply(status: number, bodyText: string): Envelope {
  let decoded: unknown;
  try {
    decoded = JSON.parse(bodyText);
  } catch {
    decoded = undefined;
  }
  const envelope = readEnvelope(decoded);
  if (!envelope.ok && envelope.error.code === 'bad-response') {
    if (status === 401) {
      return { ok: false, error: new ServiceError('unauthorized', 'Mã truy cập không hợp lệ. Hãy mở lại địa chỉ mà Newsdesk in ra khi khởi động.') };
    }
    if (status >= 400) {
      return { ok: false, error: new ServiceError(`http-${status}`, `Dịch vụ Newsdesk báo lỗi (HTTP ${status})`) };
    }
  }
  if (envelope.ok && (status < 200 || status >= 300)) {
    return { ok: false, error: new ServiceError(`http-${status}`, `Dịch vụ Newsdesk báo lỗi (HTTP ${status})`) };
  }
  return envelope;
}

const eventSchemas = {
  'story.changed': z.object({ id: z.string() }),
  'save.state': z.object({ id: z.string(), state: z.enum(SAVE_STATES), message: z.string().optional() }),
  'sync.state': z.object({
    online: z.boolean(),
    pending: z.number(),
    lastError: z.string().nullable(),
    lastSyncedAt: z.string().nullable(),
    signedIn: z.boolean().optional(),
    syncing: z.boolean().optional(),
    progress: z.object({ sent: z.number(), total: z.number() }).nullable().optional(),
    conflicts: z.number().optional(),
  }),
  'menu.command': z.object({ command: z.enum(['new-story', 'import', 'save-revision', 'settings']) }),
} satisfies { [E in EventName]: z.ZodType<EventPayloads[E]> };

export function isEventName(name: string): name is EventName {
  return (EVENT_NAMES as readonly string[]).includes(name);
}

/** An event payload checked against its schema; null when it does not match (it is then dropped). */
export function readEventPayload<E extends EventName>(event: E, payload: unknown): EventPayloads[E] | null {
  const parsed = eventSchemas[event].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayloads[E]) : null;
}
