// Editorial notes between this desk and the server. Written notes go up as
// 'note' ops with the rest of the outbox (./push); their answers land here.
// The server's copies come down by their own cursor (GET /api/sync/notes),
// each page written with its cursor in one transaction. A story that became
// visible to this account after the cursor passed its notes gets them whole
// once (fetchStoryNotes), the first time it is opened online.
import type { OpResult } from '../../core/sync';
import type { ServiceContext } from '../context';
import { cursorValue } from '../../db/sync-state/sync-meta';
import { SyncFailure, type SyncServerClient } from './server-client';
import type { SyncAccount } from './token-store';

const notesCursorKey = (account: Pick<SyncAccount, 'serverUrl' | 'username'>) => `notes-cursor:${account.serverUrl}|${account.username}`;

/** A note op's answer, inside the push's transaction: sent (applied or a duplicate), or refused with the reason. */
export function noteAnswered(context: ServiceContext, opId: string, result: OpResult): void {
  const { notes } = context.store;
  const storyId =
    result.status === 'applied' || result.status === 'duplicate'
      ? notes.sent(opId)
      : notes.refused(opId, result.status === 'rejected' ? result.message : 'Máy chủ không nhận ghi chú này.');
  // After the transaction: the windows read the note's new state.
  if (storyId !== null) setImmediate(() => context.events.emit('notes.changed', { storyId }));
}

/** A server without notes (older than them) answers 404: nothing to pull, and sync goes on. */
function noNotesHere(error: unknown): boolean {
  return error instanceof SyncFailure && error.status === 404;
}

async function pageBy(
  context: ServiceContext,
  client: SyncServerClient,
  pageSize: number,
  hooks: { stopped(): boolean; answered(): void },
  cursorAt: { read(): number; write(cursor: number): void },
  storyId?: string,
): Promise<void> {
  let cursor = cursorAt.read();
  for (let page = 0; page < 1_000_000 && !hooks.stopped(); page++) {
    const answer = await client.notes(cursor, pageSize, storyId);
    hooks.answered();
    const touched = context.store.transaction(() => {
      const stories = context.store.notes.pulled(answer.notes);
      cursorAt.write(answer.cursor);
      return stories;
    });
    for (const id of touched) context.events.emit('notes.changed', { storyId: id });
    cursor = answer.cursor;
    if (!answer.more) return;
  }
}

/** Every note this account may see since its notes cursor. */
export async function pullNotes(
  context: ServiceContext,
  client: SyncServerClient,
  account: SyncAccount,
  pageSize: number,
  hooks: { stopped(): boolean; answered(): void },
): Promise<void> {
  const meta = context.store.syncMeta;
  const key = notesCursorKey(account);
  try {
    await pageBy(context, client, pageSize, hooks, { read: () => meta.read(key, cursorValue) ?? 0, write: (c) => meta.write(key, c) });
  } catch (error) {
    if (!noNotesHere(error)) throw error;
  }
}

/**
 * A story's notes from the beginning, once per account: those written while
 * the story was not visible here. Quietly does nothing when the server cannot
 * be reached; the next opening tries again. `who`: the server and account.
 */
export async function fetchStoryNotes(context: ServiceContext, client: SyncServerClient, who: string, storyId: string): Promise<void> {
  const { notes } = context.store;
  if (notes.fetched(who, storyId)) return;
  let cursor = 0;
  try {
    await pageBy(context, client, 200, { stopped: () => false, answered: () => undefined }, { read: () => cursor, write: (c) => (cursor = c) }, storyId);
  } catch (error) {
    if (error instanceof SyncFailure) return;
    throw error;
  }
  notes.markFetched(who, storyId);
}
