// A push in order, across two stores: story ops (upsert, delete, transition)
// go to storage.sync, notes to storage.notes. The batch is cut into runs of
// consecutive ops of one kind, each applied in its own transaction, one after
// the other, so that a note sees the story an earlier op of the same push
// created, and a later op sees everything before it.
import type { SyncOp } from '../../core/sync';
import type { Answered, NoteOp, Storage, UserRecord } from '../storage/types';
import { decideNote } from './note-policy';

const isNote = (op: SyncOp): op is NoteOp => op.kind === 'note';

/** Consecutive ops of the same family (note or story), in order. */
export function runsOf(ops: readonly SyncOp[]): SyncOp[][] {
  const runs: SyncOp[][] = [];
  for (const op of ops) {
    const last = runs.at(-1);
    if (last && isNote(last[0] as SyncOp) === isNote(op)) last.push(op);
    else runs.push([op]);
  }
  return runs;
}

/**
 * Applies the push run by run; `storyRun` applies a run of story ops (the
 * route's call to storage.sync.applyOps with its policy). Answers every op,
 * each with its own op object, in order.
 */
export async function applyInRuns(
  storage: Storage,
  user: UserRecord,
  ops: readonly SyncOp[],
  storyRun: (ops: SyncOp[]) => Promise<Array<Answered<SyncOp>>>,
): Promise<Array<Answered<SyncOp>>> {
  const runs = runsOf(ops);
  if (runs.length <= 1 && !ops.some(isNote)) return storyRun([...ops]);
  const roles = new Map((await storage.accounts.listUsers()).map((u) => [u.username, u.role] as const));
  const answered: Array<Answered<SyncOp>> = [];
  for (const run of runs) {
    if (run.every(isNote)) {
      const now = new Date().toISOString();
      answered.push(...(await storage.notes.addNotes(run, (op, facts) => decideNote(op, user, facts, { now, roles }))));
    } else {
      answered.push(...(await storyRun(run)));
    }
  }
  return answered;
}
