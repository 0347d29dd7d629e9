// What `newsdesk stats` reports of the store's tables.
import type { Database } from 'better-sqlite3';

export interface StoreCounts {
  stories: number;
  trashed: number;
  byStatus: Record<string, number>;
  words: number;
  revisions: number;
  media: number;
}

export function countStore(db: Database): StoreCounts {
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const byStatus: Record<string, number> = {};
  const rows = db
    // Reference stories (an import's teasers, kept on this desk) are in no status of the workflow.
    .prepare(
      `SELECT CASE WHEN local_only = 1 THEN 'reference' ELSE status END AS status, COUNT(*) AS n
       FROM stories WHERE deleted_at IS NULL GROUP BY 1 ORDER BY 1`,
    )
    .all() as Array<{ status: string; n: number }>;
  for (const row of rows) byStatus[row.status] = row.n;
  return {
    stories: count('SELECT COUNT(*) AS n FROM stories WHERE deleted_at IS NULL'),
    trashed: count('SELECT COUNT(*) AS n FROM stories WHERE deleted_at IS NOT NULL'),
    byStatus,
    words: count('SELECT COALESCE(SUM(word_count), 0) AS n FROM stories WHERE deleted_at IS NULL'),
    revisions: count('SELECT COUNT(*) AS n FROM revisions'),
    media: count('SELECT COUNT(*) AS n FROM media'),
  };
}
