// Runs sandboxed, before the page. It hands the page exactly two functions; the
// page never sees ipcRenderer, an IPC event object or anything from Node.
import { contextBridge, ipcRenderer, type IpcRenderer, type IpcRendererEvent } from 'electron';
import * as z from 'zod/mini';
import { callReplySchema, eventMessageSchema, type CallError, type NewsdeskBridge } from '../core/api/envelope';
import { CALL_CHANNEL, EVENT_CHANNEL } from './channels';

// The page's CSP forbids eval, and zod's compiled parsers would trip it.
z.config({ jitless: true });

type Listener = (payload: unknown) => void;

function bridgeError(code: string, message: string): CallError {
  return { code, message };
}

export function createNewsdeskBridge(ipc: Pick<IpcRenderer, 'invoke' | 'on' | 'removeListener'>): NewsdeskBridge {
  // One IPC listener for all subscriptions; each subscription is its own entry,
  // so subscribing the same function twice and unsubscribing once leaves one.
  const subscriptions = new Map<string, Set<{ listener: Listener }>>();
  const dispatch = (_event: IpcRendererEvent, message: unknown): void => {
    const parsed = eventMessageSchema.safeParse(message);
    if (!parsed.success) return;
    for (const { listener } of [...(subscriptions.get(parsed.data.name) ?? [])]) {
      try {
        listener(parsed.data.payload);
      } catch (error) {
        console.error('Newsdesk: an event listener failed', error);
      }
    }
  };

  return {
    async call(name, args) {
      if (typeof name !== 'string') throw bridgeError('INVALID_ARGS', 'Tên chức năng phải là một chuỗi.');
      const reply = callReplySchema.safeParse(await ipc.invoke(CALL_CHANNEL, name, args));
      if (!reply.success) throw bridgeError('INTERNAL', 'Newsdesk nhận được một trả lời không hợp lệ.');
      if (!reply.data.ok) throw bridgeError(reply.data.error.code, reply.data.error.message);
      return reply.data.value;
    },

    on(event, listener) {
      if (typeof event !== 'string' || typeof listener !== 'function') {
        throw bridgeError('INVALID_ARGS', 'Cần tên sự kiện và một hàm lắng nghe.');
      }
      if (subscriptions.size === 0) ipc.on(EVENT_CHANNEL, dispatch);
      const entry = { listener };
      const entries = subscriptions.get(event) ?? new Set();
      entries.add(entry);
      subscriptions.set(event, entries);
      return () => {
        if (!entries.delete(entry)) return;
        if (entries.size === 0) subscriptions.delete(event);
        if (subscriptions.size === 0) ipc.removeListener(EVENT_CHANNEL, dispatch);
      };
    },
  };
}

contextBridge.exposeInMainWorld('newsdesk', createNewsdeskBridge(ipcRenderer));
