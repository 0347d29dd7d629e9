// What travels back on the call channel. Errors are sent as data, not thrown,
// because Electron flattens a thrown error into an English string and drops its code.
import * as z from 'zod/mini';

export const callErrorSchema = z.object({ code: z.string(), message: z.string() });
export type CallError = z.infer<typeof callErrorSchema>;

export const callResultSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: callErrorSchema }),
]);
export type CallResult = z.infer<typeof callResultSchema>;

export const eventMessageSchema = z.object({ name: z.string(), payload: z.unknown() });
export type EventMessage = z.infer<typeof eventMessageSchema>;
