// What the public site reads from PostgreSQL.
import { TEASER_COLUMNS, liveCondition, parseTeaser, storedFromRow } from '../rows';
import type { ArticleLookup, PublicAddress, SiteStore, Teaser, TeaserQuery } from '../types';
import type { PostgresConnection, Row } from './connection';

const LIVE = liveCondition();
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export class PostgresSite implements SiteStore {
  constructor(private readonly conn: PostgresConnection) {}

  async siteVersion(): Promise<number> {
    const { rows } = await this.conn.pool.query('SELECT site_version FROM sync_clock WHERE id = 1');
    return Number((rows[0] as Row).site_version);
  }

  async findByAddress(shortId: string, address: PublicAddress): Promise<ArticleLookup | null> {
    const { rows } = await this.conn.pool.query(
      `SELECT s.data, s.seq, s.trashed_at, s.workflow, s.section_slug AS cur_section, s.slug AS cur_slug
       FROM story_addresses a JOIN stories s ON s.id = a.story_id
       WHERE a.short_id = $1 AND a.section_slug = $2 AND a.slug = $3 LIMIT 1`,
      [shortId, address.sectionSlug, address.slug],
    );
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return { stored: storedFromRow(row), address: { sectionSlug: String(row.cur_section), slug: String(row.cur_slug) } };
  }

  async latestPublished(q: TeaserQuery): Promise<Teaser[]> {
    const where = [LIVE];
    const params: unknown[] = [q.limit, q.offset ?? 0];
    if (q.sectionSlug !== undefined) where.push(`section_slug = $${params.push(q.sectionSlug)}`);
    if (q.picksOnly) where.push('is_pick');
    if (q.excludeId !== undefined) where.push(`id <> $${params.push(q.excludeId)}`);
    const { rows } = await this.conn.pool.query(
      `SELECT ${TEASER_COLUMNS} FROM stories WHERE ${where.join(' AND ')}
       ORDER BY published_at DESC, id DESC LIMIT $1 OFFSET $2`,
      params,
    );
    return rows.map(parseTeaser);
  }

  async countPublished(sectionSlug?: string): Promise<number> {
    const { rows } =
      sectionSlug === undefined
        ? await this.conn.pool.query(`SELECT count(*) AS n FROM stories WHERE ${LIVE}`)
        : await this.conn.pool.query(`SELECT count(*) AS n FROM stories WHERE ${LIVE} AND section_slug = $1`, [sectionSlug]);
    return Number((rows[0] as Row).n);
  }

  async publishedByIds(ids: string[]): Promise<Teaser[]> {
    const uuids = ids.filter((id) => UUID.test(id));
    if (uuids.length === 0) return [];
    const { rows } = await this.conn.pool.query(`SELECT ${TEASER_COLUMNS} FROM stories WHERE ${LIVE} AND id = ANY($1::uuid[])`, [uuids]);
    return rows.map(parseTeaser);
  }

  async publishedTitledIn(text: string, excludeId: string, limit: number): Promise<Teaser[]> {
    const { rows } = await this.conn.pool.query(
      `SELECT ${TEASER_COLUMNS} FROM stories
       WHERE ${LIVE} AND id <> $2 AND headline <> '' AND strpos($1, headline) > 0
       ORDER BY published_at DESC, id DESC LIMIT $3`,
      [text, UUID.test(excludeId) ? excludeId : '00000000-0000-0000-0000-000000000000', limit],
    );
    return rows.map(parseTeaser);
  }
}
