// What the desktop reads from the server besides the sync protocol: the answer
// to a sign-in and the shape of an error. Not strict: a newer server may add fields.
import { z } from 'zod';

export const loginResponse = z.object({
  token: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
  /** displayName: absent from servers older than display names (the username stands in). */
  user: z
    .object({ username: z.string().min(1), role: z.string().min(1), displayName: z.string().min(1).max(100).optional() })
    .optional(),
});
export type LoginResponse = z.infer<typeof loginResponse>;

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string() }),
});

/** A server address as the desktop keeps it: http(s), no trailing slash, no path. */
export function normalizeServerUrl(input: string): string | null {
  let url: URL;
  try {
    url = new URL(input.trim());
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  if (url.username !== '' || url.password !== '' || url.search !== '' || url.hash !== '') return null;
  return `${url.origin}${url.pathname.replace(/\/+$/, '')}`;
}
