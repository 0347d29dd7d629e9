// Reading core/api's reply envelope on the renderer's side. Replies cross a
// process boundary, so they are parsed, never trusted; anything else becomes a
// readable ServiceError.
import { callReplySchema, type CallReply } from '../../core/api';
import { ServiceError } from './client';

export type Envelope = { ok: true; value: unknown } | { ok: false; error: ServiceError };

const BAD_RESPONSE = (): ServiceError => new ServiceError('BAD_RESPONSE', 'Dịch vụ Newsdesk trả lời không đúng định dạng');

/** True when a value has the envelope's shape (an ok reply must carry a `value` key). */
export function isEnvelope(value: unknown): value is CallReply {
  if (!callReplySchema.safeParse(value).success) return false;
  const reply = value as CallReply;
  return !reply.ok || 'value' in reply;
}

/** Reads an already-decoded envelope; anything that is not one is an error. */
export function readEnvelope(value: unknown): Envelope {
  if (!isEnvelope(value)) return { ok: false, error: BAD_RESPONSE() };
  return value.ok ? { ok: true, value: value.value } : { ok: false, error: new ServiceError(value.error.code, value.error.message) };
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
  if (!envelope.ok && envelope.error.code === 'BAD_RESPONSE') {
    if (status === 401) {
      return { ok: false, error: new ServiceError('UNAUTHORIZED', 'Mã truy cập không hợp lệ. Hãy mở lại địa chỉ mà Newsdesk in ra khi khởi động.') };
    }
    if (status >= 400) return { ok: false, error: httpError(status) };
  }
  if (envelope.ok && (status < 200 || status >= 300)) return { ok: false, error: httpError(status) };
  return envelope;
}

function httpError(status: number): ServiceError {
  return new ServiceError(`HTTP_${status}`, `Dịch vụ Newsdesk báo lỗi (HTTP ${status})`);
}
