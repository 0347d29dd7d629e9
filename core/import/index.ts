// One entry point for every importable file: it picks the reader by the file's
// extension and turns an imported article into story content.
import { checkStoryLimits } from '../limits';
import { slugify } from '../text';
import { bodyFromBlocks, type BodyFromBlocksOptions, type StoryContent } from '../story';
import type { ImportedArticle, ImportOptions } from './article';
import { decodeText } from './decode';
import { parseDocx } from './docx';
import { ImportError } from './errors';
import { parseArticleText } from './txt';

export * from './article';
export { decodeText, type DecodedText, type TextEncodingName } from './decode';
export { parseDocx } from './docx';
export {
  checkImportSize,
  checkImportText,
  ImportError,
  isImportError,
  IMPORT_ERROR_CODES,
  MAX_IMPORT_BYTES,
  type ImportErrorCode,
} from './errors';
export { checkZipLimits, guardDocx, readZipDirectory, unzipEntry, type ZipEntry } from './zip-guard';
export { splitRelatedLine, type RelatedSplit } from './related';
export { parseArticleText, parseArticleLines, type LineHint, type SourceLine } from './txt';

export const IMPORTABLE_EXTENSIONS = ['.txt', '.docx'] as const;

function extensionOf(fileName: string): string {
  const base = fileName.split(/[\\/]/u).pop() ?? '';
  const dot = base.lastIndexOf('.');
  return dot <= 0 ? '' : base.slice(dot).toLowerCase();
}

/**
 * Reads a .txt or .docx file's bytes into an article; throws ImportError (size
 * checked before reading), with no side effects. An article that would make a
 * story beyond the story limits (core/limits) is refused here, with the
 * reasons, rather than failing later when it is saved or synced.
 */
export async function importArticle(fileName: string, bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedArticle> {
  const article = await readArticle(fileName, bytes, options);
  const reasons = [
    ...checkStoryLimits(toStoryContent(article)),
    ...article.teasers.flatMap((t) => checkStoryLimits({ headline: t.headline, sapo: t.sapo }).map((r) => `Tin “${t.box}”: ${r}`)),
  ];
  if (reasons.length > 0) throw new ImportError('story_too_large', `Bài nhập vào vượt giới hạn của một bài: ${reasons.join('; ')}`);
  return article;
}

async function readArticle(fileName: string, bytes: Uint8Array, options: ImportOptions): Promise<ImportedArticle> {
  const extension = extensionOf(fileName);
  switch (extension) {
    case '.txt':
      return parseArticleText(decodeText(bytes).text, options);
    case '.docx':
      return parseDocx(bytes, options);
    default:
      throw new ImportError(
        'unsupported_format',
        `Định dạng tệp không được hỗ trợ: ${extension === '' ? 'tệp không có phần mở rộng' : extension} (chỉ nhận .txt và .docx)`,
      );
  }
}

/**
 * Story content for an imported article. The related line is never dropped: it
 * stays in `related` as read (its titles, or the raw line), and it opens the
 * body as a related-stories block, as on the site. A caller that has matched
 * its pieces to stored stories passes them as `options.related`, with their
 * ids; otherwise each piece is a title without a link yet (the site links it
 * once a story of that headline is published: core/site/related-line.ts).
 */
export function toStoryContent(article: ImportedArticle, options: BodyFromBlocksOptions = {}): StoryContent {
  const related = options.related ?? article.related.map((title) => ({ id: null, title }));
  return {
    headline: article.headline,
    sapo: article.sapo,
    byline: article.byline,
    section: '',
    tags: [],
    slug: slugify(article.headline),
    related: article.related,
    body: bodyFromBlocks(article.blocks, { ...options, related }),
  };
}
