import { describe, expect, it } from 'vitest';
import { renderStoryDocument, renderStoryText } from '../../core/render';
import { bodyFromBlocks, emptyBody, nodes } from '../../core/story';
import { sampleArticle } from '../fixtures/story-sample-blocks';
import { SAMPLE_FILES, sampleLines } from '../fixtures/text-samples';

describe('renderStoryText', () => {
  it.each(SAMPLE_FILES)('writes %s back line for line as the newspaper printed it', (file) => {
    const article = sampleArticle(file);
    const text = renderStoryText({
      headline: article.headline,
      sapo: article.sapo,
      related: [article.relatedLine],
      byline: article.byline,
      body: bodyFromBlocks(article.blocks),
    });
    const lines = sampleLines(file);
    const printed = lines.slice(0, lines.indexOf(article.byline) + 1);
    expect(text.split('\n').filter((line) => line !== '')).toEqual(printed);
    expect(text.endsWith('H.Phong\n') || text.endsWith('Mạnh Quân\n')).toBe(true);
  });

  it('lays out lists, quotes, credits and the related block', () => {
    const body = nodes.bodyOf([
      nodes.relatedBlock(['Tin A', 'Tin B']),
      nodes.heading('h3', [nodes.textRun('3 khâu đột phá')]),
      nodes.quote([nodes.textRun('Tất cả vì đoàn viên')]),
      nodes.list('number', [
        [nodes.textRun('Đẩy mạnh đối thoại')],
        [nodes.textRun('Phát triển đoàn viên'), nodes.list('bullet', [[nodes.textRun('thành lập Công đoàn cơ sở')]], 1)],
      ]),
      nodes.figure({ src: 'https://laodongthudo.vn/a.jpg', caption: 'Sân chơi bổ ích.', credit: 'Ảnh: H.Phong' }),
      nodes.figure({ alt: 'Ảnh hội nghị', credit: 'Mạnh Quân' }),
      nodes.paragraph([nodes.textRun('Xem thêm'), nodes.lineBreak(), nodes.link('https://a.vn', [nodes.textRun('tại đây')])]),
    ]);
    expect(renderStoryText({ headline: 'Tít', sapo: 'Sapo.', related: [], byline: 'H.Phong', body })).toBe(
      [
        'Tít',
        'Sapo.',
        'Tin A Tin B',
        '3 khâu đột phá',
        'Tất cả vì đoàn viên',
        '1. Đẩy mạnh đối thoại\n2. Phát triển đoàn viên\n  - thành lập Công đoàn cơ sở',
        'Tít\nSân chơi bổ ích. (Ảnh: H.Phong)',
        'Ảnh hội nghị\n(Mạnh Quân)',
        'Xem thêm\ntại đây',
        'H.Phong',
      ].join('\n\n') + '\n',
    );
  });

  it('prefers the raw related line to the related block, and skips empty parts', () => {
    const body = nodes.bodyOf([nodes.relatedBlock(['Tin A']), nodes.paragraph([])]);
    expect(renderStoryText({ headline: 'Tít', sapo: '', related: ['Dòng tin liên quan'], byline: '', body })).toBe(
      'Tít\n\nDòng tin liên quan\n',
    );
    expect(renderStoryText({ headline: 'Tít', sapo: '', related: [], byline: '', body: emptyBody() })).toBe('Tít\n');
  });
});

describe('renderStoryDocument', () => {
  it('wraps a sample story in a standalone, escaped HTML page', () => {
    const article = sampleArticle('cum-thi-dua-so-4-cham-lo-doan-vien.txt');
    const html = renderStoryDocument({
      headline: `${article.headline} <i>`,
      sapo: article.sapo,
      byline: article.byline,
      body: bodyFromBlocks(article.blocks),
    });
    expect(html.startsWith('<!doctype html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">')).toBe(true);
    expect(html).toContain(`<title>${article.headline} &lt;i&gt;</title>`);
    expect(html).toContain(`<h1>${article.headline} &lt;i&gt;</h1>\n<p class="sapo"><strong>${article.sapo}</strong></p>\n<p>`);
    expect(html).toContain('</p>\n<p class="byline"><strong>Mạnh Quân</strong></p>\n</article>');
    expect(html.match(/<figure>/g)).toHaveLength(2);
  });
});
