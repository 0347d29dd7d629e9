// The scheduler: publishes scheduled stories at their time, with every desk
// offline. Each instance runs it; the storage locks what it judges (see
// SyncStore.runScheduled), so with several instances on one PostgreSQL database
// exactly one publishes each story. It runs once at start, so a story whose time
// passed while the server was down goes out then, marked late in its audit log.
import type { FastifyBaseLogger } from 'fastify';
import { SCHEDULER_ACTOR, type ChecklistConfig, type NotificationDraft } from '../../core/workflow';
import type { Storage } from '../storage/types';
import { decideScheduled } from './policy';

export type SchedulerDeps = {
  storage: Storage;
  checklist: ChecklistConfig;
  log: FastifyBaseLogger;
  onSiteMayHaveChanged: () => void;
};

/** Who last scheduled the story, from its audit log: told when the scheduler has to hold it back. */
async function scheduledBy(storage: Storage, storyId: string): Promise<string | null> {
  const entries = await storage.sync.audit(storyId);
  return entries.findLast((e) => e.action === 'schedule')?.actor ?? null;
}

/** One pass: publish what is due. Answers how many stories it published or held back. */
export async function runSchedulerOnce(deps: SchedulerDeps): Promise<number> {
  const { storage } = deps;
  const now = new Date().toISOString();
  const answered = await storage.sync.runScheduled((op, current) =>
    decideScheduled(current, { now, checklist: deps.checklist, slugOwner: () => null }, null),
  );
  const done = answered.filter(({ outcome }) => outcome.status === 'applied');
  if (done.length === 0) return 0;
  deps.onSiteMayHaveChanged();
  // A held-back story: whoever scheduled it is told (read from the log the transaction just wrote).
  const heldBack: NotificationDraft[] = [];
  for (const { op, outcome } of done) {
    if (outcome.status !== 'applied' || outcome.stored.workflow.status !== 'approved') continue;
    const by = await scheduledBy(storage, op.storyId);
    if (by !== null && by !== SCHEDULER_ACTOR) {
      heldBack.push({ user: by, kind: 'schedule-failed', storyId: op.storyId, actor: SCHEDULER_ACTOR, noteId: null, at: now });
    }
  }
  await storage.notifications.add(heldBack);
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
