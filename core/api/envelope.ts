// The one reply envelope, bridge and event message that every transport speaks:
// Electron IPC (main ↔ preload), the preload's `window.newsdesk`, the local HTTP
// transport and the renderer's clients. Replies cross a process boundary, so
// each receiver parses them with these schemas and never trusts their shape.
//
// Errors travel as data, not thrown: Electron flattens a thrown error into an
// English string and drops its code. zod/mini keeps the preload bundle small,
// and its parsers run without eval under the page's CSP (see the preload).
import * as z from 'zod/mini';

export const callErrorSchema = z.object({ code: z.string().check(z.minLength(1)), message: z.string().check(z.minLength(1)) });
/** An error a person can read (`message`, Vietnamese), with a stable UPPER_SNAKE `code` for programs. */
export type CallError = z.infer<typeof callErrorSchema>;

/** `{ok:true,value}` or `{ok:false,error:{code,message}}`, on every transport. */
export const callReplySchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: callErrorSchema }),
]);
export type CallReply = { ok: true; value: unknown } | { ok: false; error: CallError };

/** One service event as it travels: its name and its (still unchecked) payload. */
export const eventMessageSchema = z.object({ name: z.string(), payload: z.unknown() });
export type EventMessage = z.infer<typeof eventMessageSchema>;

/**
 * What the preload exposes as `window.newsdesk`, and what the renderer looks for.
 * `call` resolves with the handler's value and rejects with a plain CallError.
 */
export interface NewsdeskBridge {
  call(name: string, args?: unknown): Promise<unknown>;
  /** Returns the function that unsubscribes. */
  on(event: string, listener: (payload: unknown) => void): () => void;
}
