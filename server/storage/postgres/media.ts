// Images in PostgreSQL, addressed by sha256.
import { liveCondition } from '../rows';
import type { MediaRecord, MediaStore } from '../types';
import type { PostgresConnection, Row } from './connection';

export class PostgresMedia implements MediaStore {
  constructor(private readonly conn: PostgresConnection) {}

  async putMedia(media: MediaRecord): Promise<boolean> {
    const result = await this.conn.pool.query(
      'INSERT INTO media (sha256, mime, size, bytes, created_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING',
      [media.sha256, media.mime, media.size, media.bytes],
    );
    return (result.rowCount ?? 0) > 0;
  }

  async getMedia(sha256: string): Promise<MediaRecord | null> {
    const { rows } = await this.conn.pool.query('SELECT sha256, mime, size, bytes FROM media WHERE sha256 = $1', [sha256]);
    const row = rows[0] as Row | undefined;
    if (!row) return null;
    return { sha256: String(row.sha256), mime: String(row.mime), size: Number(row.size), bytes: row.bytes as Buffer };
  }

  async isMediaPublic(sha256: string): Promise<boolean> {
    const { rows } = await this.conn.pool.query(
      `SELECT 1 FROM story_media m JOIN stories s ON s.id = m.story_id
       WHERE m.sha256 = $1 AND ${liveCondition('s')} LIMIT 1`,
      [sha256],
    );
    return rows.length > 0;
  }
}
