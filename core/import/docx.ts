// Reading a Word .docx through mammoth's document model (never its HTML). Word
// files are turned into the same lines the plain-text importer reads, with
// Word's styles as hints, so one set of rules (txt.ts) decides everything:
//
//  W1. Each paragraph, in document order (list items and table cells
//      included), gives one line: its text, with tabs and line breaks as spaces.
//  W2. Style (Word's style name, or its id when the name is missing; case and
//      spaces ignored): Title gives a headline hint; Heading 1–6 give a
//      subheading hint, except that when the document has no Title, a
//      Heading 1 that is its first line is the headline; Caption gives a
//      caption hint. Other styles give no hint: the text rules apply as they are.
//  W3. A paragraph holding an image gives an image line first (its alt text),
//      then the paragraph's own text, if any, as that image's caption line.
//      Rule 7a of txt.ts then makes the figure. The image data is not kept:
//      figures carry captions only, as the import's JSON shape says.
//  W4. A table's paragraphs are kept as lines, with a warning that the table
//      itself was not.
//  W5. Bytes that are not a readable .docx (not a zip, or a zip without a Word
//      document) are an ImportError, and nothing is imported.
//  W6. Before mammoth sees the file, ./zip-guard checks the zip and measures its
//      XML (unzipped size, parts, compression ratio, XML nodes and depth, no
//      DTD), so that a zip bomb is refused in milliseconds, within bounded
//      memory. The text read out of the document is then held to the 20 MB
//      limit, like a decoded .txt.
//
// mammoth's document model is unstable across versions; package.json pins it
// exactly, and the tests build real .docx files to catch a change.
import mammoth from 'mammoth';
import type { ImportedArticle, ImportOptions } from './article';
import { checkImportSize, checkImportText, ImportError } from './errors';
import { parseArticleLines, type LineHint, type SourceLine } from './txt';
import { guardDocx } from './zip-guard';

/** The part of mammoth's document model this importer reads. */
type DocxElement = {
  type: string;
  children?: DocxElement[];
  value?: string;
  styleName?: string | null;
  styleId?: string | null;
  altText?: string | null;
};

type DocxLine = SourceLine & { style: string };

/** Reads a .docx article (rules W1–W5 above, then txt.ts's rules). */
export async function parseDocx(bytes: Uint8Array, options: ImportOptions = {}): Promise<ImportedArticle> {
  checkImportSize(bytes.byteLength);
  await guardDocx(bytes);
  const document = await readDocument(bytes);
  const warnings: string[] = [];
  const lines: DocxLine[] = [];
  collectLines(document, lines, warnings);
  checkImportText(lines.reduce((chars, line) => chars + line.text.length, 0));
  const article = parseArticleLines(withHeadlineHint(lines), options);
  return { ...article, warnings: [...warnings, ...article.warnings] };
}

async function readDocument(bytes: Uint8Array): Promise<DocxElement> {
  const arrayBuffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
  // mammoth's Node build reads `buffer` and its browser build reads `arrayBuffer`; a
  // Uint8Array serves both, so the same core code runs in the app service and the renderer.
  const input = { arrayBuffer, buffer: bytes } as unknown as { arrayBuffer: ArrayBuffer };
  let document: DocxElement | null = null;
  try {
    await mammoth.convertToHtml(input, {
      transformDocument: (element: DocxElement) => {
        document = element;
        // Nothing left to render: the HTML is never used.
        return { ...element, children: [] };
      },
    });
  } catch (error) {
    throw invalidDocx(error);
  }
  if (document === null) throw invalidDocx(null);
  return document;
}

function invalidDocx(cause: unknown): ImportError {
  return new ImportError('invalid_docx', 'Tệp .docx bị hỏng hoặc không phải tài liệu Word', { cause });
}

function styleKey(element: DocxElement): string {
  return (element.styleName ?? element.styleId ?? '').toLowerCase().replace(/\s+/gu, '');
}

function hintForStyle(style: string): LineHint | undefined {
  if (style === 'title') return 'title';
  if (/^heading[1-6]$/u.test(style)) return 'heading';
  if (style === 'caption') return 'caption';
  return undefined;
}

function collectLines(element: DocxElement, lines: DocxLine[], warnings: string[]): void {
  if (element.type === 'paragraph') {
    paragraphLines(element, lines);
    return;
  }
  if (element.type === 'table' && !warnings.includes(TABLE_WARNING)) warnings.push(TABLE_WARNING);
  for (const child of element.children ?? []) collectLines(child, lines, warnings);
}

const TABLE_WARNING = 'Bảng trong tệp .docx được nhập thành các đoạn văn';

function paragraphLines(paragraph: DocxElement, lines: DocxLine[]): void {
  const style = styleKey(paragraph);
  const texts: string[] = [];
  const images: DocxElement[] = [];
  const walk = (element: DocxElement): void => {
    if (element.type === 'text') texts.push(element.value ?? '');
    else if (element.type === 'tab' || element.type === 'break') texts.push(' ');
    else if (element.type === 'image') images.push(element);
    for (const child of element.children ?? []) walk(child);
  };
  walk(paragraph);
  const text = texts.join('');

  for (const image of images) lines.push({ text: image.altText ?? '', hint: 'image', style });
  if (images.length > 0) {
    if (text.trim() !== '') lines.push({ text, hint: 'caption', style });
    return;
  }
  const hint = hintForStyle(style);
  lines.push(hint === undefined ? { text, style } : { text, hint, style });
}

/** Rule W2's exception: without a Title, a leading Heading 1 is the headline. */
function withHeadlineHint(lines: readonly DocxLine[]): SourceLine[] {
  const hasTitle = lines.some((line) => line.hint === 'title');
  const firstText = lines.findIndex((line) => line.hint !== 'image' && line.text.trim() !== '');
  return lines.map((line, i): SourceLine => {
    const promoted = !hasTitle && i === firstText && line.style === 'heading1';
    if (promoted) return { text: line.text, hint: 'title' };
    return line.hint === undefined ? { text: line.text } : { text: line.text, hint: line.hint };
  });
}
