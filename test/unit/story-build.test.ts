import { describe, expect, it } from 'vitest';
import {
  blocksFromBody,
  bodyFromBlocks,
  nodes,
  plainTextOfBody,
  storyBody,
  storyWordCount,
  withBlockId,
  type ImportBlock,
} from '../../core/story';
import { countWords } from '../../core/text';
import { sampleArticle } from '../fixtures/story-sample-blocks';
import { SAMPLE_FILES, sampleLine } from '../fixtures/text-samples';

const README_FIGURES = {
  'ldld-hai-ba-trung-doi-moi.txt': { headings: 2, figures: 4, paragraphs: 15, byline: 'H.Phong' },
  'cum-thi-dua-so-4-cham-lo-doan-vien.txt': { headings: 0, figures: 2, paragraphs: 9, byline: 'Mạnh Quân' },
} as const;

const typesOf = (blocks: ImportBlock[], type: ImportBlock['type']) => blocks.filter((b) => b.type === type).length;

describe('the sample fixture', () => {
  it.each(SAMPLE_FILES)('cuts %s into the parts the samples README lists', (file) => {
    const article = sampleArticle(file);
    const expected = README_FIGURES[file];
    expect(typesOf(article.blocks, 'heading')).toBe(expected.headings);
    expect(typesOf(article.blocks, 'figure')).toBe(expected.figures);
    expect(typesOf(article.blocks, 'paragraph')).toBe(expected.paragraphs);
    expect(article.byline).toBe(expected.byline);
  });
});

describe('bodyFromBlocks', () => {
  it.each(SAMPLE_FILES)('builds a valid body for %s, block for block', (file) => {
    const { blocks } = sampleArticle(file);
    const body = storyBody.parse(bodyFromBlocks(blocks));
    expect(body.root.children.map((b) => b.type)).toEqual(blocks.map((b) => b.type));
    for (const block of body.root.children) {
      if (block.type === 'heading') expect(block.tag).toBe('h2');
      // The samples name photos they do not carry: the figure keeps its caption, with no image.
      if (block.type === 'figure') expect(block.src).toBe('');
    }
  });

  it('puts a related-stories block first when related stories are given', () => {
    const { blocks, relatedLine } = sampleArticle('ldld-hai-ba-trung-doi-moi.txt');
    const titles = ['Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025'];
    expect(relatedLine.startsWith(titles[0]!)).toBe(true);
    const body = bodyFromBlocks(blocks, { related: [{ id: '0190a5b2-7c1e-7000-8000-000000000001', title: titles[0]! }] });
    const first = body.root.children[0];
    expect(first).toEqual({
      type: 'related-stories',
      version: 1,
      $: { blockId: 'b1' },
      stories: [{ id: '0190a5b2-7c1e-7000-8000-000000000001', title: titles[0] }],
    });
    expect(body.root.children).toHaveLength(blocks.length + 1);
    expect(bodyFromBlocks(blocks, { related: [] }).root.children).toHaveLength(blocks.length);
  });

  it('normalizes text on the way in and turns newlines into soft breaks', () => {
    const headline = sampleLine('ldld-hai-ba-trung-doi-moi.txt', 'LĐLĐ quận Hai Bà Trưng tiếp tục');
    const body = bodyFromBlocks([
      { type: 'paragraph', text: `${headline.normalize('NFD')}\u200B\r\nH.Phong` },
      { type: 'heading', text: 'Đa\u00A0dạng hoá' },
      { type: 'figure', caption: 'Ảnh:\u00A0Mạnh Quân', credit: 'H.Phong', src: 'https://laodongthudo.vn/a.jpg' },
    ]);
    expect(body.root.children).toEqual([
      withBlockId(nodes.paragraph([nodes.textRun(headline), nodes.lineBreak(), nodes.textRun('H.Phong')]), 'b1'),
      withBlockId(nodes.heading('h2', [nodes.textRun('Đa dạng hoá')]), 'b2'),
      withBlockId(nodes.figure({ caption: 'Ảnh: Mạnh Quân', credit: 'H.Phong', src: 'https://laodongthudo.vn/a.jpg' }), 'b3'),
    ]);
  });

  it('gives an empty paragraph no children, as the editor does', () => {
    expect(bodyFromBlocks([{ type: 'paragraph', text: '' }]).root.children).toEqual([withBlockId(nodes.paragraph([]), 'b1')]);
  });
});

describe('blocksFromBody', () => {
  it.each(SAMPLE_FILES)('undoes bodyFromBlocks for %s', (file) => {
    const { blocks } = sampleArticle(file);
    expect(blocksFromBody(bodyFromBlocks(blocks, { related: [{ id: null, title: 'Tin khác' }] }))).toEqual(blocks);
  });

  it('keeps soft line breaks as newlines and link text as text', () => {
    const body = nodes.bodyOf([
      nodes.paragraph([
        nodes.textRun('Chương trình ', 1),
        nodes.link('https://laodongthudo.vn/', [nodes.textRun('“Tết sum vầy - Xuân ơn Đảng”')]),
        nodes.lineBreak(),
        nodes.textRun('trao quà cho 1.296 CNVCLĐ'),
      ]),
    ]);
    expect(blocksFromBody(body)).toEqual([
      { type: 'paragraph', text: 'Chương trình “Tết sum vầy - Xuân ơn Đảng”\ntrao quà cho 1.296 CNVCLĐ' },
    ]);
  });

  it('flattens quotes and every list item, nested ones included, into paragraphs', () => {
    const body = nodes.bodyOf([
      nodes.relatedBlock(['Tin khác']),
      nodes.heading('h3', [nodes.textRun('3 khâu đột phá')]),
      nodes.quote([nodes.textRun('Tất cả vì đoàn viên, người lao động')]),
      nodes.list('number', [
        [nodes.textRun('Đẩy mạnh đối thoại')],
        [nodes.textRun('Phát triển đoàn viên'), nodes.list('bullet', [[nodes.textRun('thành lập Công đoàn cơ sở')]], 1)],
      ]),
      nodes.figure({ src: `media:${'a'.repeat(64)}`, caption: 'Nhiều sân chơi bổ ích', credit: 'H.Phong', alt: 'Ảnh' }),
    ]);
    expect(blocksFromBody(body)).toEqual([
      { type: 'heading', text: '3 khâu đột phá' },
      { type: 'paragraph', text: 'Tất cả vì đoàn viên, người lao động' },
      { type: 'paragraph', text: 'Đẩy mạnh đối thoại' },
      { type: 'paragraph', text: 'Phát triển đoàn viên' },
      { type: 'paragraph', text: 'thành lập Công đoàn cơ sở' },
      { type: 'figure', caption: 'Nhiều sân chơi bổ ích', src: `media:${'a'.repeat(64)}`, credit: 'H.Phong', alt: 'Ảnh' },
    ]);
  });
});

describe('plainTextOfBody and storyWordCount', () => {
  it.each(SAMPLE_FILES)('reads %s as its paragraphs, subheadings and captions, without alt lines', (file) => {
    const { blocks, readLines } = sampleArticle(file);
    const body = bodyFromBlocks(blocks, { related: [{ id: null, title: 'Tin liên quan không tính' }] });
    expect(plainTextOfBody(body)).toBe(readLines.join('\n\n'));
  });

  it.each(SAMPLE_FILES)('counts the words of %s: headline, sapo and what is read below', (file) => {
    const { headline, sapo, blocks, readLines } = sampleArticle(file);
    const expected = [headline, sapo, ...readLines].reduce((sum, line) => sum + countWords(line), 0);
    expect(storyWordCount({ headline, sapo, body: bodyFromBlocks(blocks) })).toBe(expected);
  });

  it('counts a small story by hand', () => {
    const cum = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';
    const headline = sampleLine('ldld-hai-ba-trung-doi-moi.txt', 'LĐLĐ quận Hai Bà Trưng tiếp tục'); // 17
    const sapo = sampleLine(cum, 'Dự buổi khảo sát'); // 35
    const caption = sampleLine(cum, 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu'); // 18
    const body = bodyFromBlocks(
      [
        { type: 'paragraph', text: 'Nên xem — …' }, // 2
        { type: 'figure', caption, alt: headline }, // alt is not read
      ],
      { related: [{ id: null, title: 'Tin khác' }] }, // nor are related titles
    );
    expect(storyWordCount({ headline, sapo, body })).toBe(17 + 35 + 2 + 18);
  });

  it('skips empty blocks and keeps list items on their own lines', () => {
    const body = nodes.bodyOf([
      nodes.paragraph([]),
      nodes.list('bullet', [[nodes.textRun('Phúc Thọ')], [nodes.textRun('Ba Vì')]]),
      nodes.figure({ src: 'https://laodongthudo.vn/a.jpg' }),
      nodes.quote([nodes.textRun('Hoài Đức')]),
    ]);
    expect(plainTextOfBody(body)).toBe('Phúc Thọ\nBa Vì\n\nHoài Đức');
  });
});
