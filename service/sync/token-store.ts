// Where the sign-in token lives. The service only knows this interface: the
// Electron shell backs it with the OS keychain (electron/token-store.ts, through
// safeStorage), the web host keeps it in memory, so it is gone when the
// process ends and never lands on disk in the clear.
import { z } from 'zod';
import { role } from '../../core/workflow';

export const storedToken = z.strictObject({
  token: z.string().min(1),
  /** The server the token belongs to: it is never sent anywhere else. */
  serverUrl: z.string().min(1),
  username: z.string().min(1),
  expiresAt: z.iso.datetime({ offset: true }),
  /** The account's newsroom role, from the sign-in answer; absent from tokens kept before the workflow. */
  role: role.optional(),
});
export type StoredToken = z.infer<typeof storedToken>;

/** Who the worker syncs as: a live token for the configured server. */
export type SyncAccount = Pick<StoredToken, 'serverUrl' | 'token' | 'username' | 'role'>;

export interface TokenStore {
  get(): Promise<StoredToken | null>;
  set(token: StoredToken): Promise<void>;
  clear(): Promise<void>;
}

export function memoryTokenStore(initial: StoredToken | null = null): TokenStore {
  let current = initial;
  return {
    get: async () => current,
    set: async (token) => {
      current = storedToken.parse(token);
    },
    clear: async () => {
      current = null;
    },
  };
}
