// Pulling: every change this account may see since the cursor, page by page,
// each page applied (or kept aside, or fed into a conflict: see Reconciler)
// in one transaction together with the cursor that follows it. A change this
// desk cannot take (it fails the story schema or its limits, or the store
// refuses it) is set aside with its reason, inside its own savepoint, and the
// rest of the page and the cursor go on: one bad story never stops sync.
import { storedStoryWire } from '../../core/sync';
import { summarizeIssues } from '../../core/validation/vietnamese-issues';
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
      for (const raw of answer.changes) takeChange(context, reconciler, raw, account.username);
      meta.write(key, answer.cursor);
    });
    hooks.changed();
    cursor = answer.cursor;
    if (!answer.more) return;
  }
}

function takeChange(context: ServiceContext, reconciler: Reconciler, raw: unknown, username: string): void {
  const parsed = storedStoryWire.safeParse(raw);
  if (!parsed.success) {
    context.store.setAside.record(raw, `Bài từ máy chủ không hợp lệ: ${summarizeIssues(parsed.error.issues)}`);
    return;
  }
  try {
    context.store.transaction(() => reconciler.pulled(parsed.data, username));
  } catch (error) {
    // A full disk or a busy store is this desk's trouble, not the story's: the page is tried again later.
    if (isStoreTrouble(error)) throw error;
    const reason = error instanceof Error ? error.message : String(error);
    context.store.setAside.record(raw, `Kho trên máy này không lưu được bài này: ${reason}`);
  }
}

const STORE_TROUBLE = /^SQLITE_(FULL|BUSY|LOCKED|IOERR|READONLY|NOMEM|CANTOPEN|CORRUPT)/;

function isStoreTrouble(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  return typeof code === 'string' && STORE_TROUBLE.test(code);
}
