// Reading an article copied off the newspaper's site (see
// shared/samples/README.md for its anatomy). Every decision below follows one
// of these numbered rules; none is a special case for one file. The .docx
// importer feeds the same rules, with Word's styles as hints (see docx.ts).
//
// Terms. A line is "prose" when it ends with closing punctuation (. ! ? … : ;,
// optionally followed by closing quotes or brackets) or has more than
// SUBHEADING_MAX_WORDS words. Words are counted as countWords does (syllables).
// Two lines are "the same" when equal after rule 1.
//
//  1. Lines. Text is normalized (NFC, LF), each line trimmed and its runs of
//     spaces and tabs turned into one space. Empty lines carry no meaning:
//     articles arrive with or without blank lines between paragraphs.
//  2. Headline: the first line (in .docx, the first line styled Title/Heading 1
//     if any; lines before it are dropped with a warning). Fewer than two
//     lines is an error.
//  3. Furniture: the article ends at the first line that is a furniture marker
//     (Có thể bạn quan tâm, Nên xem, Tin khác, Xem thêm, Phiên bản di động;
//     compared folded, a trailing colon ignored). Everything from there on is
//     site furniture, read only for teasers (rule 9).
//  4. Sapo: the line after the headline, when it is prose and not the headline
//     again. Otherwise there is no sapo, with a warning.
//  5. Byline: the last line of the article, after the sapo, when it is a short
//     name line: at most BYLINE_MAX_WORDS words and BYLINE_MAX_CHARS
//     characters, starting with a capital letter, without closing punctuation,
//     not the headline again and not right after a figure's headline line
//     (then it is a caption). Otherwise there is no byline, with a warning.
//  6. Related line: the line after the sapo, when it has no closing
//     punctuation, is not the headline again, and either has more than
//     SUBHEADING_MAX_WORDS words (titles run together) or holds a known title.
//     It is kept raw, or split at known titles when they are given (related.ts,
//     rule R), and never dropped: the story's body opens with it as a
//     related-stories block (index.ts, toStoryContent), as the site shows it.
//     A single short related title followed by a paragraph cannot be told from
//     a subheading unless the store knows it.
//  7. Body, in order, between the related line (or sapo, or headline) and the byline:
//     a. Figure: a line that is the headline again (the photo's alt text), then
//        the next line as its caption, with or without a full stop. In .docx an
//        image takes the headline line's place, and its caption is the next
//        paragraph when that is styled Caption or starts with Ảnh, Hình or
//        Chú thích. A figure with no caption line keeps an empty caption and a warning.
//     b. Subheading: a line of at most SUBHEADING_MAX_WORDS words without
//        closing punctuation, followed by a prose line. In .docx, any paragraph
//        styled Heading 1–6 (after the headline) or Title.
//     c. Paragraph: any other line.
//  8. An article with no body paragraph imports, with a warning.
//  9. Teasers, inside the furniture. "Nên xem" and "Tin khác" open a box;
//     "Có thể bạn quan tâm" opens none; "Xem thêm" and "Phiên bản di động"
//     close the page, and nothing after them is read. In a box, a teaser is a
//     title, the same title again if the site repeats it (the photo's alt
//     text), then a summary: the next line, unless it is a marker or the start
//     of another repeated title. A teaser without a summary keeps an empty one,
//     with a warning. Lines outside any box are dropped, with a warning that
//     counts them.
import { countWords, foldForSearch, normalizeText } from '../text';
import type { ImportedArticle, ImportedBlock, ImportOptions, Teaser, TeaserBox } from './article';
import { ImportError } from './errors';
import { splitRelatedLine } from './related';

export const SUBHEADING_MAX_WORDS = 15;
export const BYLINE_MAX_WORDS = 6;
export const BYLINE_MAX_CHARS = 60;

/** What a source format knows about a line beyond its text (Word styles, images). */
export type LineHint = 'title' | 'heading' | 'caption' | 'image';
export type SourceLine = { text: string; hint?: LineHint };

const CLOSING_PUNCTUATION = /[.!?…:;]["'”’»)\]]*$/u;
const STARTS_WITH_CAPITAL = /^["“'‘(]*\p{Lu}/u;
const CAPTION_START = /^\(?(ảnh|anh|hình|hinh|chú thích|chu thich)\b/u;

type FurnitureMarker = 'start' | TeaserBox | 'end';
const FURNITURE_MARKERS = new Map<string, FurnitureMarker>([
  [foldForSearch('Có thể bạn quan tâm'), 'start'],
  [foldForSearch('Nên xem'), 'Nên xem'],
  [foldForSearch('Tin khác'), 'Tin khác'],
  [foldForSearch('Xem thêm'), 'end'],
  [foldForSearch('Phiên bản di động'), 'end'],
]);

/** Reads a plain-text article (rules 1–9 above). Throws ImportError for fewer than two lines. */
export function parseArticleText(text: string, options: ImportOptions = {}): ImportedArticle {
  const lines = normalizeText(text)
    .split('\n')
    .map((line): SourceLine => ({ text: line }));
  return parseArticleLines(lines, options);
}

/** The rules above over lines that may carry hints; shared by the .txt and .docx importers. */
export function parseArticleLines(source: readonly SourceLine[], options: ImportOptions = {}): ImportedArticle {
  const lines = cleanLines(source);
  if (lines.length === 0) throw new ImportError('empty', 'Tệp rỗng: không có nội dung để nhập');
  if (lines.length < 2) {
    throw new ImportError('one_line', 'Văn bản chỉ có một dòng: cần ít nhất tiêu đề và một đoạn nội dung');
  }
  const warnings: string[] = [];

  const headlineAt = findHeadline(lines);
  if (headlineAt > 0) warnings.push(`Bỏ qua ${headlineAt} dòng đứng trước tiêu đề`);
  const headline = lines[headlineAt]?.text ?? '';
  const isHeadlineAgain = (line: SourceLine | undefined) => line !== undefined && line.hint === undefined && line.text === headline;

  const furnitureAt = lines.findIndex((line, i) => i > headlineAt && furnitureMarker(line) !== null);
  const article = lines.slice(headlineAt + 1, furnitureAt === -1 ? lines.length : furnitureAt);
  const furniture = furnitureAt === -1 ? [] : lines.slice(furnitureAt);

  let start = 0;
  let end = article.length;

  const first = article[0];
  const hasSapo = first !== undefined && first.hint === undefined && !isHeadlineAgain(first) && isProse(first.text);
  const sapo = hasSapo ? first.text : '';
  if (hasSapo) start = 1;
  else warnings.push('Không tìm thấy sapo: dòng sau tiêu đề không phải một đoạn văn');

  const last = article[end - 1];
  const beforeLast = article[end - 2];
  const hasByline =
    last !== undefined &&
    end - 1 >= start &&
    isBylineLine(last) &&
    !isHeadlineAgain(last) &&
    !isHeadlineAgain(beforeLast) &&
    beforeLast?.hint !== 'image';
  const byline = hasByline ? last.text : '';
  if (hasByline) end -= 1;
  else warnings.push('Không tìm thấy tên tác giả (dòng ký tên ngắn ở cuối bài)');

  let related: string[] = [];
  const candidate = article[start];
  if (hasSapo && candidate !== undefined && start < end && candidate.hint === undefined && !isHeadlineAgain(candidate)) {
    const known = options.knownTitles ?? [];
    const split = splitRelatedLine(candidate.text, known);
    const looksRelated = !CLOSING_PUNCTUATION.test(candidate.text) && (countWords(candidate.text) > SUBHEADING_MAX_WORDS || split.matched > 0);
    if (looksRelated) {
      related = split.matched > 0 ? split.pieces : [candidate.text];
      start += 1;
    }
  }

  const blocks = readBody(article.slice(start, end), isHeadlineAgain, warnings);
  if (!blocks.some((block) => block.type === 'paragraph')) warnings.push('Thân bài không có đoạn văn nào');

  const teasers = readTeasers(furniture, warnings);
  return { headline, sapo, related, byline, blocks, teasers, warnings };
}

function cleanLines(source: readonly SourceLine[]): SourceLine[] {
  const lines: SourceLine[] = [];
  for (const line of source) {
    const text = normalizeText(line.text).replace(/\s+/gu, ' ').trim();
    // An image line stands for a photo even when it has no alt text.
    if (text === '' && line.hint !== 'image') continue;
    lines.push(line.hint === undefined ? { text } : { text, hint: line.hint });
  }
  return lines;
}

function findHeadline(lines: readonly SourceLine[]): number {
  const titled = lines.findIndex((line) => line.hint === 'title');
  if (titled !== -1) return titled;
  const firstText = lines.findIndex((line) => line.hint !== 'image');
  return firstText === -1 ? 0 : firstText;
}

function isProse(text: string): boolean {
  return CLOSING_PUNCTUATION.test(text) || countWords(text) > SUBHEADING_MAX_WORDS;
}

function isBylineLine(line: SourceLine): boolean {
  return (
    line.hint === undefined &&
    countWords(line.text) <= BYLINE_MAX_WORDS &&
    line.text.length <= BYLINE_MAX_CHARS &&
    STARTS_WITH_CAPITAL.test(line.text) &&
    !CLOSING_PUNCTUATION.test(line.text)
  );
}

function furnitureMarker(line: SourceLine): FurnitureMarker | null {
  if (line.hint === 'image') return null;
  return FURNITURE_MARKERS.get(foldForSearch(line.text.replace(/:$/u, '').trim())) ?? null;
}

function readBody(
  lines: readonly SourceLine[],
  isHeadlineAgain: (line: SourceLine | undefined) => boolean,
  warnings: string[],
): ImportedBlock[] {
  const blocks: ImportedBlock[] = [];
  let figures = 0;
  const isProseLine = (line: SourceLine | undefined) =>
    line !== undefined && line.hint === undefined && !isHeadlineAgain(line) && isProse(line.text);

  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line === undefined) continue;
    const next = lines[i + 1];

    if (line.hint === 'image' || isHeadlineAgain(line)) {
      figures++;
      const captionFollows =
        next !== undefined &&
        (line.hint === 'image'
          ? next.hint === 'caption' || (next.hint === undefined && CAPTION_START.test(next.text.toLowerCase()))
          : (next.hint === undefined || next.hint === 'caption') && !isHeadlineAgain(next));
      if (captionFollows) {
        blocks.push({ type: 'figure', caption: next.text });
        i++;
      } else {
        blocks.push({ type: 'figure', caption: '' });
        warnings.push(`Ảnh thứ ${figures} không có chú thích`);
      }
      continue;
    }
    if (line.hint === 'heading' || line.hint === 'title') {
      blocks.push({ type: 'heading', text: line.text });
      continue;
    }
    const isSubheading =
      line.hint === undefined &&
      countWords(line.text) <= SUBHEADING_MAX_WORDS &&
      !CLOSING_PUNCTUATION.test(line.text) &&
      isProseLine(next);
    blocks.push(isSubheading ? { type: 'heading', text: line.text } : { type: 'paragraph', text: line.text });
  }
  return blocks;
}

function readTeasers(lines: readonly SourceLine[], warnings: string[]): Teaser[] {
  const teasers: Teaser[] = [];
  let box: TeaserBox | null = null;
  let dropped = 0;
  const sameText = (a: SourceLine | undefined, b: SourceLine | undefined) => a !== undefined && b !== undefined && a.text === b.text;

  let i = 0;
  while (i < lines.length) {
    const line = lines[i];
    if (line === undefined) break;
    const marker = furnitureMarker(line);
    if (marker === 'end') break;
    if (marker !== null) {
      box = marker === 'start' ? null : marker;
      i++;
      continue;
    }
    if (box === null) {
      dropped++;
      i++;
      continue;
    }
    let j = i + 1;
    if (sameText(lines[j], line)) j++;
    const summary = lines[j];
    const hasSummary = summary !== undefined && furnitureMarker(summary) === null && !sameText(lines[j + 1], summary);
    teasers.push({ box, headline: line.text, sapo: hasSummary ? summary.text : '' });
    if (hasSummary) j++;
    else warnings.push(`Tin “${line.text}” trong hộp “${box}” không có tóm tắt`);
    i = j;
  }
  if (dropped > 0) warnings.push(`Bỏ qua ${dropped} dòng không thuộc hộp tin nào ở cuối trang`);
  return teasers;
}
