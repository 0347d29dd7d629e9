import { describe, expect, it } from 'vitest';
import { bodyFromBlocks, describeBodyError, emptyBody, nodes, storyBody, storyContent } from '../../core/story';
import { sampleArticle } from '../fixtures/story-sample-blocks';

const SHA = '3f'.repeat(32);

/** A body with one extra block, as raw JSON (what arrives over the wire). */
function withBlock(block: unknown): unknown {
  return { root: { ...emptyBody().root, children: [nodes.paragraph([nodes.textRun('Nên xem')]), block] } };
}

function messageFor(input: unknown): string {
  const result = storyBody.safeParse(input);
  if (result.success) throw new Error('the body was accepted');
  return describeBodyError(result.error);
}

describe('storyBody accepts', () => {
  it('an empty body', () => {
    expect(storyBody.parse(emptyBody())).toEqual(emptyBody());
  });

  it('a sample article as a story', () => {
    const article = sampleArticle('ldld-hai-ba-trung-doi-moi.txt');
    const content = storyContent.parse({
      headline: article.headline,
      sapo: article.sapo,
      byline: article.byline,
      section: 'cong-doan',
      tags: [],
      slug: 'ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong',
      related: [article.relatedLine],
      body: bodyFromBlocks(article.blocks),
    });
    expect(content.body.root.children).toHaveLength(article.blocks.length);
  });

  it.each([
    ['https', 'https://laodongthudo.vn/cong-doan.html'],
    ['http', 'http://laodongthudo.vn/'],
    ['mailto', 'mailto:toasoan@laodongthudo.vn'],
  ])('a link with %s', (_name, url) => {
    const body = withBlock(nodes.paragraph([nodes.link(url, [nodes.textRun('Lao động Thủ đô')])]));
    expect(storyBody.safeParse(body).success).toBe(true);
  });

  it.each([
    ['a stored image', `media:${SHA}`],
    ['an http(s) image', 'https://laodongthudo.vn/anh.jpg'],
    ['a missing image', ''],
  ])('a figure with %s', (_name, src) => {
    expect(storyBody.safeParse(withBlock(nodes.figure({ src, caption: 'Ảnh' }))).success).toBe(true);
  });

  it('a figure without src, reading it as "image missing"', () => {
    const parsed = storyBody.parse(withBlock({ type: 'figure', version: 1, caption: 'Phó Chủ tịch phát biểu' }));
    expect(parsed.root.children[1]).toEqual(nodes.figure({ caption: 'Phó Chủ tịch phát biểu' }));
  });
});

describe('storyBody refuses, saying why in Vietnamese', () => {
  it.each([
    [
      'an unknown block',
      withBlock({ type: 'table', version: 1, children: [] }),
      'khối 2: Loại nút "table" không được hỗ trợ ở cấp khối của bài; chỉ dùng được: paragraph, heading, quote, list, figure, related-stories',
    ],
    [
      'a block without a type',
      withBlock({ version: 1, children: [] }),
      'khối 2: Nút không có loại (type) ở cấp khối của bài; chỉ dùng được: paragraph, heading, quote, list, figure, related-stories',
    ],
    ['a block that is not an object', withBlock('Nên xem'), 'khối 2: Mỗi nút phải là một đối tượng JSON'],
    [
      'an image inside a paragraph',
      withBlock({ ...nodes.paragraph([]), children: [{ type: 'image', version: 1, src: 'x.png' }] }),
      'khối 2 › nút 1: Loại nút "image" không được hỗ trợ trong một khối chữ; chỉ dùng được: text, linebreak, link',
    ],
    [
      'a link inside a link',
      withBlock({ ...nodes.paragraph([]), children: [{ ...nodes.link('https://a.vn', []), children: [nodes.link('https://b.vn', [])] }] }),
      'khối 2 › nút 1 › nút 1: Loại nút "link" không được hỗ trợ trong liên kết; chỉ dùng được: text, linebreak',
    ],
    [
      'an unknown field on a heading',
      withBlock({ ...nodes.heading('h2', []), className: 'red' }),
      'khối 2: Nút "heading" có trường không được hỗ trợ: className',
    ],
    [
      'an unknown field on a text run',
      withBlock({ ...nodes.paragraph([]), children: [{ ...nodes.textRun('đỏ'), color: 'red', size: 3 }] }),
      'khối 2 › nút 1: Nút "text" có trường không được hỗ trợ: color, size',
    ],
    [
      'an unknown field on a related story',
      withBlock({ ...nodes.relatedBlock(['Tin khác']), stories: [{ id: null, title: 'Tin khác', url: '/x' }] }),
      'khối 2 › stories › mục 1: Tin liên quan có trường không được hỗ trợ: url',
    ],
    [
      'an unknown field beside root',
      { ...emptyBody(), meta: { author: 'H.Phong' } },
      'Nội dung bài có trường không được hỗ trợ: meta',
    ],
    ['a body that is not an object', 'Nên xem', 'Nội dung bài phải là một đối tượng JSON có "root"'],
  ])('%s', (_name, input, message) => {
    expect(messageFor(input)).toBe(message);
  });

  it.each([
    ['javascript:', 'javascript:alert(1)'],
    ['upper-case JAVASCRIPT:', 'JAVASCRIPT:alert(document.cookie)'],
    ['javascript: behind spaces', '  javascript:alert(1)'],
    ['javascript: with a tab inside', 'java\tscript:alert(1)'],
    ['vbscript:', 'vbscript:msgbox(1)'],
    ['data:', 'data:text/html,<script>alert(1)</script>'],
    ['a relative URL', '/cong-doan/bai.html'],
    ['a protocol-relative URL', '//evil.example/x'],
  ])('a link to %s', (_name, url) => {
    const body = withBlock(nodes.paragraph([nodes.link(url, [nodes.textRun('bấm vào đây')])]));
    expect(messageFor(body)).toBe('khối 2 › nút 1 › url: Liên kết chỉ được dùng http, https hoặc mailto');
  });

  it.each(['h1', 'h4', 'h6'] as const)('an %s heading', (tag) => {
    const body = withBlock({ ...nodes.heading('h2', [nodes.textRun('Tít')]), tag });
    expect(messageFor(body)).toBe('khối 2 › tag: Tiêu đề phụ chỉ có thể là h2 hoặc h3');
  });

  it('a checklist', () => {
    const body = withBlock({ ...nodes.list('bullet', []), listType: 'check' });
    expect(messageFor(body)).toBe('khối 2 › listType: Danh sách chỉ có thể là gạch đầu dòng hoặc đánh số');
  });

  it('an unknown node deep in a nested list', () => {
    const inner = nodes.list('bullet', [[{ type: 'mention', version: 1 } as never]], 1);
    const body = withBlock(nodes.list('number', [[nodes.textRun('Ba Vì'), inner]]));
    expect(messageFor(body)).toBe(
      'khối 2 › nút 1 › nút 2 › nút 1 › nút 1: Loại nút "mention" không được hỗ trợ trong một mục danh sách; chỉ dùng được: text, linebreak, link, list',
    );
  });

  it.each([
    ['a script URL', 'javascript:alert(1)'],
    ['a malformed media reference', 'media:abc'],
    ['a relative path', '/media/anh.jpg'],
    ['a data URL', 'data:image/png;base64,iVBORw0KGgo='],
  ])('a figure with %s', (_name, src) => {
    expect(messageFor(withBlock(nodes.figure({ src })))).toBe(
      'khối 2 › src: Ảnh phải là media:<sha256>, một địa chỉ http(s), hoặc để trống',
    );
  });

  it('an empty related-story title', () => {
    const body = withBlock(nodes.relatedBlock([{ id: null, title: '' }]));
    expect(messageFor(body)).toBe('khối 2 › stories › mục 1 › title: Tin liên quan phải có tít');
  });
});
