// The story pool and its change stream in SQLite: a push's batch and the pull.
import { isDesk } from '../../../core/newsroom/roles';
import { sectionSlugOf, shortIdOf } from '../../../core/site/address';
import { finalWrites, finishBatch, planBatch, revisionContent, type BatchPlan, type PriorOp } from '../batch';
import { SCHEDULER } from '../scheduler-user';
import { HOLDING_ROWS, auditFromRow, takeOversOf } from '../audit-rows';
import { STORED_COLUMNS, pulledFromRow, storedFromRow, storyColumns } from '../rows';
import { effectiveSlug, type AuditEntry } from '../../../core/workflow';
import type { Answered, Decide, OpRequest, PullPage, ScheduledOp, StoredStory, StoryFacts, SyncStore, UserRecord, Viewer } from '../types';
import type { Row, SqliteConnection } from './connection';

export class SqliteSync implements SyncStore {
  constructor(private readonly conn: SqliteConnection) {}

  private read(id: string): StoredStory | null {
    const row = this.conn.statement(`SELECT ${STORED_COLUMNS} FROM stories WHERE id = ?`).get(id) as Row | undefined;
    return row ? storedFromRow(row) : null;
  }

  async getStory(id: string): Promise<StoredStory | null> {
    return this.read(id);
  }

  async applyOps<Op extends OpRequest>(ops: readonly Op[], user: UserRecord, decide: Decide<Op>): Promise<Array<Answered<Op>>> {
    if (ops.length === 0) return [];
    const now = new Date().toISOString();
    const run = this.conn.db.transaction((): Array<Answered<Op>> => {
      const claimed = new Set<string>();
      const prior = new Map<string, PriorOp>();
      const claim = this.conn.statement(
        `INSERT INTO sync_ops (op_id, user_id, story_id, kind, rev, applied_at) VALUES (?, ?, ?, ?, NULL, ?)
         ON CONFLICT DO NOTHING`,
      );
      for (const op of ops) {
        if (claimed.has(op.opId) || prior.has(op.opId)) continue;
        if (claim.run(op.opId, user.id, op.storyId, op.kind, now).changes > 0) claimed.add(op.opId);
        else {
          const row = this.conn.statement('SELECT user_id, rev FROM sync_ops WHERE op_id = ?').get(op.opId) as Row;
          prior.set(op.opId, { userId: String(row.user_id), rev: row.rev === null ? null : Number(row.rev) });
        }
      }
      const stories = new Map<string, StoredStory>();
      for (const id of new Set(ops.map((o) => o.storyId))) {
        const stored = this.read(id);
        if (stored) stories.set(id, { ...stored, facts: this.facts(id) });
      }
      const plan = planBatch(ops, user, claimed, prior, stories, decide);
      for (const opId of plan.released) this.conn.statement('DELETE FROM sync_ops WHERE op_id = ?').run(opId);
      this.writeKept(plan, user, now);
      return this.commitPlan(plan, user, now);
    });
    return run.immediate();
  }

  async runScheduled(decide: Decide<ScheduledOp>): Promise<Array<Answered<ScheduledOp>>> {
    const now = new Date().toISOString();
    // One writer at a time holds the file: no other instance judges these rows meanwhile.
    const run = this.conn.db.transaction((): Array<Answered<ScheduledOp>> => {
      // Only the due ones are read and judged: a newsroom may hold many stories scheduled for days ahead.
      const rows = this.conn
        .statement(
          `SELECT id, ${STORED_COLUMNS} FROM stories
           WHERE status = 'scheduled' AND julianday(json_extract(workflow, '$.publishAt')) <= julianday(?)`,
        )
        .all(now) as Row[];
      const stories = new Map<string, StoredStory>(rows.map((r) => [String(r.id), storedFromRow(r)]));
      const lastScheduler = this.conn.statement("SELECT username FROM audit WHERE story_id = ? AND action = 'schedule' ORDER BY id DESC LIMIT 1");
      const ops = [...stories.values()].map(({ story }): ScheduledOp => {
        const by = lastScheduler.get(story.id) as Row | undefined;
        return {
          opId: crypto.randomUUID(),
          kind: 'transition',
          storyId: story.id,
          baseRev: story.rev,
          scheduledBy: by ? String(by.username) : null,
          slugOwner: this.ownerOf(sectionSlugOf(story.section), effectiveSlug(story)),
        };
      });
      const plan = planBatch(ops, SCHEDULER, new Set(ops.map((o) => o.opId)), new Map(), stories, decide);
      return this.commitPlan(plan, SCHEDULER, now);
    });
    return run.immediate();
  }

  /** Numbers the plan's writes from the change sequence and writes them; inside the caller's transaction. */
  private commitPlan<Op extends OpRequest>(plan: BatchPlan<Op>, user: UserRecord, now: string): Array<Answered<Op>> {
    if (plan.writes.length === 0) return finishBatch(plan, 0);
    const clock = this.conn
      .statement(
        `UPDATE sync_clock SET change_seq = change_seq + ?, site_version = site_version + ?
         WHERE id = 1 RETURNING change_seq`,
      )
      .get(plan.writes.length, plan.affectsSite ? 1 : 0) as Row;
    const firstSeq = Number(clock.change_seq) - plan.writes.length + 1;
    this.writePlan(plan, user, firstSeq, now);
    return finishBatch(plan, firstSeq);
  }

  private facts(id: string): StoryFacts {
    const last = this.conn.statement('SELECT max(rev) AS rev FROM story_revisions WHERE story_id = ?').get(id) as Row;
    const holding = this.conn
      .statement(`SELECT username, action, from_status, to_status, rev FROM audit WHERE story_id = ? AND ${HOLDING_ROWS} ORDER BY id`)
      .all(id) as Row[];
    return { lastRev: Number(last.rev ?? 0), takeOvers: takeOversOf(holding) };
  }

  /** Refused texts kept as revisions (a take-over); they touch no story row and take no change number. */
  private writeKept(plan: BatchPlan<OpRequest>, user: UserRecord, now: string): void {
    for (const k of plan.kept) {
      this.conn
        .statement("INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content) VALUES (?, ?, ?, 'save', ?, ?)")
        .run(k.storyId, k.rev, user.username, now, JSON.stringify(k.content));
    }
  }

  async audit(storyId: string): Promise<AuditEntry[]> {
    const rows = this.conn
      .statement('SELECT story_id, username, action, from_status, to_status, note, late, at FROM audit WHERE story_id = ? ORDER BY id')
      .all(storyId) as Row[];
    return rows.flatMap(auditFromRow);
  }

  async slugOwner(sectionSlug: string, slug: string): Promise<string | null> {
    return this.ownerOf(sectionSlug, slug);
  }

  private ownerOf(sectionSlug: string, slug: string): string | null {
    const row = this.conn
      .statement('SELECT story_id FROM story_addresses WHERE section_slug = ? AND slug = ? ORDER BY created_at LIMIT 1')
      .get(sectionSlug, slug) as Row | undefined;
    return row ? String(row.story_id) : null;
  }

  private writePlan(plan: BatchPlan<OpRequest>, user: UserRecord, firstSeq: number, now: string): void {
    // Story rows first: revisions and addresses refer to them.
    for (const { index, write } of finalWrites(plan)) {
      const c = storyColumns(write.story, write.decision.workflow);
      this.conn
        .statement(
          `INSERT INTO stories (id, short_id, author, assignee, status, section, section_slug, slug, headline, sapo,
             is_pick, published_at, updated_at, rev, seq, trashed_at, data, workflow, correction)
           VALUES (@id, @shortId, @author, @assignee, @status, @section, @sectionSlug, @slug, @headline, @sapo,
             @isPick, @publishedAt, @updatedAt, @rev, @seq, @trashedAt, @data, @workflow, @correction)
           ON CONFLICT (id) DO UPDATE SET author = excluded.author, assignee = excluded.assignee, status = excluded.status,
             section = excluded.section, section_slug = excluded.section_slug, slug = excluded.slug,
             headline = excluded.headline, sapo = excluded.sapo, is_pick = excluded.is_pick,
             published_at = excluded.published_at, updated_at = excluded.updated_at, rev = excluded.rev,
             seq = excluded.seq, trashed_at = excluded.trashed_at, data = excluded.data, workflow = excluded.workflow,
             correction = excluded.correction`,
        )
        .run({
          ...c,
          isPick: c.isPick ? 1 : 0,
          seq: firstSeq + index,
          trashedAt: write.decision.trashedAt,
          data: JSON.stringify(write.story),
          workflow: JSON.stringify(write.decision.workflow),
        });
      this.conn.statement('DELETE FROM story_media WHERE story_id = ?').run(c.id);
      for (const sha of write.decision.mediaRefs) {
        this.conn.statement('INSERT INTO story_media (story_id, sha256) VALUES (?, ?) ON CONFLICT DO NOTHING').run(c.id, sha);
      }
    }
    for (const w of plan.writes) {
      const { story, decision } = w;
      if (decision.revisionReason) {
        this.conn
          .statement('INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content) VALUES (?, ?, ?, ?, ?, ?)')
          .run(story.id, w.rev, user.username, decision.revisionReason, now, JSON.stringify(revisionContent(story)));
      }
      if (decision.address) {
        this.conn
          .statement(
            'INSERT INTO story_addresses (short_id, section_slug, slug, story_id, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING',
          )
          .run(shortIdOf(story.id), decision.address.sectionSlug, decision.address.slug, story.id, now);
      }
      const a = decision.audit;
      if (a) {
        this.conn
          .statement('INSERT INTO audit (story_id, username, action, from_status, to_status, rev, at, note, late) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)')
          .run(story.id, a.actor, a.action, a.from, a.to, w.rev, a.at, a.note, a.late ? 1 : 0);
      }
      for (const n of decision.notifications) {
        this.conn
          .statement('INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)')
          .run(crypto.randomUUID(), n.user, n.kind, n.storyId, n.actor, n.noteId, n.at);
      }
      this.conn.statement('UPDATE sync_ops SET rev = ? WHERE op_id = ?').run(w.rev, w.op.opId);
    }
  }

  async pull(viewer: Viewer, cursor: number, limit: number): Promise<PullPage> {
    const visible = isDesk(viewer.role) ? "(status <> 'draft' OR assignee = @me OR author = @me)" : '(author = @me OR assignee = @me)';
    const read = this.conn.db.transaction((): PullPage => {
      const rows = this.conn
        .statement(`SELECT ${STORED_COLUMNS} FROM stories WHERE seq > @cursor AND ${visible} ORDER BY seq LIMIT @limit`)
        .all({ cursor, limit, me: viewer.username }) as Row[];
      const changes = rows.map(pulledFromRow);
      const more = rows.length === limit;
      const last = changes.at(-1)?.seq ?? cursor;
      // With nothing more to see, skip past others' changes too (same snapshot, so nothing is missed).
      const head = Number((this.conn.statement('SELECT change_seq FROM sync_clock WHERE id = 1').get() as Row).change_seq);
      return { changes, cursor: more ? last : Math.max(last, head), more };
    });
    return read.deferred();
  }
}
