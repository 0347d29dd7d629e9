// Images in SQLite, addressed by sha256.
import { liveCondition } from '../rows';
import type { MediaRecord, MediaStore } from '../types';
import type { Row, SqliteConnection } from './connection';

export class SqliteMedia implements MediaStore {
  constructor(private readonly conn: SqliteConnection) {}

  async putMedia(media: MediaRecord): Promise<boolean> {
    const result = this.conn
      .statement('INSERT INTO media (sha256, mime, size, bytes, created_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(media.sha256, media.mime, media.size, media.bytes, new Date().toISOString());
    return result.changes > 0;
  }

  async getMedia(sha256: string): Promise<MediaRecord | null> {
    const row = this.conn.statement('SELECT sha256, mime, size, bytes FROM media WHERE sha256 = ?').get(sha256) as Row | undefined;
    if (!row) return null;
    return { sha256: String(row.sha256), mime: String(row.mime), size: Number(row.size), bytes: row.bytes as Buffer };
  }

  async isMediaPublic(sha256: string): Promise<boolean> {
    const row = this.conn
      .statement(
        `SELECT 1 AS ok FROM story_media m JOIN stories s ON s.id = m.story_id
         WHERE m.sha256 = ? AND ${liveCondition('s')} LIMIT 1`,
      )
      .get(sha256);
    return row !== undefined;
  }
}
