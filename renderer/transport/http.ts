// The client over the app service's local HTTP transport: `POST /rpc/<name>`
// with a bearer token, and server-sent events at `/events` (EventSource cannot
// set headers, so the token rides in the query string there).
import { isEventName, readEventPayload, type EventName, type EventPayloads, type HandlerArgs, type HandlerName, type HandlerResults } from '../../core/api';
import { ServiceError, type NewsdeskClient } from './client';
import { readHttpReply } from './envelope';

export interface HttpClientOptions {
  /** Origin of the app service, e.g. `http://127.0.0.1:5173`. */
  origin: string;
  token: string | null;
  fetch?: typeof fetch;
  createEventSource?: (url: string) => EventSource;
}

const NO_TOKEN = new ServiceError(
  'UNAUTHORIZED',
  'Thiếu mã truy cập. Hãy mở địa chỉ đầy đủ (có ?token=…) mà Newsdesk in ra khi khởi động.',
);

// In characters: Vietnamese takes up to three bytes each in UTF-8, and keepalive bodies are capped at 64 KiB.
const KEEPALIVE_LIMIT = 20_000;

export function createHttpClient(options: HttpClientOptions): NewsdeskClient {
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  const openEvents = options.createEventSource ?? ((url: string) => new EventSource(url));
  const listeners = new Map<EventName, Set<(payload: unknown) => void>>();
  let source: EventSource | null = null;

  async function call<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]> {
    if (options.token === null) throw NO_TOKEN;
    let response: Response;
    const body = JSON.stringify(args);
    try {
      response = await doFetch(`${options.origin}/rpc/${encodeURIComponent(name)}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${options.token}` },
        body,
        // keepalive lets the save sent as the tab closes finish.
        keepalive: body.length < KEEPALIVE_LIMIT,
      });
    } catch {
      throw new ServiceError('OFFLINE', 'Không kết nối được với dịch vụ Newsdesk trên máy này. Dịch vụ có còn chạy không?');
    }
    const envelope = readHttpReply(response.status, await response.text());
    if (!envelope.ok) throw envelope.error;
    // The envelope is checked; the result's shape is the contract's promise for this handler.
    return envelope.value as HandlerResults[N];
  }

  function ensureSource(): EventSource | null {
    if (source !== null || options.token === null) return source;
    source = openEvents(`${options.origin}/events?token=${encodeURIComponent(options.token)}`);
    for (const event of listeners.keys()) listenOnSource(source, event);
    return source;
  }

  function listenOnSource(target: EventSource, event: EventName): void {
    target.addEventListener(event, (message) => {
      if (!(message instanceof MessageEvent) || typeof message.data !== 'string' || !isEventName(event)) return;
      let decoded: unknown;
      try {
        decoded = JSON.parse(message.data);
      } catch {
        return;
      }
      const payload = readEventPayload(event, decoded);
      if (payload === null) return;
      for (const listener of [...(listeners.get(event) ?? [])]) listener(payload);
    });
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    let set = listeners.get(event);
    if (set === undefined) {
      set = new Set();
      listeners.set(event, set);
      if (source !== null) listenOnSource(source, event);
    }
    // Payloads in a set are checked against that set's event before dispatch.
    const untyped = listener as (payload: unknown) => void;
    set.add(untyped);
    ensureSource();
    return () => {
      set.delete(untyped);
    };
  }

  return { transport: 'http', call, on };
}
