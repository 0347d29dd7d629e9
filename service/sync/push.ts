// Pushing the outbox: batches of at most maxOpsPerPush ops, one op per story per
// batch (the next op of a story needs this one's rev as its base), in
// `pushLanes` requests at a time for different stories. Images go up first.
// Answers are applied in one transaction per batch.
import type { OpResult } from '../../core/sync';
import type { ServiceContext } from '../context';
import type { MediaUploader } from './media-upload';
import type { SyncLimits } from './options';
import type { OutgoingOp, Outbox } from '../../db/outbox/outbox';
import type { Reconciler } from '../../db/sync-state/reconcile';
import { SyncFailure, type SyncServerClient } from './server-client';
import { noteAnswered } from './notes-sync';
import type { SyncAccount } from './token-store';

export interface PushDeps {
  context: ServiceContext;
  outbox: Outbox;
  reconciler: Reconciler;
  media: MediaUploader;
}

/** How a push round reports back to the worker. */
export interface PushHooks {
  stopped(): boolean;
  /** The server answered something: it is reachable. */
  answered(): void;
  progress(progress: { sent: number; total: number }): void;
  /** Stories whose text or state changed here. */
  changed(): void;
}

/** What the lanes of one round share. */
interface Lanes {
  sent: number;
  total: number;
  /** Lanes with a request out. */
  busy: number;
  failed: boolean;
  waiting: Array<() => void>;
}

export class OutboxPusher {
  /** Shrinks when the server refuses a batch or a push times out, grows back as pushes go through. */
  private batchLimit: number;

  constructor(
    private readonly deps: PushDeps,
    private readonly limits: SyncLimits,
  ) {
    this.batchLimit = limits.maxOpsPerPush;
  }

  /** Pushes until nothing is left to send; throws the first failure after every lane has stopped. */
  async pushAll(client: SyncServerClient, account: SyncAccount, hooks: PushHooks): Promise<void> {
    const lanes: Lanes = { sent: 0, total: this.deps.outbox.unsentCount(), busy: 0, failed: false, waiting: [] };
    const runs = Array.from({ length: this.limits.pushLanes }, () => this.lane(client, account, hooks, lanes));
    const failure = (await Promise.allSettled(runs)).find((run) => run.status === 'rejected');
    if (failure) throw failure.reason;
  }

  private async lane(client: SyncServerClient, account: SyncAccount, hooks: PushHooks, lanes: Lanes): Promise<void> {
    const { outbox } = this.deps;
    const wakeOthers = () => lanes.waiting.splice(0).forEach((wake) => wake());
    // Bounded: every pass answers, refuses or splits at least one op, or waits for a lane that does.
    for (let pass = 0; pass < 1_000_000 && !hooks.stopped() && !lanes.failed; pass++) {
      const batch = outbox.nextBatch(this.batchLimit, this.limits.maxPushChars);
      if (batch.length === 0) {
        // Another lane's answer may free the next op of its stories.
        if (lanes.busy === 0) return;
        await new Promise<void>((resolve) => lanes.waiting.push(resolve));
        continue;
      }
      const ids = batch.map((op) => op.opId);
      outbox.markInFlight(ids);
      lanes.busy++;
      hooks.progress({ sent: lanes.sent, total: Math.max(lanes.total, lanes.sent + outbox.unsentCount()) });
      try {
        let results: OpResult[];
        try {
          await this.deps.media.upload(client, account.serverUrl, batch);
          results = (await client.push(batch, this.timeoutFor(batch))).results;
        } catch (error) {
          outbox.release(ids, error instanceof Error ? error.message : null);
          if (error instanceof SyncFailure && error.kind === 'refused' && !hooks.stopped()) {
            hooks.answered();
            this.refused(batch, error);
            continue;
          }
          // A slow line: smaller pushes from now on, until they go through again.
          if (error instanceof SyncFailure && error.timedOut) this.batchLimit = Math.max(1, Math.floor(batch.length / 4));
          lanes.failed = true;
          throw error;
        }
        this.batchLimit = Math.min(this.limits.maxOpsPerPush, this.batchLimit * 2);
        hooks.answered();
        try {
          this.apply(account, batch, results);
        } catch (error) {
          // The server has these ops; sent again, they come back `duplicate`. Left in flight, they would block their stories until restart.
          outbox.release(ids, error instanceof Error ? error.message : null);
          lanes.failed = true;
          throw error;
        }
        hooks.changed();
        lanes.sent += batch.length;
        lanes.total = Math.max(lanes.total, lanes.sent + outbox.unsentCount());
        hooks.progress({ sent: lanes.sent, total: lanes.total });
      } finally {
        lanes.busy--;
        wakeOthers();
      }
    }
  }

  /** The usual limit, plus time to upload the batch at 100 kB/s: a backlog on a slow line still gets through. */
  private timeoutFor(batch: readonly OutgoingOp[]): number {
    const chars = batch.reduce((sum, op) => sum + (op.payloadJson?.length ?? 0), 0);
    return this.limits.requestTimeoutMs + Math.ceil(chars / 100);
  }

  /** The server would not read this push: split it until the op it refuses is alone, then set that op aside. */
  private refused(batch: readonly OutgoingOp[], failure: SyncFailure): void {
    if (batch.length > 1) {
      this.batchLimit = Math.max(1, Math.floor(batch.length / 2));
      return;
    }
    const [op] = batch;
    if (!op) return;
    const message = failure.status === 413 ? 'Bài quá lớn để gửi lên máy chủ.' : failure.message;
    const { context, reconciler } = this.deps;
    context.store.transaction(() => {
      // A note has an owner of its own, which shows it refused with the reason (a server older than notes answers 400).
      if (op.kind === 'note') noteAnswered(context, op.opId, { opId: op.opId, status: 'rejected', code: 'REFUSED', message });
      else reconciler.rejected(op.opId, op.storyId, message);
    });
  }

  private apply(account: SyncAccount, batch: readonly OutgoingOp[], results: readonly OpResult[]): void {
    const { reconciler, outbox, context } = this.deps;
    const byId = new Map(results.map((result) => [result.opId, result]));
    const unanswered: string[] = [];
    context.store.transaction(() => {
      for (const op of batch) {
        const result = byId.get(op.opId);
        if (!result) {
          unanswered.push(op.opId);
          continue;
        }
        if (op.kind === 'note') {
          noteAnswered(context, op.opId, result);
          continue;
        }
        switch (result.status) {
          case 'applied':
            reconciler.applied(op.opId, op.storyId, { kind: op.kind, rev: result.rev, seq: result.seq }, account.username);
            break;
          case 'duplicate':
            reconciler.applied(op.opId, op.storyId, { kind: op.kind, rev: result.rev, seq: null }, account.username);
            break;
          case 'conflict':
            reconciler.conflicted(op.opId, op.storyId, result.server, account.username);
            break;
          case 'rejected':
            reconciler.rejected(op.opId, op.storyId, result.message);
            break;
        }
      }
      reconciler.settle(batch.map((op) => op.storyId), account.username);
    });
    if (unanswered.length > 0) outbox.release(unanswered, 'Máy chủ không trả lời thao tác này.');
  }
}
