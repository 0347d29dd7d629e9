// PostgreSQL storage, for several stateless server instances sharing one database.
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
import pg from 'pg';
import { v7 as uuidv7 } from 'uuid';
import { POSTGRES_MIGRATIONS } from './migrations/postgres';
import { checkMigrationOrder } from './migrations/migration';
import { TEASER_COLUMNS, liveCondition, parseStory, parseTeaser, parseUser, storyColumns, toIso, toIsoOrNull } from './rows';
import { isDesk } from '../auth/roles';
import { shortIdOf } from '../site/address';
import { finalWrites, finishBatch, planBatch, revisionContent, type BatchPlan, type PlannedWrite, type PriorOp } from './batch';
import {
  UserExistsError,
  type ArticleLookup,
  type DatabaseHealth,
  type Decide,
  type MediaRecord,
  type OpOutcome,
  type OpRequest,
  type PublicAddress,
  type PullPage,
  type SessionRecord,
  type Storage,
  type StoredStory,
  type Teaser,
  type TeaserQuery,
  type UserRecord,
  type Viewer,
} from './types';

type Row = Record<string, unknown>;
type Client = pg.PoolClient;
const LIVE = liveCondition();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

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
  updated_at timestamptz, rev int, trashed_at timestamptz, data json)`;

function storyRecords(writes: readonly PlannedWrite[]): string {
  return JSON.stringify(
    writes.map((w) => {
      const c = storyColumns(w.story);
      return {
        id: c.id, short_id: c.shortId, author: c.author, assignee: c.assignee, status: c.status, section: c.section,
        section_slug: c.sectionSlug, slug: c.slug, headline: c.headline, sapo: c.sapo, is_pick: c.isPick,
        published_at: c.publishedAt, updated_at: c.updatedAt, rev: c.rev, trashed_at: w.decision.trashedAt, data: w.story,
      };
    }),
  );
}

function stored(row: Row): StoredStory {
  return {
    story: parseStory(row.data),
    seq: Number(row.seq),
    trashedAt: toIsoOrNull(row.trashed_at as Date | null),
  };
}

export class PostgresStorage implements Storage {
  readonly kind = 'postgres' as const;

  private constructor(private readonly pool: pg.Pool) {}

  static async open(connectionString: string, onPoolError: (error: Error) => void): Promise<PostgresStorage> {
    const pool = new pg.Pool({ connectionString, max: Number(process.env.PG_POOL_MAX ?? 10) });
    pool.on('error', onPoolError);
    const storage = new PostgresStorage(pool);
    try {
      await storage.migrate();
    } catch (error) {
      await pool.end();
      throw error;
    }
    return storage;
  }

  private async tx<T>(work: (c: Client) => Promise<T>, begin = 'BEGIN'): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  private async migrate(): Promise<void> {
    checkMigrationOrder(POSTGRES_MIGRATIONS);
    await this.tx(async (c) => {
      // Instances starting together take turns; the lock is per schema so that
      // parallel test schemas do not wait on each other.
      await c.query('SELECT pg_advisory_xact_lock(hashtext(current_schema()))');
      await c.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL)',
      );
      const done = new Set((await c.query('SELECT version FROM schema_migrations')).rows.map((r: Row) => Number(r.version)));
      for (const m of POSTGRES_MIGRATIONS) {
        if (done.has(m.version)) continue;
        await c.query(m.sql);
        await c.query('INSERT INTO schema_migrations (version, name, applied_at) VALUES ($1, $2, now())', [m.version, m.name]);
      }
    });
  }

  async health(): Promise<DatabaseHealth> {
    try {
      const { rows } = await this.pool.query('SELECT max(version) AS v FROM schema_migrations');
      return { kind: 'postgres', ok: true, migration: Number((rows[0] as Row).v ?? 0) };
    } catch (error) {
      return { kind: 'postgres', ok: false, migration: 0, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  async createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord> {
    const record: UserRecord = { ...user, id: uuidv7(), createdAt: new Date().toISOString() };
    try {
      await this.pool.query(
        'INSERT INTO users (id, username, role, password_hash, created_at) VALUES ($1, $2, $3, $4, $5)',
        [record.id, record.username, record.role, record.passwordHash, record.createdAt],
      );
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new UserExistsError(user.username);
      throw error;
    }
    return record;
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const { rows } = await this.pool.query('SELECT * FROM users WHERE username = $1', [username]);
    return rows[0] ? parseUser(rows[0]) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    const { rows } = await this.pool.query('SELECT * FROM users ORDER BY username');
    return rows.map(parseUser);
  }

  async createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    await this.pool.query(
      'INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES ($1, $2, now(), $3)',
      [s.tokenHash, s.userId, s.expiresAt],
    );
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const { rows } = await this.pool.query(
      `SELECT u.*, s.expires_at AS s_expires_at, s.revoked_at AS s_revoked_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
      [tokenHash],
    );
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return {
      user: parseUser(row),
      expiresAt: toIso(row.s_expires_at as Date),
      revokedAt: toIsoOrNull(row.s_revoked_at as Date | null),
    };
  }

  async revokeSession(tokenHash: string): Promise<void> {
    await this.pool.query('UPDATE sessions SET revoked_at = now() WHERE token_hash = $1 AND revoked_at IS NULL', [tokenHash]);
  }

  async getStory(id: string): Promise<StoredStory | null> {
    const { rows } = await this.pool.query('SELECT data, seq, trashed_at FROM stories WHERE id = $1', [id]);
    return rows[0] ? stored(rows[0]) : null;
  }

  async applyOps(ops: readonly OpRequest[], user: UserRecord, decide: Decide): Promise<OpOutcome[]> {
    if (ops.length === 0) return [];
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.tx((c) => this.applyIn(c, ops, user, decide));
      } catch (error) {
        // A lost create race or a deadlock between two batches: nothing was
        // written, so running the batch again is safe and sees the winner's rows.
        const code = (error as { code?: string }).code;
        const retryable = error instanceof LostCreateRace || code === '40P01' || code === '40001';
        if (!retryable || attempt >= MAX_ATTEMPTS) throw error;
      }
    }
  }

  private async applyIn(c: Client, ops: readonly OpRequest[], user: UserRecord, decide: Decide): Promise<OpOutcome[]> {
    const now = new Date().toISOString();
    const firstOfId = new Map<string, OpRequest>();
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
        'SELECT id, data, seq, trashed_at FROM stories WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
        [storyIds],
      );
      for (const r of locked.rows as Row[]) stories.set(String(r.id), stored(r));
    }

    const plan = planBatch(ops, user, claimed, prior, stories, decide);
    if (plan.released.length > 0) await c.query('DELETE FROM sync_ops WHERE op_id = ANY($1::uuid[])', [plan.released]);
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

  private async writePlan(c: Client, plan: BatchPlan, user: UserRecord, now: string): Promise<void> {
    const finals = finalWrites(plan);
    const created = finals.filter((f) => f.created);
    const changed = finals.filter((f) => !f.created);
    if (created.length > 0) {
      const inserted = await c.query(
        `INSERT INTO stories (id, short_id, author, assignee, status, section, section_slug, slug, headline, sapo,
           is_pick, published_at, updated_at, rev, trashed_at, data, seq)
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
           published_at = u.published_at, updated_at = u.updated_at, rev = u.rev, trashed_at = u.trashed_at, data = u.data
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
    await c.query(
      `INSERT INTO audit (story_id, username, action, from_status, to_status, rev, at)
       SELECT u.story_id, $6, u.action, u.from_status, u.to_status, u.rev, $7
       FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::int[]) AS u(story_id, action, from_status, to_status, rev)`,
      [plan.writes.map((w) => w.story.id), plan.writes.map((w) => w.op.kind), plan.writes.map((w) => w.before?.story.status ?? null),
        plan.writes.map((w) => w.story.status), plan.writes.map((w) => w.rev), user.username, now],
    );
    await c.query('UPDATE sync_ops SET rev = u.rev FROM unnest($1::uuid[], $2::int[]) AS u(op_id, rev) WHERE sync_ops.op_id = u.op_id', [
      plan.writes.map((w) => w.op.opId),
      plan.writes.map((w) => w.rev),
    ]);
  }

  async pull(viewer: Viewer, cursor: number, limit: number): Promise<PullPage> {
    const visible = isDesk(viewer.role) ? "(status <> 'draft' OR assignee = $3 OR author = $3)" : 'author = $3';
    // One statement, one snapshot: the clock head read here covers exactly the rows read.
    const { rows } = await this.pool.query(
      `SELECT s.data, s.seq, s.trashed_at, c.change_seq AS head
       FROM sync_clock c
       LEFT JOIN LATERAL (
         SELECT data, seq, trashed_at FROM stories WHERE seq > $1 AND ${visible} ORDER BY seq LIMIT $2
       ) s ON true
       WHERE c.id = 1 ORDER BY s.seq`,
      [cursor, limit, viewer.username],
    );
    const changes = (rows as Row[]).filter((r) => r.data !== null).map(stored);
    const head = Number((rows[0] as Row).head);
    const more = changes.length === limit;
    const last = changes.at(-1)?.seq ?? cursor;
    return { changes, cursor: more ? last : Math.max(last, head), more };
  }

  async putMedia(media: MediaRecord): Promise<boolean> {
    const result = await this.pool.query(
      `INSERT INTO media (sha256, mime, size, bytes, created_at) VALUES ($1, $2, $3, $4, now())
       ON CONFLICT (sha256) DO NOTHING`,
      [media.sha256, media.mime, media.size, media.bytes],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async getMedia(sha256: string): Promise<MediaRecord | null> {
    const { rows } = await this.pool.query('SELECT sha256, mime, size, bytes FROM media WHERE sha256 = $1', [sha256]);
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return { sha256: String(row.sha256), mime: String(row.mime), size: Number(row.size), bytes: row.bytes as Buffer };
  }

  async isMediaPublic(sha256: string): Promise<boolean> {
    const { rows } = await this.pool.query(
      `SELECT 1 FROM story_media m JOIN stories s ON s.id = m.story_id
       WHERE m.sha256 = $1 AND ${liveCondition('s')} LIMIT 1`,
      [sha256],
    );
    return rows.length > 0;
  }

  async siteVersion(): Promise<number> {
    const { rows } = await this.pool.query('SELECT site_version FROM sync_clock WHERE id = 1');
    return Number((rows[0] as Row).site_version);
  }

  async findByAddress(shortId: string, address: PublicAddress): Promise<ArticleLookup | null> {
    const { rows } = await this.pool.query(
      `SELECT s.data, s.seq, s.trashed_at, s.section_slug AS cur_section, s.slug AS cur_slug
       FROM story_addresses a JOIN stories s ON s.id = a.story_id
       WHERE a.short_id = $1 AND a.section_slug = $2 AND a.slug = $3 LIMIT 1`,
      [shortId, address.sectionSlug, address.slug],
    );
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return { stored: stored(row), address: { sectionSlug: String(row.cur_section), slug: String(row.cur_slug) } };
  }

  async latestPublished(q: TeaserQuery): Promise<Teaser[]> {
    const where = [LIVE];
    const params: unknown[] = [q.limit, q.offset ?? 0];
    if (q.sectionSlug !== undefined) where.push(`section_slug = $${params.push(q.sectionSlug)}`);
    if (q.picksOnly) where.push('is_pick');
    if (q.excludeId !== undefined) where.push(`id <> $${params.push(q.excludeId)}`);
    const { rows } = await this.pool.query(
      `SELECT ${TEASER_COLUMNS} FROM stories WHERE ${where.join(' AND ')}
       ORDER BY published_at DESC, id DESC LIMIT $1 OFFSET $2`,
      params,
    );
    return rows.map(parseTeaser);
  }

  async countPublished(sectionSlug?: string): Promise<number> {
    const { rows } =
      sectionSlug === undefined
        ? await this.pool.query(`SELECT count(*) AS n FROM stories WHERE ${LIVE}`)
        : await this.pool.query(`SELECT count(*) AS n FROM stories WHERE ${LIVE} AND section_slug = $1`, [sectionSlug]);
    return Number((rows[0] as Row).n);
  }

  async publishedByIds(ids: string[]): Promise<Teaser[]> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return [];
    const { rows } = await this.pool.query(`SELECT ${TEASER_COLUMNS} FROM stories WHERE ${LIVE} AND id = ANY($1::uuid[])`, [uuids]);
    return rows.map(parseTeaser);
  }
}
