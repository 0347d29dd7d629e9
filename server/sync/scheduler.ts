// The scheduler: publishes scheduled stories at their time, with every desk
// offline. Each instance runs it; the storage locks what it judges (see
// SyncStore.runScheduled), so with several instances on one PostgreSQL database
// exactly one publishes each story. It runs once at start, so a story whose time
// passed while the server was down goes out then, marked late in its audit log.
// What it writes (the story, its audit line, its notifications, including the
// 'schedule-failed' one for a story held back) goes in one transaction.
import type { FastifyBaseLogger } from 'fastify';
import type { ChecklistConfig } from '../../core/workflow';
import type { Storage } from '../storage/types';
import { decideScheduled } from './policy';

export type SchedulerDeps = {
  storage: Storage;
  checklist: ChecklistConfig;
  log: FastifyBaseLogger;
  onSiteMayHaveChanged: () => void;
};

/** One pass: publish what is due. Answers how many stories it published or held back. */
export async function runSchedulerOnce(deps: SchedulerDeps): Promise<number> {
  const now = new Date().toISOString();
  const answered = await deps.storage.sync.runScheduled((op, current) =>
    // The storage read the owner of this story's own address; the checklist asks about no other.
    decideScheduled(current, { now, checklist: deps.checklist, slugOwner: () => op.slugOwner }, op.scheduledBy),
  );
  const done = answered.filter(({ outcome }) => outcome.status === 'applied');
  if (done.length === 0) return 0;
  deps.onSiteMayHaveChanged();
  deps.log.info({ stories: done.map(({ op }) => op.storyId) }, 'scheduler');
  return done.length;
}

/** Runs the scheduler now and every `intervalMs`; the returned function stops it. */
export function startScheduler(deps: SchedulerDeps, intervalMs: number): () => Promise<void> {
  let running: Promise<unknown> = Promise.resolve();
  const tick = () => {
    running = running.then(() => runSchedulerOnce(deps)).catch((error: unknown) => deps.log.error({ err: error }, 'scheduler failed'));
  };
  tick();
  const timer = intervalMs > 0 ? setInterval(tick, intervalMs) : null;
  return async () => {
    if (timer) clearInterval(timer);
    await running;
  };
}
