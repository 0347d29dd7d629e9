import fs from 'node:fs';
import path from 'node:path';
import { checkImportSize, importArticle, importedArticle, ImportError, type ImportedArticle } from '../../core/import';
import { CliError } from '../errors';
import type { CliContext } from '../context';

export interface ImportFlags {
  dryRun: boolean;
  withTeasers: boolean;
  author: string;
}

async function readArticle(file: string): Promise<ImportedArticle> {
  let size: number;
  try {
    const stat = fs.statSync(file);
    if (!stat.isFile()) throw new CliError(`${file}: không phải là một tệp`);
    size = stat.size;
  } catch (error) {
    if (error instanceof CliError) throw error;
    throw new CliError(`${file}: không đọc được tệp (${(error as NodeJS.ErrnoException).code ?? 'lỗi'})`);
  }
  try {
    // Refuse before reading, so that a huge file never fills memory.
    checkImportSize(size);
    return await importArticle(path.basename(file), new Uint8Array(fs.readFileSync(file)));
  } catch (error) {
    if (error instanceof ImportError) throw new CliError(`${file}: ${error.message}`);
    throw error;
  }
}

export async function importCommand(ctx: CliContext, files: string[], flags: ImportFlags): Promise<void> {
  if (files.length === 0) throw new CliError('Cần ít nhất một tệp: newsdesk import TỆP...');
  // Read and check every file first: a bad file among many stops the run before anything is written.
  const articles: Array<{ file: string; article: ImportedArticle }> = [];
  for (const file of files) articles.push({ file, article: await readArticle(file) });

  if (flags.dryRun) {
    const shapes = articles.map(({ article }) => importedArticle.parse(article));
    if (ctx.json) ctx.printJson(shapes.length === 1 ? shapes[0] : shapes);
    else for (const { file, article } of articles) ctx.print(describeArticle(file, article));
    return;
  }

  const results = articles.map(({ file, article }) => ({
    file,
    warnings: article.warnings,
    ...ctx.store().stories.importArticle(article, { author: flags.author, withTeasers: flags.withTeasers }),
  }));
  if (ctx.json) {
    ctx.printJson(results);
    return;
  }
  for (const result of results) {
    const teasers = result.teaserIds.length > 0 ? `, ${result.teaserIds.length} tin tham khảo (chỉ trên máy này)` : '';
    ctx.print(`Đã nhập ${result.file} → ${result.storyId}${teasers}`);
    for (const warning of result.warnings) ctx.print(`  cảnh báo: ${warning}`);
  }
}

function describeArticle(file: string, article: ImportedArticle): string {
  const count = (type: string) => article.blocks.filter((block) => block.type === type).length;
  return [
    `${file}`,
    `  Tít:        ${article.headline}`,
    `  Sapo:       ${article.sapo.slice(0, 80)}${article.sapo.length > 80 ? '…' : ''}`,
    `  Tác giả:    ${article.byline || '(không thấy)'}`,
    `  Đoạn văn:   ${count('paragraph')}, tiêu đề phụ: ${count('heading')}, ảnh: ${count('figure')}`,
    `  Tin gợi ý:  ${article.teasers.length}`,
    ...article.warnings.map((warning) => `  cảnh báo: ${warning}`),
  ].join('\n');
}
