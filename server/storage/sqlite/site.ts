// What the public site reads from SQLite.
import { TEASER_COLUMNS, liveCondition, parseTeaser, storedFromRow } from '../rows';
import type { ArticleLookup, PublicAddress, SiteStore, Teaser, TeaserQuery } from '../types';
import type { Row, SqliteConnection } from './connection';

const LIVE = liveCondition();

export class SqliteSite implements SiteStore {
  constructor(private readonly conn: SqliteConnection) {}

  async siteVersion(): Promise<number> {
    return Number((this.conn.statement('SELECT site_version FROM sync_clock WHERE id = 1').get() as Row).site_version);
  }

  async findByAddress(shortId: string, address: PublicAddress): Promise<ArticleLookup | null> {
    const row = this.conn
      .statement(
        `SELECT s.data, s.seq, s.trashed_at, s.workflow, s.section_slug AS cur_section, s.slug AS cur_slug
         FROM story_addresses a JOIN stories s ON s.id = a.story_id
         WHERE a.short_id = ? AND a.section_slug = ? AND a.slug = ? LIMIT 1`,
      )
      .get(shortId, address.sectionSlug, address.slug) as Row | undefined;
    if (!row) return null;
    return { stored: storedFromRow(row), address: { sectionSlug: String(row.cur_section), slug: String(row.cur_slug) } };
  }

  async latestPublished(q: TeaserQuery): Promise<Teaser[]> {
    const where = [LIVE];
    if (q.sectionSlug !== undefined) where.push('section_slug = @sectionSlug');
    if (q.picksOnly) where.push('is_pick = 1');
    if (q.excludeId !== undefined) where.push('id <> @excludeId');
    const rows = this.conn
      .statement(
        `SELECT ${TEASER_COLUMNS} FROM stories WHERE ${where.join(' AND ')}
         ORDER BY published_at DESC, id DESC LIMIT @limit OFFSET @offset`,
      )
      .all({ sectionSlug: q.sectionSlug, excludeId: q.excludeId, limit: q.limit, offset: q.offset ?? 0 });
    return rows.map(parseTeaser);
  }

  async countPublished(sectionSlug?: string): Promise<number> {
    const row = (sectionSlug === undefined
      ? this.conn.statement(`SELECT count(*) AS n FROM stories WHERE ${LIVE}`).get()
      : this.conn.statement(`SELECT count(*) AS n FROM stories WHERE ${LIVE} AND section_slug = ?`).get(sectionSlug)) as Row;
    return Number(row.n);
  }

  async publishedByIds(ids: string[]): Promise<Teaser[]> {
    if (ids.length === 0) return [];
    const rows = this.conn.db
      .prepare(`SELECT ${TEASER_COLUMNS} FROM stories WHERE ${LIVE} AND id IN (${ids.map(() => '?').join(', ')})`)
      .all(...ids);
    return rows.map(parseTeaser);
  }

  async publishedTitledIn(text: string, excludeId: string, limit: number): Promise<Teaser[]> {
    const rows = this.conn
      .statement(
        `SELECT ${TEASER_COLUMNS} FROM stories
         WHERE ${LIVE} AND id <> @excludeId AND length(headline) > 0 AND instr(@text, headline) > 0
         ORDER BY published_at DESC, id DESC LIMIT @limit`,
      )
      .all({ text, excludeId, limit });
    return rows.map(parseTeaser);
  }
}
