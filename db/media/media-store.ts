// Images in the local store, kept once by the sha256 of their bytes: adding the
// same photo twice (pasted, then dropped) keeps one copy.
import type { Database, Statement } from 'better-sqlite3';
import type { Clock } from '../stories/repository';

export interface StoredMedia {
  sha256: string;
  mime: string;
  bytes: Buffer;
}

export class MediaStore {
  private readonly insert: Statement;
  private readonly select: Statement;

  constructor(
    db: Database,
    private readonly clock: Clock,
  ) {
    this.insert = db.prepare('INSERT INTO media (sha256, mime, size, created_at, bytes) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING');
    this.select = db.prepare('SELECT sha256, mime, bytes FROM media WHERE sha256 = ?');
  }

  /** Keeps the bytes under their sha256; a second add of the same bytes changes nothing. */
  add(sha256: string, mime: string, bytes: Uint8Array): void {
    this.insert.run(sha256, mime, bytes.byteLength, this.clock().toISOString(), bytes);
  }

  get(sha256: string): StoredMedia | null {
    return (this.select.get(sha256) as StoredMedia | undefined) ?? null;
  }
}
