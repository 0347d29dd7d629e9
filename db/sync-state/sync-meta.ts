// The worker's small persistent state (pull cursor, last sync time), one JSON
// value per key in `sync_meta`. Keys carry the server and account they belong
// to, so signing in elsewhere starts from the beginning instead of skipping.
import type { Database } from 'better-sqlite3';
import { z } from 'zod';

export class SyncMeta {
  private readonly select;
  private readonly upsert;

  constructor(db: Database) {
    this.select = db.prepare('SELECT value FROM sync_meta WHERE key = ?');
    this.upsert = db.prepare(
      'INSERT INTO sync_meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
    );
  }

  read<T>(key: string, schema: z.ZodType<T>): T | null {
    const row = this.select.get(key) as { value: string } | undefined;
    if (!row) return null;
    const parsed = schema.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : null;
  }

  write(key: string, value: unknown): void {
    this.upsert.run(key, JSON.stringify(value));
  }
}

export const cursorValue = z.number().int().min(0);
export const timeValue = z.iso.datetime({ offset: true });

/**
 * Who is signed in, as the server named them (the sign-in answer, then GET
 * /api/me): new stories are theirs and their byline defaults to the display
 * name. Kept when the token expires (still the same person), cleared on sign-out.
 */
export const SIGNED_IN_KEY = 'signedIn';
export const signedInAccount = z.strictObject({
  serverUrl: z.string().min(1),
  username: z.string().min(1),
  displayName: z.string().min(1).max(100),
  /** null from a server whose sign-in answer names no role. */
  role: z.string().min(1).nullable(),
});
export type SignedInAccount = z.infer<typeof signedInAccount>;

export function accountKey(what: 'cursor' | 'lastSyncedAt', serverUrl: string, username: string): string {
  return `${what}:${serverUrl}|${username}`;
}
