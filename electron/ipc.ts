import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { z } from 'zod';
import { isAppUrl } from './app-origin';
import { callErrorSchema, type CallError, type CallReply } from '../core/api/envelope';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';
import type { AppService } from './service-contract';

/**
 * A call is ours only if it comes from our window's webContents, from a frame
 * showing app://newsdesk. Identity, not liveness: the autosave a page sends as
 * its window closes must still be accepted.
 */
export function isTrustedSender(event: IpcMainInvokeEvent, trusted: WebContents | undefined): boolean {
  if (trusted === undefined || event.sender !== trusted) return false;
  const frame = event.senderFrame;
  return frame !== null && isAppUrl(frame.url);
}

const INTERNAL_ERROR: CallError = {
  code: 'INTERNAL',
  message: 'Newsdesk gặp lỗi nội bộ. Hãy thử lại; nếu vẫn lỗi, hãy khởi động lại ứng dụng.',
};

/**
 * Errors meant for the user (ServiceError) keep their code and
 * message. Anything else is a bug whose English text should not reach the
 * screen, so it is logged and replaced.
 */
export function toCallError(error: unknown): CallError {
  const named = error instanceof Error && error.name === 'ServiceError';
  const plain = !(error instanceof Error);
  const parsed = callErrorSchema.safeParse(error);
  if ((named || plain) && parsed.success) return { code: parsed.data.code, message: parsed.data.message };
  console.error('Newsdesk: unexpected error in a call', error);
  return INTERNAL_ERROR;
}

const handlerName = z.string().min(1).max(200);

export interface CallRouting {
  /** The main window's webContents, the only one allowed to call. */
  getTrustedContents(): WebContents | undefined;
  service: Pick<AppService, 'call'>;
  /** The service's HANDLER_NAMES: nothing else is forwarded to it. */
  serviceHandlerNames: readonly string[];
}

/** Registers the one call channel. Returns a function that unregisters it. */
export function handleCalls(routing: CallRouting): () => void {
  const serviceRoutes = new Set(routing.serviceHandlerNames);

  ipcMain.handle(CALL_CHANNEL, async (event, name: unknown, args: unknown): Promise<CallReply> => {
    if (!isTrustedSender(event, routing.getTrustedContents())) {
      return { ok: false, error: { code: 'FORBIDDEN', message: 'Lời gọi không đến từ cửa sổ của Newsdesk nên bị từ chối.' } };
    }
    const parsedName = handlerName.safeParse(name);
    if (!parsedName.success || !serviceRoutes.has(parsedName.data)) {
      return { ok: false, error: { code: 'UNKNOWN_HANDLER', message: 'Newsdesk không có chức năng này.' } };
    }
    try {
      const value = await routing.service.call(parsedName.data, args);
      return { ok: true, value };
    } catch (error) {
      return { ok: false, error: toCallError(error) };
    }
  });
  return () => ipcMain.removeHandler(CALL_CHANNEL);
}

export function sendEvent(contents: WebContents | undefined, name: string, payload: unknown): void {
  if (contents === undefined || contents.isDestroyed()) return;
  contents.send(EVENT_CHANNEL, { name, payload });
}

/** Relays every service event to the renderer. Returns a function that stops relaying. */
export function forwardServiceEvents(
  service: Pick<AppService, 'on'>,
  eventNames: readonly string[],
  getContents: () => WebContents | undefined,
): () => void {
  const unsubscribes = eventNames.map((name) => service.on(name, (payload) => sendEvent(getContents(), name, payload)));
  return () => {
    for (const unsubscribe of unsubscribes) unsubscribe();
  };
}
