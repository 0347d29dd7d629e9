// SQLite storage: one file, zero setup. better-sqlite3 is synchronous, and every
// write runs in a BEGIN IMMEDIATE transaction, so writers are serialized by the
// file lock; that alone makes rev counters and op dedupe race-free here.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { v7 as uuidv7 } from 'uuid';
import { SQLITE_MIGRATIONS } from './migrations/sqlite';
import { checkMigrationOrder } from './migrations/migration';
import { TEASER_COLUMNS, liveCondition, parseStory, parseTeaser, parseUser, storyColumns } from './rows';
import { isDesk } from '../auth/roles';
import { shortIdOf } from '../site/address';
import { finalWrites, finishBatch, planBatch, revisionContent, type BatchPlan, type PriorOp } from './batch';
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
const LIVE = liveCondition();

export class SqliteStorage implements Storage {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    checkMigrationOrder(SQLITE_MIGRATIONS);
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TEXT NOT NULL)',
    );
    const apply = this.db.transaction(() => {
      const done = new Set(
        this.db.prepare('SELECT version FROM schema_migrations').all().map((r) => Number((r as Row).version)),
      );
      for (const m of SQLITE_MIGRATIONS) {
        if (done.has(m.version)) continue;
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)')
          .run(m.version, m.name, new Date().toISOString());
      }
    });
    apply.immediate();
  }

  private statement(sql: string): Database.Statement {
    // better-sqlite3 caches nothing itself; the set of SQL strings here is small and fixed.
    let s = this.statements.get(sql);
    if (!s) {
      s = this.db.prepare(sql);
      this.statements.set(sql, s);
    }
    return s;
  }
  private readonly statements = new Map<string, Database.Statement>();

  async health(): Promise<DatabaseHealth> {
    try {
      const row = this.statement('SELECT max(version) AS v FROM schema_migrations').get() as Row;
      return { kind: 'sqlite', ok: true, migration: Number(row.v ?? 0) };
    } catch (error) {
      return { kind: 'sqlite', ok: false, migration: 0, error: (error as Error).message };
    }
  }

  async close(): Promise<void> {
    this.db.close();
  }

  async createUser(user: Omit<UserRecord, 'id' | 'createdAt'>): Promise<UserRecord> {
    const record: UserRecord = { ...user, id: uuidv7(), createdAt: new Date().toISOString() };
    try {
      this.statement('INSERT INTO users (id, username, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)').run(
        record.id,
        record.username,
        record.role,
        record.passwordHash,
        record.createdAt,
      );
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') throw new UserExistsError(user.username);
      throw error;
    }
    return record;
  }

  async findUser(username: string): Promise<UserRecord | null> {
    const row = this.statement('SELECT * FROM users WHERE username = ?').get(username);
    return row ? parseUser(row) : null;
  }

  async listUsers(): Promise<UserRecord[]> {
    return this.statement('SELECT * FROM users ORDER BY username').all().map(parseUser);
  }

  async createSession(s: { tokenHash: string; userId: string; expiresAt: string }): Promise<void> {
    this.statement('INSERT INTO sessions (token_hash, user_id, created_at, expires_at) VALUES (?, ?, ?, ?)').run(
      s.tokenHash,
      s.userId,
      new Date().toISOString(),
      s.expiresAt,
    );
  }

  async findSession(tokenHash: string): Promise<SessionRecord | null> {
    const row = this.statement(
      `SELECT u.*, s.expires_at AS s_expires_at, s.revoked_at AS s_revoked_at
       FROM sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = ?`,
    ).get(tokenHash) as Row | undefined;
    if (!row) return null;
    return { user: parseUser(row), expiresAt: String(row.s_expires_at), revokedAt: (row.s_revoked_at as string | null) ?? null };
  }

  async revokeSession(tokenHash: string): Promise<void> {
    this.statement('UPDATE sessions SET revoked_at = ? WHERE token_hash = ? AND revoked_at IS NULL').run(
      new Date().toISOString(),
      tokenHash,
    );
  }

  private readStored(row: Row | undefined): StoredStory | null {
    if (!row) return null;
    return { story: parseStory(row.data), seq: Number(row.seq), trashedAt: (row.trashed_at as string | null) ?? null };
  }

  async getStory(id: string): Promise<StoredStory | null> {
    return this.readStored(this.statement('SELECT data, seq, trashed_at FROM stories WHERE id = ?').get(id) as Row | undefined);
  }

  async applyOps(ops: readonly OpRequest[], user: UserRecord, decide: Decide): Promise<OpOutcome[]> {
    if (ops.length === 0) return [];
    const now = new Date().toISOString();
    const run = this.db.transaction((): OpOutcome[] => {
      const claimed = new Set<string>();
      const prior = new Map<string, PriorOp>();
      const claim = this.statement(
        'INSERT OR IGNORE INTO sync_ops (op_id, user_id, story_id, kind, rev, applied_at) VALUES (?, ?, ?, ?, NULL, ?)',
      );
      for (const op of ops) {
        if (claimed.has(op.opId) || prior.has(op.opId)) continue;
        if (claim.run(op.opId, user.id, op.storyId, op.kind, now).changes > 0) claimed.add(op.opId);
        else {
          const row = this.statement('SELECT user_id, rev FROM sync_ops WHERE op_id = ?').get(op.opId) as Row;
          prior.set(op.opId, { userId: String(row.user_id), rev: row.rev === null ? null : Number(row.rev) });
        }
      }
      const stories = new Map<string, StoredStory>();
      for (const id of new Set(ops.map((o) => o.storyId))) {
        const stored = this.readStored(this.statement('SELECT data, seq, trashed_at FROM stories WHERE id = ?').get(id) as Row | undefined);
        if (stored) stories.set(id, stored);
      }
      const plan = planBatch(ops, user, claimed, prior, stories, decide);
      for (const opId of plan.released) this.statement('DELETE FROM sync_ops WHERE op_id = ?').run(opId);
      if (plan.writes.length === 0) return finishBatch(plan, 0);
      const clock = this.statement(
        `UPDATE sync_clock SET change_seq = change_seq + ?, site_version = site_version + ?
         WHERE id = 1 RETURNING change_seq`,
      ).get(plan.writes.length, plan.affectsSite ? 1 : 0) as Row;
      const firstSeq = Number(clock.change_seq) - plan.writes.length + 1;
      this.writePlan(plan, user, firstSeq, now);
      return finishBatch(plan, firstSeq);
    });
    return run.immediate();
  }

  private writePlan(plan: BatchPlan, user: UserRecord, firstSeq: number, now: string): void {
    // Story rows first: revisions and addresses refer to them.
    for (const { index, write } of finalWrites(plan)) {
      const c = storyColumns(write.story);
      this.statement(
        `INSERT INTO stories (id, short_id, author, assignee, status, section, section_slug, slug, headline, sapo,
           is_pick, published_at, updated_at, rev, seq, trashed_at, data)
         VALUES (@id, @shortId, @author, @assignee, @status, @section, @sectionSlug, @slug, @headline, @sapo,
           @isPick, @publishedAt, @updatedAt, @rev, @seq, @trashedAt, @data)
         ON CONFLICT (id) DO UPDATE SET author = excluded.author, assignee = excluded.assignee, status = excluded.status,
           section = excluded.section, section_slug = excluded.section_slug, slug = excluded.slug,
           headline = excluded.headline, sapo = excluded.sapo, is_pick = excluded.is_pick,
           published_at = excluded.published_at, updated_at = excluded.updated_at, rev = excluded.rev,
           seq = excluded.seq, trashed_at = excluded.trashed_at, data = excluded.data`,
      ).run({
        ...c,
        isPick: c.isPick ? 1 : 0,
        seq: firstSeq + index,
        trashedAt: write.decision.trashedAt,
        data: JSON.stringify(write.story),
      });
      this.statement('DELETE FROM story_media WHERE story_id = ?').run(c.id);
      for (const sha of write.decision.mediaRefs) {
        this.statement('INSERT OR IGNORE INTO story_media (story_id, sha256) VALUES (?, ?)').run(c.id, sha);
      }
    }
    for (const w of plan.writes) {
      const { story, decision } = w;
      if (decision.revisionReason) {
        this.statement(
          'INSERT INTO story_revisions (story_id, rev, author, reason, created_at, content) VALUES (?, ?, ?, ?, ?, ?)',
        ).run(story.id, w.rev, user.username, decision.revisionReason, now, JSON.stringify(revisionContent(story)));
      }
      if (decision.address) {
        this.statement(
          'INSERT OR IGNORE INTO story_addresses (short_id, section_slug, slug, story_id, created_at) VALUES (?, ?, ?, ?, ?)',
        ).run(shortIdOf(story.id), decision.address.sectionSlug, decision.address.slug, story.id, now);
      }
      this.statement(
        'INSERT INTO audit (story_id, username, action, from_status, to_status, rev, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      ).run(story.id, user.username, w.op.kind, w.before?.story.status ?? null, story.status, w.rev, now);
      this.statement('UPDATE sync_ops SET rev = ? WHERE op_id = ?').run(w.rev, w.op.opId);
    }
  }

  async pull(viewer: Viewer, cursor: number, limit: number): Promise<PullPage> {
    const visible = isDesk(viewer.role)
      ? "(status <> 'draft' OR assignee = @me OR author = @me)"
      : 'author = @me';
    const read = this.db.transaction((): PullPage => {
      const rows = this.statement(
        `SELECT data, seq, trashed_at FROM stories WHERE seq > @cursor AND ${visible} ORDER BY seq LIMIT @limit`,
      ).all({ cursor, limit, me: viewer.username }) as Row[];
      const changes = rows.map((r) => this.readStored(r) as StoredStory);
      const more = rows.length === limit;
      const last = changes.at(-1)?.seq ?? cursor;
      // With nothing more to see, skip past others' changes too (same snapshot, so nothing is missed).
      const head = Number((this.statement('SELECT change_seq FROM sync_clock WHERE id = 1').get() as Row).change_seq);
      return { changes, cursor: more ? last : Math.max(last, head), more };
    });
    return read.deferred();
  }

  async putMedia(media: MediaRecord): Promise<boolean> {
    const result = this.statement(
      'INSERT OR IGNORE INTO media (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?)',
    ).run(media.sha256, media.mime, media.size, media.bytes, new Date().toISOString());
    return result.changes > 0;
  }

  async getMedia(sha256: string): Promise<MediaRecord | null> {
    const row = this.statement('SELECT sha256, mime, size, bytes FROM media WHERE sha256 = ?').get(sha256) as Row | undefined;
    if (!row) return null;
    return { sha256: String(row.sha256), mime: String(row.mime), size: Number(row.size), bytes: row.bytes as Buffer };
  }

  async isMediaPublic(sha256: string): Promise<boolean> {
    const row = this.statement(
      `SELECT 1 AS ok FROM story_media m JOIN stories s ON s.id = m.story_id
       WHERE m.sha256 = ? AND ${liveCondition('s')} LIMIT 1`,
    ).get(sha256);
    return row !== undefined;
  }

  async siteVersion(): Promise<number> {
    return Number((this.statement('SELECT site_version FROM sync_clock WHERE id = 1').get() as Row).site_version);
  }

  async findByAddress(shortId: string, address: PublicAddress): Promise<ArticleLookup | null> {
    const row = this.statement(
      `SELECT s.data, s.seq, s.trashed_at, s.section_slug AS cur_section, s.slug AS cur_slug
       FROM story_addresses a JOIN stories s ON s.id = a.story_id
       WHERE a.short_id = ? AND a.section_slug = ? AND a.slug = ? LIMIT 1`,
    ).get(shortId, address.sectionSlug, address.slug) as Row | undefined;
    const stored = this.readStored(row);
    if (!row || !stored) return null;
    return { stored, address: { sectionSlug: String(row.cur_section), slug: String(row.cur_slug) } };
  }

  async latestPublished(q: TeaserQuery): Promise<Teaser[]> {
    const where = [LIVE];
    if (q.sectionSlug !== undefined) where.push('section_slug = @sectionSlug');
    if (q.picksOnly) where.push('is_pick = 1');
    if (q.excludeId !== undefined) where.push('id <> @excludeId');
    const rows = this.statement(
      `SELECT ${TEASER_COLUMNS} FROM stories WHERE ${where.join(' AND ')}
       ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
    ).all({ sectionSlug: q.sectionSlug, excludeId: q.excludeId, limit: q.limit, offset: q.offset ?? 0 });
    return rows.map(parseTeaser);
  }

  async countPublished(sectionSlug?: string): Promise<number> {
    const row = (sectionSlug === undefined
      ? this.statement(`SELECT count(*) AS n FROM stories WHERE ${LIVE}`).get()
      : this.statement(`SELECT count(*) AS n FROM stories WHERE ${LIVE} AND section_slug = ?`).get(sectionSlug)) as Row;
    return Number(row.n);
  }

  async publishedByIds(ids: string[]): Promise<Teaser[]> {
    if (ids.length === 0) return [];
    const rows = this.db
      .prepare(`SELECT ${TEASER_COLUMNS} FROM stories WHERE ${LIVE} AND id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids);
    return rows.map(parseTeaser);
  }
}
