// The client over Electron's preload bridge, `window.newsdesk`. The bridge is
// a foreign object from another process's point of view: its replies and event
// payloads are checked here like any other boundary.
import { readEventPayload, type EventName, type EventPayloads, type HandlerArgs, type HandlerName, type HandlerResults, type NewsdeskBridge } from '../../core/api';
import { ServiceError, type NewsdeskClient } from './client';
import { isEnvelope, readEnvelope } from './envelope';

/** The preload's bridge when this page runs inside the desktop app, else null. */
export function findBridge(host: unknown): NewsdeskBridge | null {
  if (typeof host !== 'object' || host === null || !('newsdesk' in host)) return null;
  const bridge: unknown = host.newsdesk;
  if (typeof bridge !== 'object' || bridge === null) return null;
  if (!('call' in bridge) || !('on' in bridge)) return null;
  if (typeof bridge.call !== 'function' || typeof bridge.on !== 'function') return null;
  return bridge as NewsdeskBridge;
}

/**
 * Electron rejects an invoke with "Error invoking remote method '…': Error: <message>"
 * and drops any code; keep the person-readable part.
 */
export function errorFromRejection(error: unknown): ServiceError {
  if (typeof error === 'object' && error !== null && 'code' in error && 'message' in error) {
    const { code, message } = error;
    if (typeof code === 'string' && typeof message === 'string' && message !== '') return new ServiceError(code, stripIpcPrefix(message));
  }
  if (error instanceof Error && error.message !== '') return new ServiceError('SERVICE_ERROR', stripIpcPrefix(error.message));
  return new ServiceError('SERVICE_ERROR', 'Dịch vụ Newsdesk báo lỗi');
}

function stripIpcPrefix(message: string): string {
  return message.replace(/^Error invoking remote method '[^']*': (?:\w*Error: )?/, '');
}

export function createBridgeClient(bridge: NewsdeskBridge): NewsdeskClient {
  async function call<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]> {
    let reply: unknown;
    try {
      reply = await bridge.call(name, args);
    } catch (error) {
      throw errorFromRejection(error);
    }
    // The preload may forward the same envelope as HTTP, or the bare result.
    if (!isEnvelope(reply)) return reply as HandlerResults[N];
    const envelope = readEnvelope(reply);
    if (!envelope.ok) throw envelope.error;
    return envelope.value as HandlerResults[N];
  }

  function on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void {
    return bridge.on(event, (payload) => {
      const checked = readEventPayload(event, payload);
      if (checked !== null) listener(checked);
    });
  }

  return { transport: 'electron', call, on };
}
