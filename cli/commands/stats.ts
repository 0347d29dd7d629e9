import fs from 'node:fs';
import type { CliContext } from '../context';

export interface StoreStats {
  stories: number;
  trashed: number;
  byStatus: Record<string, number>;
  words: number;
  revisions: number;
  media: number;
  databaseBytes: number;
}

export function collectStats(ctx: CliContext): StoreStats {
  const db = ctx.db();
  const count = (sql: string) => (db.prepare(sql).get() as { n: number }).n;
  const byStatus: Record<string, number> = {};
  const rows = db.prepare('SELECT status, COUNT(*) AS n FROM stories WHERE deleted_at IS NULL GROUP BY status ORDER BY status').all() as Array<{
    status: string;
    n: number;
  }>;
  for (const row of rows) byStatus[row.status] = row.n;
  const fileBytes = (suffix: string) => (fs.existsSync(ctx.dbPath + suffix) ? fs.statSync(ctx.dbPath + suffix).size : 0);
  return {
    stories: count('SELECT COUNT(*) AS n FROM stories WHERE deleted_at IS NULL'),
    trashed: count('SELECT COUNT(*) AS n FROM stories WHERE deleted_at IS NOT NULL'),
    byStatus,
    words: count('SELECT COALESCE(SUM(word_count), 0) AS n FROM stories WHERE deleted_at IS NULL'),
    revisions: count('SELECT COUNT(*) AS n FROM revisions'),
    media: count('SELECT COUNT(*) AS n FROM media'),
    databaseBytes: fileBytes('') + fileBytes('-wal'),
  };
}

export function statsCommand(ctx: CliContext): void {
  const stats = collectStats(ctx);
  if (ctx.json) {
    ctx.printJson(stats);
    return;
  }
  const statuses = Object.entries(stats.byStatus).map(([status, n]) => `${status} ${n}`).join(', ');
  ctx.print(
    [
      `Cơ sở dữ liệu: ${ctx.dbPath} (${(stats.databaseBytes / 1_048_576).toFixed(1)} MB)`,
      `Bài viết:      ${stats.stories}${statuses ? ` (${statuses})` : ''}`,
      `Thùng rác:     ${stats.trashed}`,
      `Tổng số chữ:   ${stats.words}`,
      `Phiên bản:     ${stats.revisions}`,
      `Ảnh:           ${stats.media}`,
    ].join('\n'),
  );
}
