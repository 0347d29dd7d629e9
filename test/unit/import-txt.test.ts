import { describe, expect, it } from 'vitest';
import {
  importArticle,
  importedArticle,
  ImportError,
  parseArticleText,
  type ImportedArticle,
  type ImportErrorCode,
} from '../../core/import';
import { SAMPLES, sampleText, utf16, utf8, windows1258 } from '../fixtures/import-samples';

const LDLD = SAMPLES[0]!;
const CUM = SAMPLES[1]!;

function count(article: ImportedArticle, type: 'paragraph' | 'heading' | 'figure'): number {
  return article.blocks.filter((block) => block.type === type).length;
}

async function importError(fileName: string, bytes: Uint8Array): Promise<ImportError> {
  const error: unknown = await importArticle(fileName, bytes).then(
    () => new Error('expected an ImportError'),
    (e: unknown) => e,
  );
  if (error instanceof ImportError) return error;
  throw error;
}

describe('parseArticleText: the two samples give the figures in shared/samples/README.md', () => {
  it.each(SAMPLES)('$file', (sample) => {
    const article = parseArticleText(sampleText(sample.file));
    expect(article.headline).toBe(sample.headline);
    expect(article.blocks.filter((b) => b.type === 'heading').map((b) => b.text)).toEqual(sample.subheadings);
    expect(count(article, 'figure')).toBe(sample.figures);
    expect(count(article, 'paragraph')).toBe(sample.paragraphs);
    expect(article.byline).toBe(sample.byline);
    expect(article.teasers.filter((t) => t.box === 'Nên xem')).toHaveLength(sample.nenXem);
    expect(article.teasers.filter((t) => t.box === 'Tin khác')).toHaveLength(sample.tinKhac);
    expect(article.warnings).toEqual([]);
    // Every figure has its caption, and every teaser its summary.
    expect(article.blocks.filter((b) => b.type === 'figure' && b.caption === '')).toEqual([]);
    expect(article.teasers.filter((t) => t.sapo === '' || t.headline === t.sapo)).toEqual([]);
  });

  it('reads the Hai Bà Trưng story in order, with the sapo, related line, captions and teasers in place', () => {
    const article = parseArticleText(sampleText(LDLD.file));
    expect(article.sapo).toMatch(/^Bên cạnh việc thực hiện tốt chức năng đại diện chăm lo.*trên địa bàn quận\.$/u);
    expect(article.related).toEqual([
      'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025 LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
    ]);
    expect(article.blocks.map((b) => b.type).join(' ')).toBe(
      'heading paragraph paragraph paragraph figure paragraph paragraph paragraph figure paragraph ' +
        'heading paragraph paragraph figure paragraph paragraph paragraph figure paragraph paragraph paragraph',
    );
    expect(article.blocks.filter((b) => b.type === 'figure').map((b) => b.caption)).toEqual([
      'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.',
      'LĐLĐ quận Hai Bà Trưng ký kết thoả thuận hợp tác với doanh nghiệp nhằm nâng cao phúc lợi cho người lao động.',
      'Tại quận Hai Bà Trưng, các Chủ tịch Công đoàn cơ sở luôn lắng nghe tâm tư, nguyện vọng của người lao động.',
      'Nhiều sân chơi bổ ích dành cho người lao động được LĐLĐ quận Hai Bà Trưng tổ chức hàng năm.',
    ]);
    expect(article.teasers[0]).toEqual({
      box: 'Nên xem',
      headline: 'Không gian xanh hòa vào nhịp sống Thủ đô',
      sapo: expect.stringMatching(/^Lần đầu tiên tại Hà Nội, một công viên trung tâm.*thân thiện\.$/u),
    });
    expect(article.teasers.at(-1)).toEqual({
      box: 'Tin khác',
      headline: 'Kiều Phú: Tập huấn công tác tài chính công đoàn năm 2025',
      sapo: expect.stringMatching(/^Vừa qua, Ban Chấp hành Công đoàn xã Kiều Phú/u),
    });
  });

  it('keeps the Cụm thi đua story free of furniture', () => {
    const article = parseArticleText(sampleText(CUM.file));
    const everything = JSON.stringify([article.blocks, article.byline, article.related]);
    for (const furniture of ['Có thể bạn quan tâm', 'Nên xem', 'Tin khác', 'Xem thêm', 'Phiên bản di động']) {
      expect(everything).not.toContain(furniture);
    }
    expect(article.blocks.at(-1)).toEqual({
      type: 'paragraph',
      text: expect.stringMatching(/góp phần nâng cao vai trò, vị thế của tổ chức Công đoàn Thủ đô\.$/u),
    });
  });

  it('prints exactly the dry-run JSON shape of issue 2, point 15', () => {
    const article = parseArticleText(sampleText(CUM.file));
    expect(Object.keys(article)).toEqual(['headline', 'sapo', 'related', 'byline', 'blocks', 'teasers', 'warnings']);
    expect(importedArticle.parse(JSON.parse(JSON.stringify(article)))).toEqual(article);
    expect(() => importedArticle.parse({ ...article, slug: 'x' })).toThrow();
  });
});

describe('importArticle (.txt): every byte form of a sample gives the identical article', () => {
  const noBlankLines = (text: string) => text.replace(/\n\n+/g, '\n');
  const messy = (text: string) =>
    text
      .split('\n')
      .map((line, i) => (i % 3 === 0 ? `  ${line.replace(/ /g, '  ')}\t ` : `${line}   `))
      .join('\n\n\n');
  const variants: Array<[string, (text: string) => Uint8Array]> = [
    ['UTF-8 with BOM', (t) => utf8(t, true)],
    ['UTF-16 LE with BOM', (t) => utf16(t, 'le')],
    ['UTF-16 BE with BOM', (t) => utf16(t, 'be')],
    ['Windows-1258, tones as combining bytes', (t) => windows1258(t)],
    ['CRLF line endings', (t) => utf8(t.replace(/\n/g, '\r\n'))],
    ['CR line endings', (t) => utf8(t.replace(/\n/g, '\r'))],
    ['NFD', (t) => utf8(t.normalize('NFD'))],
    ['extra blank lines, doubled spaces, tabs and trailing spaces', (t) => utf8(messy(t))],
    ['no blank lines between paragraphs', (t) => utf8(noBlankLines(t))],
    ['Windows-1258 with CRLF and no blank lines', (t) => windows1258(noBlankLines(t).replace(/\n/g, '\r\n'))],
  ];
  for (const sample of SAMPLES) {
    const text = sampleText(sample.file);
    it.each(variants)(`${sample.file}: %s`, async (_name, encode) => {
      const baseline = await importArticle(sample.file, utf8(text));
      expect(await importArticle(sample.file, encode(text))).toEqual(baseline);
      expect(count(baseline, 'paragraph')).toBe(sample.paragraphs);
    });
  }
});

describe('parseArticleText: rules on small articles made of sample sentences', () => {
  const headline = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';
  const sapo = 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.';
  const paragraph = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai.';
  const paragraph2 = 'Các đơn vị trong Cụm thi đua đã phối hợp với Quỹ trợ vốn CNVCLĐ nghèo Thủ đô phát triển kinh tế gia đình.';
  const caption = 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu tại buổi khảo sát';

  it('a figure caption may lack its full stop', () => {
    const article = parseArticleText([headline, sapo, paragraph, headline, caption, paragraph2, 'Mạnh Quân'].join('\n'));
    expect(article.blocks).toEqual([
      { type: 'paragraph', text: paragraph },
      { type: 'figure', caption },
      { type: 'paragraph', text: paragraph2 },
    ]);
    expect(article.related).toEqual([]);
    expect(article.warnings).toEqual([]);
  });

  it('a short line without closing punctuation is a subheading only when a paragraph follows', () => {
    const article = parseArticleText([headline, sapo, 'Chăm lo cho đoàn viên', paragraph, 'Khám sức khỏe định kỳ', headline, caption, paragraph2, 'Mạnh Quân'].join('\n'));
    expect(article.blocks.map((b) => b.type)).toEqual(['heading', 'paragraph', 'paragraph', 'figure', 'paragraph']);
  });

  it.each([
    ['no byline', [headline, sapo, paragraph, paragraph2], { byline: '', sapo }, 'Không tìm thấy tên tác giả (dòng ký tên ngắn ở cuối bài)'],
    ['a last line that ends like a sentence', [headline, sapo, paragraph, 'Xin cảm ơn.'], { byline: '' }, 'Không tìm thấy tên tác giả (dòng ký tên ngắn ở cuối bài)'],
    ['no sapo: a subheading right after the headline', [headline, 'Chăm lo cho đoàn viên', paragraph, 'Mạnh Quân'], { sapo: '', byline: 'Mạnh Quân' }, 'Không tìm thấy sapo: dòng sau tiêu đề không phải một đoạn văn'],
    ['a figure with no caption line', [headline, sapo, paragraph, headline], { byline: '' }, 'Ảnh thứ 1 không có chú thích'],
    ['only a headline and a sapo', [headline, sapo], { sapo, blocks: [] }, 'Thân bài không có đoạn văn nào'],
    [
      'a teaser without a summary',
      [headline, sapo, paragraph, 'Mạnh Quân', 'Nên xem', 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội', 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội', 'Tin khác'],
      { teasers: [{ box: 'Nên xem', headline: 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội', sapo: '' }] },
      'Tin “Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội” trong hộp “Nên xem” không có tóm tắt',
    ],
    [
      'furniture lines outside any box',
      [headline, sapo, paragraph, 'Mạnh Quân', 'Có thể bạn quan tâm', 'Quảng cáo', 'Nên xem', 'Ngày hội lớn', 'Ngày hội lớn', paragraph2, 'Xem thêm', 'Phiên bản di động'],
      { teasers: [{ box: 'Nên xem', headline: 'Ngày hội lớn', sapo: paragraph2 }] },
      'Bỏ qua 1 dòng không thuộc hộp tin nào ở cuối trang',
    ],
  ])('imports with a warning: %s', (_name, lines, expected, warning) => {
    const article = parseArticleText(lines.join('\n\n'));
    expect(article).toMatchObject(expected);
    expect(article.warnings).toContain(warning);
  });

  it('teasers whose titles are not repeated still pair title and summary', () => {
    const article = parseArticleText(
      [headline, sapo, paragraph, 'Mạnh Quân', 'Tin khác', 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội', paragraph, 'Hàng trăm triệu đồng thiện nguyện hướng về đồng bào vùng lũ', paragraph2].join('\n'),
    );
    expect(article.teasers).toEqual([
      { box: 'Tin khác', headline: 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội', sapo: paragraph },
      { box: 'Tin khác', headline: 'Hàng trăm triệu đồng thiện nguyện hướng về đồng bào vùng lũ', sapo: paragraph2 },
    ]);
    expect(article.warnings).toEqual([]);
  });

  it.each([
    ['one line', 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên', 'one_line', 'Văn bản chỉ có một dòng: cần ít nhất tiêu đề và một đoạn nội dung'],
    ['one line among blank ones', '\n\n   Mạnh Quân  \n\n\t\n', 'one_line', 'Văn bản chỉ có một dòng: cần ít nhất tiêu đề và một đoạn nội dung'],
    ['nothing', ' \n \n', 'empty', 'Tệp rỗng: không có nội dung để nhập'],
  ] as Array<[string, string, ImportErrorCode, string]>)('refuses %s', (_name, text, code, message) => {
    expect(() => parseArticleText(text)).toThrow(expect.objectContaining({ name: 'ImportError', code, message }));
  });
});

describe('parseArticleText: the related line, raw or split at known titles', () => {
  const text = sampleText(LDLD.file);
  const known = [
    'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá',
    'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
  ];

  it.each([
    ['no known titles', [], [
      'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025 LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
    ]],
    ['two of its three titles known', known, [
      'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025',
      'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá',
      'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
    ]],
    ['a title known without accents and in another case', ['đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025', 'cong doan cong ty tai chinh tnhh mtv lotte viet nam: diem tua cho nguoi lao dong'], [
      'đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025',
      'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá',
      'cong doan cong ty tai chinh tnhh mtv lotte viet nam: diem tua cho nguoi lao dong',
    ]],
    ['the longest known title wins', ['LĐLĐ quận Hai Bà Trưng', ...known], [
      'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025',
      ...known,
    ]],
    ['known titles that are not in the line', ['Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội'], [
      'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025 LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
    ]],
  ])('%s', (_name, knownTitles, related) => {
    const article = parseArticleText(text, { knownTitles });
    expect(article.related).toEqual(related);
    expect(count(article, 'paragraph')).toBe(LDLD.paragraphs);
  });

  it('a short related line is recognised only when the store knows the title', () => {
    const lines = [
      CUM.headline,
      'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.',
      'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội',
      'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch Hội đồng nhân dân huyện Quốc Oai.',
      'Mạnh Quân',
    ].join('\n');
    expect(parseArticleText(lines).blocks[0]).toEqual({ type: 'heading', text: 'Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội' });
    const withKnown = parseArticleText(lines, { knownTitles: ['Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội'] });
    expect(withKnown.related).toEqual(['Ngày hội lớn của tuổi trẻ Thủ đô Hà Nội']);
    expect(withKnown.blocks.map((b) => b.type)).toEqual(['paragraph']);
  });
});

describe('importArticle: choosing the reader and refusing bad files', () => {
  it.each([
    ['bai-viet.pdf', 'Định dạng tệp không được hỗ trợ: .pdf (chỉ nhận .txt và .docx)'],
    ['bai-viet.doc', 'Định dạng tệp không được hỗ trợ: .doc (chỉ nhận .txt và .docx)'],
    ['README', 'Định dạng tệp không được hỗ trợ: tệp không có phần mở rộng (chỉ nhận .txt và .docx)'],
  ])('%s is not a supported format', async (fileName, message) => {
    const error = await importError(fileName, utf8(sampleText(CUM.file)));
    expect(error.code).toBe('unsupported_format');
    expect(error.message).toBe(message);
  });

  it('the extension is read case-insensitively, from the last path segment', async () => {
    const article = await importArticle('C:\\Bài viết\\cum.thi.dua.TXT', utf8(sampleText(CUM.file)));
    expect(article.byline).toBe('Mạnh Quân');
  });

  it('a one-line .txt file is refused', async () => {
    const error = await importError('tieu-de.txt', utf8(`${CUM.headline}\n`));
    expect(error.code).toBe('one_line');
  });
});
