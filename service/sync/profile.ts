// Who the signed-in account is, as the server names it now: its display name
// (for bylines) and its newsroom role (for the workflow's buttons). Read once
// per run of the app; a server without /api/me is no reason to stop syncing.
import { SIGNED_IN_KEY, signedInAccount, type SignedInAccount, type SyncMeta } from '../../db';
import type { SyncServerClient } from './server-client';
import { SyncFailure } from './server-client';
import type { StoredToken, SyncAccount, TokenStore } from './token-store';

export function rememberAccount(meta: SyncMeta, serverUrl: string, user: Omit<SignedInAccount, 'serverUrl'>): void {
  meta.write(SIGNED_IN_KEY, signedInAccount.parse({ serverUrl, ...user }));
}

/** Answers the token with the role filled in when the server told it one it lacked (tokens kept from before the workflow). */
export async function refreshProfile(
  client: SyncServerClient,
  account: SyncAccount,
  deps: { meta: SyncMeta; tokenStore: TokenStore; token: StoredToken | null },
): Promise<StoredToken | null> {
  try {
    const me = await client.me();
    if (me.username !== account.username) return deps.token;
    rememberAccount(deps.meta, account.serverUrl, me);
    if (deps.token && !deps.token.role && deps.token.username === me.username) {
      const token = { ...deps.token, role: me.role };
      await deps.tokenStore.set(token);
      return token;
    }
  } catch (error) {
    if (error instanceof SyncFailure && error.kind === 'unauthorized') throw error;
  }
  return deps.token;
}
