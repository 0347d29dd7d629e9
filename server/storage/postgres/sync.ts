// The story pool and its change stream in PostgreSQL: a push's batch and the pull.
// Race-freedom comes from the database, never from this process:
//   - op dedupe: sync_ops.op_id is a primary key, claimed first with
//     INSERT … ON CONFLICT DO NOTHING; a concurrent retry blocks on the index
//     until the first commits (then sees a duplicate) or rolls back (then runs).
//   - story revs: the rows are locked with SELECT … FOR UPDATE (in id order); a
//     new story is created with INSERT … ON CONFLICT DO NOTHING, so two creators
//     cannot both win: the loser's batch is run again and sees a conflict.
//   - the change sequence: one clock row bumped with UPDATE … RETURNING as the
//     last step before COMMIT. Holding its row lock until commit makes commit
//     order equal sequence order, so a pull can never pass over a change that
//     commits later with a smaller number (the classic gap with nextval()).
// A push is one transaction with a fixed number of statements (arrays through
// unnest), not a dozen round trips per op.
import { isDesk } from '../../../core/newsroom/roles';
import { sectionSlugOf, shortIdOf } from '../../../core/site/address';
import { finalWrites, finishBatch, planBatch, revisionContent, type BatchPlan, type PlannedWrite, type PriorOp } from '../batch';
import { isRetryableTransaction } from '../dialect';
import { STORED_COLUMNS, pulledFromRow, storedFromRow, storyColumns } from '../rows';
import { HOLDING_ROWS, auditFromRow, takeOversOf } from '../audit-rows';
import { SCHEDULER } from '../scheduler-user';
import { effectiveSlug, type AuditEntry } from '../../../core/workflow';
import type { Answered, Decide, OpRequest, PullPage, ScheduledOp, StoredStory, SyncStore, UserRecord, Viewer } from '../types';
import type { Client, PostgresConnection, Row } from './connection';

/** Another batch created one of our new stories first; the batch is run again. */
class LostCreateRace extends Error {}
const MAX_ATTEMPTS = 5;

/**
 * Rows travel as one JSON document expanded by json_to_recordset: one native
 * JSON.stringify here and one parse in PostgreSQL, instead of escaping every
 * long story into a PostgreSQL array literal.
 */
const STORY_RECORDS = `json_to_recordset($1::json) AS u(id uuid, short_id text, author text, assignee text, status text,
  section text, section_slug text, slug text, headline text, sapo text, is_pick boolean, published_at timestamptz,
  updated_at timestamptz, rev int, trashed_at timestamptz, data json, workflow json, correction text)`;

function storyRecords(writes: readonly PlannedWrite<OpRequest>[]): string {
  return JSON.stringify(
    writes.map((w) => {
      const c = storyColumns(w.story, w.decision.workflow);
      return {
        id: c.id, short_id: c.shortId, author: c.author, assignee: c.assignee, status: c.status, section: c.section,
        section_slug: c.sectionSlug, slug: c.slug, headline: c.headline, sapo: c.sapo, is_pick: c.isPick,
        published_at: c.publishedAt, updated_at: c.updatedAt, rev: c.rev, trashed_at: w.decision.trashedAt, data: w.story,
        workflow: w.decision.workflow, correction: c.correction,
      };
    }),
  );
}


export class PostgresSync implements SyncStore {
  constructor(private readonly conn: PostgresConnection) {}

  async getStory(id: string): Promise<StoredStory | null> {
    const { rows } = await this.conn.pool.query(`SELECT ${STORED_COLUMNS} FROM stories WHERE id = $1`, [id]);
    return rows[0] ? storedFromRow(rows[0]) : null;
  }

  async applyOps<Op extends OpRequest>(ops: readonly Op[], user: UserRecord, decide: Decide<Op>): Promise<Array<Answered<Op>>> {
    if (ops.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.conn.tx((c) => this.applyIn(c, ops, user, decide));
      } catch (error) {
        // A lost create race or a deadlock between two batches: nothing was
        // written, so running the batch again is safe and sees the winner's rows.
        const retryable = error instanceof LostCreateRace || isRetryableTransaction(error);
        if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async applyIn<Op extends OpRequest>(c: Client, ops: readonly Op[], user: UserRecord, decide: Decide<Op>): Promise<Array<Answered<Op>>> {
    const now = new Date().toISOString();
    const firstOfId = new Map<string, Op>();
    for (const op of ops) if (!firstOfId.has(op.opId)) firstOfId.set(op.opId, op);
    // Claimed in op-id order, so two batches sharing ops wait for each other instead of deadlocking.
    const unique = [...firstOfId.values()].sort((a, b) => (a.opId < b.opId ? -1 : 1));
    const claim = await c.query(
      `INSERT INTO sync_ops (op_id, user_id, story_id, kind, rev, applied_at)
       SELECT u.op_id, $2, u.story_id, u.kind, NULL, $3
       FROM unnest($1::uuid[], $4::uuid[], $5::text[]) AS u(op_id, story_id, kind) ORDER BY u.op_id
       ON CONFLICT (op_id) DO NOTHING RETURNING op_id`,
      [unique.map((o) => o.opId), user.id, now, unique.map((o) => o.storyId), unique.map((o) => o.kind)],
    );
    const claimed = new Set((claim.rows as Row[]).map((r) => String(r.op_id)));
    const prior = new Map<string, PriorOp>();
    const unclaimed = unique.filter((o) => !claimed.has(o.opId)).map((o) => o.opId);
    if (unclaimed.length > 0) {
      const { rows } = await c.query('SELECT op_id, user_id, rev FROM sync_ops WHERE op_id = ANY($1::uuid[])', [unclaimed]);
      for (const r of rows as Row[]) prior.set(String(r.op_id), { userId: String(r.user_id), rev: r.rev === null ? null : Number(r.rev) });
    }
    const storyIds = [...new Set(ops.filter((o) => claimed.has(o.opId)).map((o) => o.storyId))];
    const stories = new Map<string, StoredStory>();
    if (storyIds.length > 0) {
      const locked = await c.query(
        `SELECT id, ${STORED_COLUMNS} FROM stories WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`,
        [storyIds],
      );
      for (const r of locked.rows as Row[]) stories.set(String(r.id), storedFromRow(r));
      if (stories.size > 0) await this.readFacts(c, stories);
    }

    const plan = planBatch(ops, user, claimed, prior, stories, decide);
    if (plan.released.length > 0) await c.query('DELETE FROM sync_ops WHERE op_id = ANY($1::uuid[])', [plan.released]);
    if (plan.kept.length > 0) {
      // Refused texts kept as revisions (a take-over); they touch no story row and take no change number.
      await c.query(
        `INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content)
         SELECT u.story_id, u.rev, $2, 'save', $3, u.content FROM json_to_recordset($1::json) AS u(story_id uuid, rev int, content json)`,
        [JSON.stringify(plan.kept.map((k) => ({ story_id: k.storyId, rev: k.rev, content: k.content }))), user.username, now],
      );
    }
    return this.commitPlan(c, plan, user, now);
  }

  /**
   * Each locked story's facts (StoryFacts). Read by statements of their own,
   * after the lock: under READ COMMITTED each statement sees what committed
   * before it began, so nothing a batch that held the lock wrote is missed.
   */
  private async readFacts(c: Client, stories: Map<string, StoredStory>): Promise<void> {
    const ids = [...stories.keys()];
    const last = await c.query('SELECT story_id, max(rev) AS rev FROM story_revisions WHERE story_id = ANY($1::uuid[]) GROUP BY story_id', [ids]);
    const lastRev = new Map((last.rows as Row[]).map((r) => [String(r.story_id), Number(r.rev)]));
    const holding = await c.query(
      `SELECT story_id, username, action, from_status, to_status, rev FROM audit
       WHERE story_id = ANY($1::uuid[]) AND ${HOLDING_ROWS} ORDER BY id`,
      [ids],
    );
    const rowsOf = new Map<string, Row[]>();
    for (const r of holding.rows as Row[]) rowsOf.set(String(r.story_id), [...(rowsOf.get(String(r.story_id)) ?? []), r]);
    for (const [id, stored] of stories) {
      stories.set(id, { ...stored, facts: { lastRev: lastRev.get(id) ?? 0, takeOvers: takeOversOf(rowsOf.get(id) ?? []) } });
    }
  }

  async runScheduled(decide: Decide<ScheduledOp>): Promise<Array<Answered<ScheduledOp>>> {
    return this.conn.tx(async (c) => {
      const now = new Date().toISOString();
      // SKIP LOCKED: a row another instance is judging right now is its alone; once it
      // commits, the story is no longer 'scheduled' and nobody publishes it twice.
      const { rows } = await c.query(
        // Only the due ones are locked and judged: many may be scheduled for days ahead.
        `SELECT id, ${STORED_COLUMNS} FROM stories
         WHERE status = 'scheduled' AND (workflow->>'publishAt')::timestamptz <= $1
         ORDER BY id FOR UPDATE SKIP LOCKED`,
        [now],
      );
      const stories = new Map<string, StoredStory>((rows as Row[]).map((r) => [String(r.id), storedFromRow(r)]));
      if (stories.size === 0) return [];
      const ops = await this.scheduledOps(c, [...stories.values()]);
      const plan = planBatch(ops, SCHEDULER, new Set(ops.map((o) => o.opId)), new Map(), stories, decide);
      return this.commitPlan(c, plan, SCHEDULER, now);
    });
  }

  /** Each locked story as the scheduler's op, with who last scheduled it and who owns its address. */
  private async scheduledOps(c: Client, stories: readonly StoredStory[]): Promise<ScheduledOp[]> {
    const ids = stories.map((s) => s.story.id);
    const addresses = stories.map(({ story }) => ({ sectionSlug: sectionSlugOf(story.section), slug: effectiveSlug(story) }));
    const schedulers = await c.query(
      `SELECT DISTINCT ON (story_id) story_id, username FROM audit WHERE story_id = ANY($1::uuid[]) AND action = 'schedule'
       ORDER BY story_id, id DESC`,
      [ids],
    );
    const owners = await c.query(
      `SELECT DISTINCT ON (a.section_slug, a.slug) a.section_slug, a.slug, a.story_id
       FROM story_addresses a JOIN unnest($1::text[], $2::text[]) AS u(section_slug, slug)
         ON a.section_slug = u.section_slug AND a.slug = u.slug
       ORDER BY a.section_slug, a.slug, a.created_at`,
      [addresses.map((a) => a.sectionSlug), addresses.map((a) => a.slug)],
    );
    const by = new Map((schedulers.rows as Row[]).map((r) => [String(r.story_id), String(r.username)]));
    const owner = new Map((owners.rows as Row[]).map((r) => [`${String(r.section_slug)}/${String(r.slug)}`, String(r.story_id)]));
    return stories.map(({ story }, i) => ({
      opId: crypto.randomUUID(),
      kind: 'transition',
      storyId: story.id,
      baseRev: story.rev,
      scheduledBy: by.get(story.id) ?? null,
      slugOwner: owner.get(`${addresses[i]?.sectionSlug}/${addresses[i]?.slug}`) ?? null,
    }));
  }

  async audit(storyId: string): Promise<AuditEntry[]> {
    const { rows } = await this.conn.pool.query(
      'SELECT story_id, username, action, from_status, to_status, note, late, at FROM audit WHERE story_id = $1 ORDER BY id',
      [storyId],
    );
    return (rows as Row[]).flatMap(auditFromRow);
  }

  async slugOwner(sectionSlug: string, slug: string): Promise<string | null> {
    const { rows } = await this.conn.pool.query(
      'SELECT story_id FROM story_addresses WHERE section_slug = $1 AND slug = $2 ORDER BY created_at LIMIT 1',
      [sectionSlug, slug],
    );
    const row = rows[0] as Row | undefined;
    return row ? String(row.story_id) : null;
  }

  /** Writes the plan and numbers its writes from the change sequence; inside the caller's transaction. */
  private async commitPlan<Op extends OpRequest>(c: Client, plan: BatchPlan<Op>, user: UserRecord, now: string): Promise<Array<Answered<Op>>> {
    if (plan.writes.length === 0) return finishBatch(plan, 0);
    await this.writePlan(c, plan, user, now);
    // Last: the clock row lock is held only for this, the numbering and the commit.
    const clock = await c.query(
      `UPDATE sync_clock SET change_seq = change_seq + $1, site_version = site_version + $2
       WHERE id = 1 RETURNING change_seq`,
      [plan.writes.length, plan.affectsSite ? 1 : 0],
    );
    const firstSeq = Number((clock.rows[0] as Row).change_seq) - plan.writes.length + 1;
    const finals = finalWrites(plan);
    await c.query('UPDATE stories SET seq = u.seq FROM unnest($1::uuid[], $2::bigint[]) AS u(id, seq) WHERE stories.id = u.id', [
      finals.map((f) => f.write.story.id),
      finals.map((f) => firstSeq + f.index),
    ]);
    return finishBatch(plan, firstSeq);
  }

  private async writePlan(c: Client, plan: BatchPlan<OpRequest>, user: UserRecord, now: string): Promise<void> {
    const finals = finalWrites(plan);
    const created = finals.filter((f) => f.created);
    const changed = finals.filter((f) => !f.created);
    if (created.length > 0) {
      const inserted = await c.query(
        `INSERT INTO stories (id, short_id, author, assignee, status, section, section_slug, slug, headline, sapo,
           is_pick, published_at, updated_at, rev, trashed_at, data, workflow, correction, seq)
         SELECT u.*, -1 FROM ${STORY_RECORDS}
         ON CONFLICT (id) DO NOTHING RETURNING id`,
        [storyRecords(created.map((f) => f.write))],
      );
      if (inserted.rowCount !== created.length) throw new LostCreateRace();
    }
    if (changed.length > 0) {
      await c.query(
        `UPDATE stories SET author = u.author, assignee = u.assignee, status = u.status, section = u.section,
           section_slug = u.section_slug, slug = u.slug, headline = u.headline, sapo = u.sapo, is_pick = u.is_pick,
           published_at = u.published_at, updated_at = u.updated_at, rev = u.rev, trashed_at = u.trashed_at, data = u.data,
           workflow = u.workflow, correction = u.correction
         FROM ${STORY_RECORDS} WHERE stories.id = u.id`,
        [storyRecords(changed.map((f) => f.write))],
      );
    }
    const revisions = plan.writes.filter((w) => w.decision.revisionReason !== null);
    if (revisions.length > 0) {
      await c.query(
        `INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content)
         SELECT u.story_id, u.rev, $2, u.reason, $3, u.content
         FROM json_to_recordset($1::json) AS u(story_id uuid, rev int, reason text, content json)`,
        [
          JSON.stringify(
            revisions.map((w) => ({ story_id: w.story.id, rev: w.rev, reason: w.decision.revisionReason, content: revisionContent(w.story) })),
          ),
          user.username,
          now,
        ],
      );
    }
    await c.query('DELETE FROM story_media WHERE story_id = ANY($1::uuid[])', [finals.map((f) => f.write.story.id)]);
    const media = finals.flatMap((f) => f.write.decision.mediaRefs.map((sha) => [f.write.story.id, sha] as const));
    if (media.length > 0) {
      await c.query('INSERT INTO story_media (story_id, sha256) SELECT * FROM unnest($1::uuid[], $2::text[]) ON CONFLICT DO NOTHING', [
        media.map((m) => m[0]),
        media.map((m) => m[1]),
      ]);
    }
    const addressed = plan.writes.filter((w) => w.decision.address !== null);
    if (addressed.length > 0) {
      await c.query(
        `INSERT INTO story_addresses (short_id, section_slug, slug, story_id, created_at)
         SELECT u.short_id, u.section_slug, u.slug, u.story_id, $5
         FROM unnest($1::text[], $2::text[], $3::text[], $4::uuid[]) AS u(short_id, section_slug, slug, story_id)
         ON CONFLICT DO NOTHING`,
        [addressed.map((w) => shortIdOf(w.story.id)), addressed.map((w) => w.decision.address?.sectionSlug),
          addressed.map((w) => w.decision.address?.slug), addressed.map((w) => w.story.id), now],
      );
    }
    const audited = plan.writes.filter((w) => w.decision.audit !== null);
    if (audited.length > 0) {
      await c.query(
        `INSERT INTO audit (story_id, username, action, from_status, to_status, rev, at, note, late)
         SELECT u.story_id, u.username, u.action, u.from_status, u.to_status, u.rev, u.at, u.note, u.late
         FROM json_to_recordset($1::json) AS u(story_id uuid, username text, action text, from_status text, to_status text,
           rev int, at timestamptz, note text, late boolean)`,
        [JSON.stringify(audited.map((w) => {
          const a = w.decision.audit as AuditEntry;
          return { story_id: w.story.id, username: a.actor, action: a.action, from_status: a.from, to_status: a.to, rev: w.rev, at: a.at, note: a.note, late: a.late === true };
        }))],
      );
    }
    const notices = plan.writes.flatMap((w) => w.decision.notifications);
    if (notices.length > 0) {
      await c.query(
        `INSERT INTO notifications (id, username, kind, story_id, actor, note_id, at)
         SELECT gen_random_uuid(), u.username, u.kind, u.story_id, u.actor, u.note_id, u.at
         FROM json_to_recordset($1::json) AS u(username text, kind text, story_id uuid, actor text, note_id uuid, at timestamptz)`,
        [JSON.stringify(notices.map((n) => ({ username: n.user, kind: n.kind, story_id: n.storyId, actor: n.actor, note_id: n.noteId, at: n.at })))],
      );
    }
    await c.query('UPDATE sync_ops SET rev = u.rev FROM unnest($1::uuid[], $2::int[]) AS u(op_id, rev) WHERE sync_ops.op_id = u.op_id', [
      plan.writes.map((w) => w.op.opId),
      plan.writes.map((w) => w.rev),
    ]);
  }

  async pull(viewer: Viewer, cursor: number, limit: number): Promise<PullPage> {
    const visible = isDesk(viewer.role) ? "(status <> 'draft' OR assignee = $3 OR author = $3)" : '(author = $3 OR assignee = $3)';
    // One statement, one snapshot: the clock head read here covers exactly the rows read.
    const { rows } = await this.conn.pool.query(
      `SELECT s.data, s.seq, s.trashed_at, s.workflow, c.change_seq AS head
       FROM sync_clock c
       LEFT JOIN LATERAL (
         SELECT data, seq, trashed_at, workflow FROM stories WHERE seq > $1 AND ${visible} ORDER BY seq LIMIT $2
       ) s ON true
       WHERE c.id = 1 ORDER BY s.seq`,
      [cursor, limit, viewer.username],
    );
    const changes = (rows as Row[]).filter((r) => r.data !== null).map(pulledFromRow);
    const head = Number((rows[0] as Row).head);
    const more = changes.length === limit;
    const last = changes.at(-1)?.seq ?? cursor;
    return { changes, cursor: more ? last : Math.max(last, head), more };
  }
}
