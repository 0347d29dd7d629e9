// What the renderer sees of the app service. Every screen and the editor talk
// through this one interface and never learn whether it is Electron IPC or the
// local HTTP transport underneath.
import type { EventName, EventPayloads, HandlerArgs, HandlerName, HandlerResults, CallError } from '../../core/api';

export type { EventName, EventPayloads, HandlerArgs, HandlerName, HandlerResults };

export interface NewsdeskClient {
  /** Which transport carries the calls; the UI uses it only to word help texts. */
  readonly transport: 'electron' | 'http';
  call<N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]>;
  /** Subscribes to a service event; returns the function that unsubscribes. */
  on<E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): () => void;
}

/** A failure a person can read: `message` is shown as is, `code` is for programs. */
export class ServiceError extends Error implements CallError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'ServiceError';
    this.code = code;
  }
}

/** Any thrown value as a ServiceError, so that the UI always has a readable message. */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof Error && error.name === 'AbortError') return new ServiceError('ABORTED', 'Yêu cầu đã bị hủy');
  return new ServiceError('UNEXPECTED', 'Đã có lỗi không mong muốn trong ứng dụng');
}
