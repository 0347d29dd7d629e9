// The outbox: local operations waiting for the server, written in the same
// transaction as the change they describe (see SyncedStories). The worker takes
// batches from here; nothing in this file touches the network.
//
// Coalescing. Autosaves arrive every second or so while someone types; each one
// replaces the text of the story's newest op when that op is an upsert that has
// never left this computer (attempts = 0) and that no explicit save has sealed.
// An op that may have reached the server keeps its text and its id for ever, so
// a retry is always the same op and the server's dedupe by op id holds.
import type { Database } from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import type { Story } from '../../core/story';
import type { UpsertPayload } from '../../core/sync';
import type { Clock } from '../stories/repository';

export type OutboxKind = 'upsert' | 'delete';
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
}

interface LastOpRow {
  op_id: string;
  kind: OutboxKind;
  state: 'pending' | 'in_flight' | 'dead';
  sealed: 0 | 1;
  attempts: number;
}

/** What the server is told of a story: its text and the status it is in here. Server-owned fields stay home. */
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
    status: story.status,
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

  /** Whether the story is out of the trash; read before a trash/restore to know whether anything changes. */
  isLive(storyId: string): boolean {
    const row = this.s.isLive.get(storyId) as { live: 0 | 1 } | undefined;
    return row?.live === 1;
  }

  private insert(storyId: string, kind: OutboxKind, payload: string | null, sealed: 0 | 1): void {
    const base = this.s.baseRev.get(storyId) as { base_rev: number } | undefined;
    this.s.insert.run({
      opId: uuidv7(),
      storyId,
      kind,
      baseRev: base?.base_rev ?? 0,
      payload,
      sealed,
      now: this.clock().toISOString(),
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

  hasUnsent(storyId: string): boolean {
    return this.s.hasUnsent.get(storyId) !== undefined;
  }

  hasDead(storyId: string): boolean {
    return this.s.hasDead.get(storyId) !== undefined;
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

  /** Drops a story's unsent ops whose text the caller keeps elsewhere (a conflict, a resolution). */
  dropUnsent(storyId: string): void {
    this.s.dropUnsent.run(storyId);
  }

  /** A later change of the story reached the server, so an older refusal no longer matters. */
  clearDead(storyId: string): void {
    this.s.clearDead.run(storyId);
  }

  latestDead(): DeadOp | null {
    const row = this.s.latestDead.get() as
      | { op_id: string; story_id: string; last_error: string | null; headline: string }
      | undefined;
    if (!row) return null;
    return { opId: row.op_id, storyId: row.story_id, headline: row.headline, error: row.last_error ?? '' };
  }

  /** Every op the server refused, newest first, with its story's headline and the reason. */
  refused(limit = 100): DeadOp[] {
    const rows = this.s.refused.all(limit) as Array<{ op_id: string; story_id: string; last_error: string | null; headline: string }>;
    return rows.map((row) => ({ opId: row.op_id, storyId: row.story_id, headline: row.headline, error: row.last_error ?? '' }));
  }

  /** Called (outside any transaction) after a change added or changed ops. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  changed(): void {
    for (const listener of [...this.listeners]) listener();
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
      INSERT INTO outbox (op_id, seq, story_id, kind, base_rev, payload, sealed, created_at)
      VALUES (@opId, (SELECT coalesce(max(seq), 0) + 1 FROM outbox), @storyId, @kind, @baseRev, @payload, @sealed, @now)`),
    coalesce: db.prepare(
      "UPDATE outbox SET payload = @payload, sealed = @sealed WHERE op_id = @opId AND state = 'pending' AND attempts = 0",
    ),
    seqOf: db.prepare('SELECT seq FROM outbox WHERE op_id = ?'),
    moveNewest: db.prepare(`
      UPDATE outbox SET seq = @seq
      WHERE op_id = (SELECT op_id FROM outbox WHERE story_id = @storyId AND state = 'pending' ORDER BY seq DESC LIMIT 1)
        AND seq > @seq AND NOT EXISTS (SELECT 1 FROM outbox WHERE seq = @seq)`),
    unsentCount: db.prepare("SELECT count(*) AS n FROM outbox WHERE state IN ('pending', 'in_flight')"),
    hasUnsent: db.prepare("SELECT 1 FROM outbox WHERE story_id = ? AND state IN ('pending', 'in_flight') LIMIT 1"),
    hasDead: db.prepare("SELECT 1 FROM outbox WHERE story_id = ? AND state = 'dead' LIMIT 1"),
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
    dropUnsent: db.prepare("DELETE FROM outbox WHERE story_id = ? AND state = 'pending'"),
    clearDead: db.prepare("DELETE FROM outbox WHERE story_id = ? AND state = 'dead'"),
    refused: db.prepare(`
      SELECT o.op_id, o.story_id, o.last_error, coalesce(s.headline, '') AS headline FROM outbox o LEFT JOIN stories s ON s.id = o.story_id
      WHERE o.state = 'dead' ORDER BY o.seq DESC LIMIT ?`),
    latestDead: db.prepare(`
      SELECT o.op_id, o.story_id, o.last_error, s.headline FROM outbox o JOIN stories s ON s.id = o.story_id
      WHERE o.state = 'dead' ORDER BY o.seq DESC LIMIT 1`),
    isLive: db.prepare('SELECT deleted_at IS NULL AS live FROM stories WHERE id = ?'),
  };
}
