// Messages between the editor and the spellcheck worker. Both sides parse what
// they receive, as at any boundary between threads.
import { z } from 'zod';

const word = z.string().min(1).max(200);

export const toWorker = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('init'), personal: z.array(z.string()) }),
  z.strictObject({ type: z.literal('check'), id: z.number().int(), words: z.array(word).max(20_000) }),
  z.strictObject({ type: z.literal('suggest'), id: z.number().int(), word }),
  z.strictObject({ type: z.literal('add'), word }),
]);
export type ToWorker = z.infer<typeof toWorker>;

export const fromWorker = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('ready') }),
  z.strictObject({ type: z.literal('checked'), id: z.number().int(), misspelled: z.array(z.string()) }),
  z.strictObject({ type: z.literal('suggestions'), id: z.number().int(), suggestions: z.array(z.string()) }),
  z.strictObject({ type: z.literal('failed'), message: z.string() }),
]);
export type FromWorker = z.infer<typeof fromWorker>;
