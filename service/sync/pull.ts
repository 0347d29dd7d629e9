// Pulling: every change this account may see since the cursor, page by page,
// each page applied (or kept aside, or fed into a conflict: see Reconciler)
// in one transaction together with the cursor that follows it.
import type { ServiceContext } from '../context';
import { accountKey, cursorValue, type SyncMeta } from '../../db/sync-state/sync-meta';
import type { Reconciler } from '../../db/sync-state/reconcile';
import type { SyncServerClient } from './server-client';
import type { SyncAccount } from './token-store';

export interface PullDeps {
  context: ServiceContext;
  reconciler: Reconciler;
  meta: SyncMeta;
}

export async function pullChanges(
  deps: PullDeps,
  client: SyncServerClient,
  account: SyncAccount,
  pageSize: number,
  hooks: { stopped(): boolean; answered(): void; changed(): void },
): Promise<void> {
  const { meta, reconciler, context } = deps;
  const key = accountKey('cursor', account.serverUrl, account.username);
  let cursor = meta.read(key, cursorValue) ?? 0;
  for (let page = 0; page < 1_000_000 && !hooks.stopped(); page++) {
    const answer = await client.pull(cursor, pageSize);
    hooks.answered();
    context.store.transaction(() => {
      for (const change of answer.changes) reconciler.pulled(change);
      meta.write(key, answer.cursor);
    });
    hooks.changed();
    cursor = answer.cursor;
    if (!answer.more) return;
  }
}
