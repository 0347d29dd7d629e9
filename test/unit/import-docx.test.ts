// Every .docx here is written in the test with the `docx` package, from the
// sample articles' text, so the importer meets real Word XML (styles.xml,
// numbering, embedded media) rather than a hand-made imitation.
import { Document, HeadingLevel, ImageRun, Packer, Paragraph, Table, TableCell, TableRow, TextRun } from 'docx';
import { describe, expect, it } from 'vitest';
import { importArticle, ImportError, parseArticleText, parseDocx, type ImportErrorCode } from '../../core/import';
import { pseudoRandomBytes, SAMPLES, sampleText, tinyPng, zipOf } from '../fixtures/import-samples';

type Block = Paragraph | Table;

async function docxOf(children: Block[]): Promise<Uint8Array> {
  const document = new Document({
    styles: {
      paragraphStyles: [{ id: 'Caption', name: 'Caption', basedOn: 'Normal', run: { italics: true } }],
    },
    sections: [{ children }],
  });
  return new Uint8Array(await Packer.toBuffer(document));
}

function imageParagraph(alt: string, text?: string): Paragraph {
  const image = new ImageRun({
    type: 'png',
    data: tinyPng(),
    transformation: { width: 320, height: 200 },
    altText: { name: 'Ảnh', description: alt, title: alt },
  });
  return new Paragraph({ children: text === undefined ? [image] : [image, new TextRun(` ${text}`)] });
}

const plain = (text: string) => new Paragraph({ text });
const title = (text: string) => new Paragraph({ text, heading: HeadingLevel.TITLE });
const heading = (text: string, level: 1 | 2 | 3 = 2) =>
  new Paragraph({ text, heading: [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3][level - 1] });
const caption = (text: string) => new Paragraph({ text, style: 'Caption' });

function sampleLines(file: string): string[] {
  return sampleText(file)
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** The sample as a Word author would lay it out: Title, Heading 2 subheadings, photos with Caption paragraphs. */
function styledSample(file: string, subheadings: readonly string[]): Block[] {
  const lines = sampleLines(file);
  const headline = lines[0] ?? '';
  const blocks: Block[] = [title(headline)];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] ?? '';
    if (line === headline) {
      blocks.push(imageParagraph(headline), caption(lines[i + 1] ?? ''));
      i++;
    } else if (subheadings.includes(line)) {
      blocks.push(heading(line));
    } else {
      blocks.push(plain(line));
    }
  }
  return blocks;
}

async function docxError(bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await parseDocx(bytes).then(
    () => new Error('expected an ImportError'),
    (e: unknown) => e,
  );
  if (error instanceof ImportError) return error;
  throw error;
}

const headline = SAMPLES[1]!.headline;
const sapo = 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.';
const paragraph = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai.';
const paragraph2 = 'Các đơn vị trong Cụm thi đua đã phối hợp với Quỹ trợ vốn CNVCLĐ nghèo Thủ đô phát triển kinh tế gia đình.';
const photoCaption = 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu tại buổi khảo sát.';

describe('parseDocx: the samples written as Word documents', () => {
  for (const sample of SAMPLES) {
    const fromText = parseArticleText(sampleText(sample.file));

    it(`${sample.file}, styled (Title, Heading 2, images with Caption), reads as the .txt does`, async () => {
      const article = await parseDocx(await docxOf(styledSample(sample.file, sample.subheadings)));
      expect(article).toEqual(fromText);
      expect(article.blocks.filter((b) => b.type === 'figure')).toHaveLength(sample.figures);
      expect(article.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual(sample.subheadings);
    });

    it(`${sample.file}, pasted as plain Normal paragraphs, reads as the .txt does`, async () => {
      const article = await importArticle('bai.docx', await docxOf(sampleLines(sample.file).map(plain)));
      expect(article).toEqual(fromText);
    });
  }
});

describe('parseDocx: Word structure becomes article structure', () => {
  it('Heading 2 and 3 are subheadings even when long or ending in a full stop', async () => {
    const long = 'Thi đua xây dựng hệ thống chính trị gắn với tiếp tục vận động cán bộ, công chức, viên chức, người lao động.';
    const article = await parseDocx(await docxOf([title(headline), plain(sapo), heading(long, 2), plain(paragraph), heading('Chăm lo', 3), plain(paragraph2), plain('Mạnh Quân')]));
    expect(article.blocks).toEqual([
      { type: 'heading', text: long },
      { type: 'paragraph', text: paragraph },
      { type: 'heading', text: 'Chăm lo' },
      { type: 'paragraph', text: paragraph2 },
    ]);
    expect(article).toMatchObject({ headline, sapo, byline: 'Mạnh Quân', warnings: [] });
  });

  it('without a Title, a leading Heading 1 is the headline and later ones are subheadings', async () => {
    const article = await parseDocx(await docxOf([heading(headline, 1), plain(sapo), heading('Chăm lo cho đoàn viên', 1), plain(paragraph), plain('Mạnh Quân')]));
    expect(article.headline).toBe(headline);
    expect(article.blocks).toEqual([
      { type: 'heading', text: 'Chăm lo cho đoàn viên' },
      { type: 'paragraph', text: paragraph },
    ]);
  });

  it('lines before a Title are dropped, with a warning', async () => {
    const article = await parseDocx(await docxOf([plain('Công đoàn'), title(headline), plain(sapo), plain(paragraph), plain('Mạnh Quân')]));
    expect(article.headline).toBe(headline);
    expect(article.warnings).toEqual(['Bỏ qua 1 dòng đứng trước tiêu đề']);
  });

  it.each([
    ['a Caption paragraph', [imageParagraph('Ảnh hội nghị'), caption(photoCaption)], { type: 'figure', caption: photoCaption }, []],
    ['a plain paragraph starting with “Ảnh:”', [imageParagraph(''), plain('Ảnh: Mạnh Quân')], { type: 'figure', caption: 'Ảnh: Mạnh Quân' }, []],
    ['text beside the image in its own paragraph', [imageParagraph('', photoCaption)], { type: 'figure', caption: photoCaption }, []],
  ])('an image is a figure captioned by %s', async (_name, figure, block, warnings) => {
    const article = await parseDocx(await docxOf([title(headline), plain(sapo), plain(paragraph), ...figure, plain(paragraph2), plain('Mạnh Quân')]));
    expect(article.blocks).toEqual([{ type: 'paragraph', text: paragraph }, block, { type: 'paragraph', text: paragraph2 }]);
    expect(article.warnings).toEqual(warnings);
  });

  it('an image followed by body text keeps the text and gets an empty caption, with a warning', async () => {
    const article = await parseDocx(await docxOf([title(headline), plain(sapo), imageParagraph(headline), plain(paragraph), plain('Mạnh Quân')]));
    expect(article.blocks).toEqual([{ type: 'figure', caption: '' }, { type: 'paragraph', text: paragraph }]);
    expect(article.warnings).toEqual(['Ảnh thứ 1 không có chú thích']);
  });

  it('a table is read as paragraphs, with a warning', async () => {
    const table = new Table({
      rows: [new TableRow({ children: [new TableCell({ children: [plain(paragraph)] }), new TableCell({ children: [plain(paragraph2)] })] })],
    });
    const article = await parseDocx(await docxOf([title(headline), plain(sapo), table, plain('Mạnh Quân')]));
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: paragraph },
      { type: 'paragraph', text: paragraph2 },
    ]);
    expect(article.warnings).toEqual(['Bảng trong tệp .docx được nhập thành các đoạn văn']);
  });
});

describe('parseDocx: bad files are refused', () => {
  const notDocx = 'Tệp .docx bị hỏng hoặc không phải tài liệu Word';

  it.each([
    ['random bytes', async () => pseudoRandomBytes(2048, 42), 'invalid_docx', notDocx],
    ['a PNG renamed .docx', async () => tinyPng(), 'invalid_docx', notDocx],
    ['a zip that holds no Word document', async () => zipOf({ 'ghi-chu.txt': 'Xin chào', '[Content_Types].xml': '<Types/>' }), 'invalid_docx', notDocx],
    ['a .docx cut in half', async () => (await docxOf([title(headline), plain(sapo)])).slice(0, 1500), 'invalid_docx', notDocx],
    ['a document with no text', async () => docxOf([plain(''), plain('   ')]), 'empty', 'Tệp rỗng: không có nội dung để nhập'],
    ['a document of one paragraph', async () => docxOf([title(headline)]), 'one_line', 'Văn bản chỉ có một dòng: cần ít nhất tiêu đề và một đoạn nội dung'],
  ] as Array<[string, () => Promise<Uint8Array>, ImportErrorCode, string]>)('%s', async (_name, make, code, message) => {
    const error = await docxError(await make());
    expect(error.code).toBe(code);
    expect(error.message).toBe(message);
  });
});
