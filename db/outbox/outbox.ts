// The outbox: local operations waiting for the server, written in the same
// transaction as the change they describe (see SyncedStories). The worker takes
// batches from here; nothing in this file touches the network.
//
// Coalescing. Autosaves arrive every second or so while someone types; each one
// replaces the text of the story's newest op when that op is an upsert that has
// never left this computer (attempts = 0) and that no explicit save has sealed.
// An op that may have reached the server keeps its text and its id for ever, so
// a retry is always the same op and the server's dedupe by op id holds.
//
// Transitions. A workflow action is an op of its own ('transition'), never
// coalesced and never dropped with the story's text: it goes up in order, after
// the text written before it. Once applied it waits here as 'applied' until a
// pulled copy shows its effect (see ../stories/workflow), and only then goes.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Story } from '../../core/story';
import type { UpsertPayload } from '../../core/sync';
import { transitionOp, workflowUser, type TransitionAction, type TransitionOp, type WorkflowUser } from '../../core/workflow';
import type { Clock } from '../stories/repository';
import type { QueuedTransition } from '../stories/workflow-replay';

/** 'note': an editorial note (db/notes), sent in order with its story's ops; never coalesced or dropped with its text. */
export type OutboxKind = 'upsert' | 'delete' | 'transition' | 'note';
/** How a story changed here: a save seals its op, so the server keeps one revision per save. */
export type ChangeKind = 'create' | 'autosave' | 'save' | 'restore';

export interface OutgoingOp {
  opId: string;
  storyId: string;
  kind: OutboxKind;
  /** The story's base_rev now, which is what the server must still have. */
  baseRev: number;
  /** As stored: JSON text written from validated content (see upsertPayloadOf). */
  payloadJson: string | null;
}

export interface DeadOp {
  opId: string;
  storyId: string;
  headline: string;
  error: string;
  /** The workflow action of a refused transition; null for the story's text. */
  action: TransitionAction | null;
}

interface DeadRow {
  op_id: string;
  story_id: string;
  last_error: string | null;
  headline: string;
  kind: OutboxKind;
  payload: string | null;
}

function deadOp(row: DeadRow): DeadOp {
  let action: TransitionAction | null = null;
  if (row.kind === 'transition' && row.payload !== null) {
    const parsed = transitionOp.safeParse(JSON.parse(row.payload));
    if (parsed.success) action = parsed.data.action;
  }
  return { opId: row.op_id, storyId: row.story_id, headline: row.headline, error: row.last_error ?? '', action };
}

/** Text ops and transitions are answered for different things: a refusal of one never clears the other's. */
export type OpGroup = 'text' | 'transition';

interface LastOpRow {
  op_id: string;
  kind: OutboxKind;
  state: 'pending' | 'in_flight' | 'dead' | 'applied';
  sealed: 0 | 1;
  attempts: number;
}

/**
 * What the server is told of a story: its text. Never its status: only
 * transitions move a story, so keeping one's text after a conflict can never
 * undo someone's act. Server-owned fields stay home.
 */
export function upsertPayloadOf(story: Story): UpsertPayload {
  return {
    id: story.id,
    headline: story.headline,
    sapo: story.sapo,
    byline: story.byline,
    section: story.section,
    tags: story.tags,
    slug: story.slug,
    related: story.related,
    body: story.body,
    createdAt: story.createdAt,
  };
}

export class Outbox {
  private readonly s: ReturnType<typeof prepareStatements>;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly db: Database,
    private readonly clock: Clock,
  ) {
    this.s = prepareStatements(db);
  }

  /** Records that the story's current text must reach the server. Call inside the change's transaction. */
  upsert(story: Story, change: ChangeKind): void {
    const payload = JSON.stringify(upsertPayloadOf(story));
    const sealed = change === 'save' ? 1 : 0;
    const last = this.s.lastOp.get(story.id) as LastOpRow | undefined;
    if (last && last.kind === 'upsert' && last.state === 'pending' && last.attempts === 0 && last.sealed === 0) {
      this.s.coalesce.run({ opId: last.op_id, payload, sealed });
      return;
    }
    this.insert(story.id, 'upsert', payload, sealed);
  }

  /** Records that the story went to the trash here. */
  delete(storyId: string): void {
    const last = this.s.lastOp.get(storyId) as LastOpRow | undefined;
    if (last?.kind === 'delete') return;
    this.insert(storyId, 'delete', null, 1);
  }

  /** Records a workflow action taken here by `actor`: its own op, after everything the story already has queued. */
  transition(storyId: string, op: TransitionOp, actor: WorkflowUser): void {
    this.insert(storyId, 'transition', JSON.stringify(op), 1, JSON.stringify({ username: actor.username, role: actor.role }));
  }

  /**
   * The story's transitions whose effect the desk shows but the server has not
   * shown back yet (unsent, on their way, or applied and not yet pulled), in order.
   */
  queuedTransitions(storyId: string): QueuedTransition[] {
    const rows = this.s.transitions.all(storyId) as Array<{ payload: string; actor: string | null; created_at: string }>;
    return rows.flatMap((row) => {
      const op = transitionOp.safeParse(JSON.parse(row.payload));
      const actor = workflowUser.safeParse(row.actor === null ? null : JSON.parse(row.actor));
      return op.success && actor.success ? [{ op: op.data, actor: actor.data, at: row.created_at }] : [];
    });
  }

  /** The actions of the story's transitions the server has not answered yet, in order. */
  unansweredTransitions(storyId: string): TransitionAction[] {
    const rows = this.s.unanswered.all(storyId) as Array<{ payload: string }>;
    return rows.flatMap((row) => {
      const op = transitionOp.safeParse(JSON.parse(row.payload));
      return op.success ? [op.data.action] : [];
    });
  }

  /** The server applied this transition as change `seq` (0 when unknown: a duplicate answer); it stays until pulled. */
  markApplied(opId: string, seq: number): void {
    this.s.markApplied.run({ opId, seq });
  }

  /** A pulled copy of the story as new as change `seq` shows these applied transitions: they are done. */
  forgetApplied(storyId: string, seq: number): void {
    this.s.forgetApplied.run({ storyId, seq });
  }

  /**
   * Puts the story's unsent transitions back after its newest text op: a text
   * queued again after a conflict goes up before the actions taken on it.
   */
  moveTransitionsLast(storyId: string): void {
    const ids = this.s.unsentTransitionIds.all(storyId) as Array<{ op_id: string }>;
    for (const { op_id } of ids) this.s.moveLast.run(op_id);
  }

  /** Whether the story is out of the trash; read before a trash/restore to know whether anything changes. */
  isLive(storyId: string): boolean {
    const row = this.s.isLive.get(storyId) as { live: 0 | 1 } | undefined;
    return row?.live === 1;
  }

  private insert(storyId: string, kind: OutboxKind, payload: string | null, sealed: 0 | 1, actor: string | null = null): void {
    const base = this.s.baseRev.get(storyId) as { base_rev: number } | undefined;
    this.s.insert.run({
      opId: uuidv7(),
      storyId,
      kind,
      baseRev: base?.base_rev ?? 0,
      payload,
      sealed,
      now: this.clock().toISOString(),
      actor,
    });
  }

  /** Where an op stands in the queue; null once it is gone. */
  seqOf(opId: string): number | null {
    return (this.s.seqOf.pluck().get(opId) as number | undefined) ?? null;
  }

  /**
   * Puts the story's newest op at `seq`, a place an answered op left free: a
   * merge goes up where the change it merged stood, ahead of anything queued
   * after that change (a workflow action must not reach the server before the text).
   */
  moveNewestTo(storyId: string, seq: number): void {
    this.s.moveNewest.run({ storyId, seq });
  }

  /** Changes not yet answered by the server (held ones of conflicted stories included). */
  unsentCount(): number {
    return (this.s.unsentCount.get() as { n: number }).n;
  }

  /** Text (upserts, deletes) of the story not yet answered: a pulled text must not overwrite it. */
  hasUnsentText(storyId: string): boolean {
    return this.s.hasUnsentText.get(storyId) !== undefined;
  }

  /** The server refused text of this story (not a transition). */
  hasDeadText(storyId: string): boolean {
    return this.s.hasDeadText.get(storyId) !== undefined;
  }

  /** The next ops to push, at most `limit`, and about `maxChars` of JSON (always at least one op). */
  nextBatch(limit: number, maxChars: number): OutgoingOp[] {
    const rows = this.s.batch.all(limit) as Array<{
      op_id: string;
      story_id: string;
      kind: OutboxKind;
      payload: string | null;
      base_rev: number;
    }>;
    const batch: OutgoingOp[] = [];
    let chars = 0;
    for (const row of rows) {
      const size = row.payload?.length ?? 0;
      if (batch.length > 0 && chars + size > maxChars) break;
      chars += size;
      batch.push({
        opId: row.op_id,
        storyId: row.story_id,
        kind: row.kind,
        baseRev: row.base_rev,
        payloadJson: row.payload,
      });
    }
    return batch;
  }

  /** From here on the ops may reach the server: they keep their text and id until answered. */
  markInFlight(opIds: readonly string[]): void {
    this.db.transaction(() => {
      for (const opId of opIds) this.s.markInFlight.run(opId);
    })();
  }

  /** Unanswered ops go back in the queue, unchanged, to be sent again as they are. */
  release(opIds: readonly string[], error: string | null): void {
    this.db.transaction(() => {
      for (const opId of opIds) this.s.release.run(error, opId);
    })();
  }

  /** At start and stop: whatever was on its way is treated as unanswered. */
  releaseAll(): void {
    this.s.releaseAll.run();
  }

  remove(opId: string): void {
    this.s.remove.run(opId);
  }

  /** The server refused the op for good: kept aside with the reason, never sent again. */
  kill(opId: string, error: string): void {
    this.s.kill.run(error, opId);
  }

  /** Drops a story's unsent text ops whose text the caller keeps elsewhere (a conflict, a resolution); its transitions stay. */
  dropUnsent(storyId: string): void {
    this.s.dropUnsent.run(storyId);
  }

  /** A later op of the same group reached the server, so an older refusal of that group no longer matters. */
  clearDead(storyId: string, group: OpGroup = 'text'): void {
    if (group === 'text') this.s.clearDeadText.run(storyId);
    else this.s.clearDeadTransitions.run(storyId);
  }

  latestDead(): DeadOp | null {
    const row = this.s.latestDead.get() as DeadRow | undefined;
    return row ? deadOp(row) : null;
  }

  /** Every op the server refused, newest first, with its story's headline and the reason. */
  refused(limit = 100): DeadOp[] {
    return (this.s.refused.all(limit) as DeadRow[]).map(deadOp);
  }

  /** Called (outside any transaction) after a change added or changed ops. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
  }

  /** Queues an editorial note (its payload as JSON text) behind the story's earlier ops; answers the op id. */
  note(storyId: string, payloadJson: string): string {
    this.insert(storyId, 'note', payloadJson, 1);
    return (this.s.newestOf.get(storyId) as { op_id: string }).op_id;
  }
}

function prepareStatements(db: Database) {
  return {
    lastOp: db.prepare(
      `SELECT op_id, kind, state, sealed, attempts FROM outbox
       WHERE story_id = ? AND state <> 'dead' ORDER BY seq DESC LIMIT 1`,
    ),
    baseRev: db.prepare('SELECT base_rev FROM stories WHERE id = ?'),
    insert: db.prepare(`
      INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, sealed, created_at, actor)
      VALUES (@opId, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), @storyId, @kind, @baseRev, @payload, @sealed, @now, @actor)`),
    coalesce: db.prepare(
      "UPDATE outbox SET payload = @payload, sealed = @sealed WHERE op_id = @opId AND state = 'pending' AND attempts = 0",
    ),
    seqOf: db.prepare('SELECT seq FROM outbox WHERE op_id = ?'),
    moveNewest: db.prepare(`
      UPDATE outbox SET seq = @seq
      WHERE op_id = (SELECT op_id FROM outbox WHERE story_id = @storyId AND state = 'pending' ORDER BY seq DESC LIMIT 1)
        AND seq > @seq AND NOT EXISTS (SELECT 1 FROM outbox WHERE seq = @seq)`),
    unsentCount: db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'in_flight')"),
    hasUnsentText: db.prepare(
      "SELECT 1 FROM outbox WHERE story_id = ? AND kind IN ('upsert', 'delete') AND state IN ('pending', 'in_flight') LIMIT 1",
    ),
    hasDeadText: db.prepare("SELECT 1 FROM outbox WHERE story_id = ? AND kind IN ('upsert', 'delete') AND state = 'dead' LIMIT 1"),
    transitions: db.prepare(`
      SELECT payload, actor, created_at FROM outbox
      WHERE story_id = ? AND kind = 'transition' AND state IN ('pending', 'in_flight', 'applied') ORDER BY seq`),
    unanswered: db.prepare(`
      SELECT payload FROM outbox WHERE story_id = ? AND kind = 'transition' AND state IN ('pending', 'in_flight') ORDER BY seq`),
    markApplied: db.prepare("UPDATE outbox SET state = 'applied', applied_seq = @seq, last_error = NULL WHERE op_id = @opId"),
    forgetApplied: db.prepare("DELETE FROM outbox WHERE story_id = @storyId AND state = 'applied' AND applied_seq <= @seq"),
    unsentTransitionIds: db.prepare(
      "SELECT op_id FROM outbox WHERE story_id = ? AND kind = 'transition' AND state = 'pending' ORDER BY seq",
    ),
    moveLast: db.prepare('UPDATE outbox SET seq = (SELECT max(seq) + 1 FROM outbox) WHERE op_id = ?'),
    // The oldest unsent op of each story, for stories not waiting on a conflict:
    // one op per story per push, since the next op's base is the rev this one makes.
    batch: db.prepare(`
      SELECT o.op_id, o.story_id, o.kind, o.payload, s.base_rev
      FROM outbox o JOIN stories s ON s.id = o.story_id
      WHERE o.state = 'pending'
        AND o.seq = (SELECT min(x.seq) FROM outbox x WHERE x.story_id = o.story_id AND x.state IN ('pending', 'in_flight'))
        AND NOT EXISTS (SELECT 1 FROM sync_conflicts c WHERE c.story_id = o.story_id AND c.resolved_at IS NULL)
      ORDER BY o.seq LIMIT ?`),
    markInFlight: db.prepare("UPDATE outbox SET state = 'in_flight', attempts = attempts + 1 WHERE op_id = ?"),
    release: db.prepare("UPDATE outbox SET state = 'pending', last_error = ? WHERE op_id = ? AND state = 'in_flight'"),
    releaseAll: db.prepare("UPDATE outbox SET state = 'pending' WHERE state = 'in_flight'"),
    remove: db.prepare('DELETE FROM outbox WHERE op_id = ?'),
    kill: db.prepare("UPDATE outbox SET state = 'dead', last_error = ? WHERE op_id = ?"),
    dropUnsent: db.prepare("DELETE FROM outbox WHERE story_id = ? AND state = 'pending' AND kind IN ('upsert', 'delete')"),
    clearDeadText: db.prepare("DELETE FROM outbox WHERE story_id = ? AND state = 'dead' AND kind IN ('upsert', 'delete')"),
    clearDeadTransitions: db.prepare("DELETE FROM outbox WHERE story_id = ? AND state = 'dead' AND kind = 'transition'"),
    refused: db.prepare(`
      SELECT o.op_id, o.story_id, o.last_error, o.kind, o.payload, coalesce(s.headline, '') AS headline
      FROM outbox o LEFT JOIN stories s ON s.id = o.story_id
      WHERE o.state = 'dead' ORDER BY o.seq DESC LIMIT ?`),
    latestDead: db.prepare(`
      SELECT o.op_id, o.story_id, o.last_error, o.kind, o.payload, s.headline FROM outbox o JOIN stories s ON s.id = o.story_id
      WHERE o.state = 'dead' ORDER BY o.seq DESC LIMIT 1`),
    isLive: db.prepare('SELECT deleted_at IS NULL AS live FROM stories WHERE id = ?'),
    newestOf: db.prepare('SELECT op_id FROM outbox WHERE story_id = ? ORDER BY seq DESC LIMIT 1'),
  };
}
