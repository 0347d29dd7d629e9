import fs from 'node:fs';
import type { StoreCounts } from '../../service';
import type { CliContext } from '../context';

export type StoreStats = StoreCounts & { databaseBytes: number };

export function collectStats(ctx: CliContext): StoreStats {
  const fileBytes = (suffix: string) => (fs.existsSync(ctx.dbPath + suffix) ? fs.statSync(ctx.dbPath + suffix).size : 0);
  return { ...ctx.store().counts(), databaseBytes: fileBytes('') + fileBytes('-wal') };
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
