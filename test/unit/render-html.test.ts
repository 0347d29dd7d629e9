import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { renderBodyHtml } from '../../core/render';
import { bodyFromBlocks, blocksFromBody, nodes, TEXT_FORMAT, type BlockNode, type StoryBody } from '../../core/story';
import { sampleArticle } from '../fixtures/story-sample-blocks';
import { SAMPLE_FILES } from '../fixtures/text-samples';

const SHA = 'ab'.repeat(32);
const { bold, italic, underline, strikethrough, code, subscript, superscript } = TEXT_FORMAT;
const one = (block: BlockNode, options = {}) => renderBodyHtml(nodes.bodyOf([block]), options);
const p = (...children: Parameters<typeof nodes.paragraph>[0]) => nodes.paragraph(children);
const t = nodes.textRun;

describe('renderBodyHtml: blocks', () => {
  it.each([
    ['a paragraph', p(t('Mạnh Quân')), '<p>Mạnh Quân</p>'],
    ['an empty paragraph (nothing)', p(), ''],
    ['a soft line break', p(t('Xem thêm'), nodes.lineBreak(), t('Phiên bản di động')), '<p>Xem thêm<br>Phiên bản di động</p>'],
    ['an h2', nodes.heading('h2', [t('Đa dạng hoá')]), '<h2>Đa dạng hoá</h2>'],
    ['an h3', nodes.heading('h3', [t('3 khâu đột phá')]), '<h3>3 khâu đột phá</h3>'],
    ['a quote', nodes.quote([t('Tất cả vì đoàn viên')]), '<blockquote>Tất cả vì đoàn viên</blockquote>'],
    ['a bullet list', nodes.list('bullet', [[t('Phúc Thọ')], [t('Ba Vì')]]), '<ul><li>Phúc Thọ</li><li>Ba Vì</li></ul>'],
    ['a numbered list', nodes.list('number', [[t('Hoài Đức')]]), '<ol><li>Hoài Đức</li></ol>'],
    ['a numbered list starting at 3', { ...nodes.list('number', [[t('Quốc Oai')]]), start: 3 }, '<ol start="3"><li>Quốc Oai</li></ol>'],
    [
      'a nested list',
      nodes.list('number', [[t('Đan Phượng'), nodes.list('bullet', [[t('Thạch Thất')]], 1)]]),
      '<ol><li>Đan Phượng<ul><li>Thạch Thất</li></ul></li></ol>',
    ],
  ])('renders %s', (_name, block, html) => {
    expect(one(block)).toBe(html);
  });

  it.each([
    ['bold', bold, '<strong>x</strong>'],
    ['italic', italic, '<em>x</em>'],
    ['underline', underline, '<u>x</u>'],
    ['strikethrough', strikethrough, '<s>x</s>'],
    ['code', code, '<code>x</code>'],
    ['subscript', subscript, '<sub>x</sub>'],
    ['superscript', superscript, '<sup>x</sup>'],
    ['bold italic', bold | italic, '<strong><em>x</em></strong>'],
    ['every format', 127, '<strong><em><u><s><sub><sup><code>x</code></sup></sub></s></u></em></strong>'],
    ['an unknown format bit (highlight)', 128, 'x'],
  ])('renders %s text', (_name, format, html) => {
    expect(one(p(t('x', format)))).toBe(`<p>${html}</p>`);
  });

  it('never copies inline styles', () => {
    expect(one(p({ ...t('đỏ'), style: 'color: red; display: none' }))).toBe('<p>đỏ</p>');
  });
});

describe('renderBodyHtml: links', () => {
  const link = (url: string, extra: Partial<ReturnType<typeof nodes.link>> = {}) =>
    p({ ...nodes.link(url, [t('Lao động Thủ đô')]), ...extra });

  it.each([
    [
      'an external link, with rel',
      link('https://dantri.com.vn/'),
      {},
      '<a href="https://dantri.com.vn/" rel="noopener noreferrer nofollow">Lao động Thủ đô</a>',
    ],
    ['a link to the site itself, without rel', link('https://laodongthudo.vn/cong-doan.html'), { siteOrigin: 'https://laodongthudo.vn' }, '<a href="https://laodongthudo.vn/cong-doan.html">Lao động Thủ đô</a>'],
    ['a mailto link, without rel', link('mailto:toasoan@laodongthudo.vn'), {}, '<a href="mailto:toasoan@laodongthudo.vn">Lao động Thủ đô</a>'],
    [
      'a new-tab link with a title',
      link('https://dantri.com.vn/', { target: '_blank', title: 'Báo "Dân trí"' }),
      {},
      '<a href="https://dantri.com.vn/" title="Báo &quot;Dân trí&quot;" target="_blank" rel="noopener noreferrer nofollow">Lao động Thủ đô</a>',
    ],
    ['a link with another target (dropped)', link('mailto:a@b.vn', { target: 'top"x' }), {}, '<a href="mailto:a@b.vn">Lao động Thủ đô</a>'],
    // Bodies are validated, but the renderer must stay safe if handed one that was not.
    ['a javascript: link, as text only', link('javascript:alert(1)'), {}, 'Lao động Thủ đô'],
    ['a data: link, as text only', link('data:text/html,<b>x</b>'), {}, 'Lao động Thủ đô'],
    ['a relative link, as text only', link('/cong-doan.html'), {}, 'Lao động Thủ đô'],
  ])('renders %s', (_name, block, options, inner) => {
    expect(one(block, options)).toBe(`<p>${inner}</p>`);
  });

  it('escapes quotes and brackets in a URL', () => {
    expect(one(link('https://laodongthudo.vn/?q="><script>alert(1)</script>'))).toBe(
      '<p><a href="https://laodongthudo.vn/?q=&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;" rel="noopener noreferrer nofollow">Lao động Thủ đô</a></p>',
    );
  });
});

describe('renderBodyHtml: figures and related stories', () => {
  const caption = 'Nhiều sân chơi bổ ích dành cho người lao động.';
  it.each([
    [
      'a stored image at /media by default',
      nodes.figure({ src: `media:${SHA}`, alt: 'Sân chơi', caption, credit: 'Ảnh: H.Phong' }),
      {},
      `<figure><img src="/media/${SHA}" alt="Sân chơi"><figcaption>${caption} <span class="credit">Ảnh: H.Phong</span></figcaption></figure>`,
    ],
    [
      'a stored image at the caller\'s URL, its caption standing in for the alt text it lacks',
      nodes.figure({ src: `media:${SHA}`, caption }),
      { mediaUrl: (sha: string) => `https://cdn.laodongthudo.vn/${sha}.jpg` },
      `<figure><img src="https://cdn.laodongthudo.vn/${SHA}.jpg" alt="${caption}"><figcaption>${caption}</figcaption></figure>`,
    ],
    [
      'a web image',
      nodes.figure({ src: 'https://laodongthudo.vn/a.jpg' }),
      {},
      '<figure><img src="https://laodongthudo.vn/a.jpg" alt=""></figure>',
    ],
    ['a missing image: caption only', nodes.figure({ alt: 'Sân chơi', caption }), {}, `<figure><figcaption>${caption}</figcaption></figure>`],
    ['a credit without caption', nodes.figure({ credit: 'Mạnh Quân' }), {}, '<figure><figcaption><span class="credit">Mạnh Quân</span></figcaption></figure>'],
    ['an empty figure (nothing)', nodes.figure({}), {}, ''],
    ['a script image source (no image)', { ...nodes.figure({ caption }), src: 'javascript:alert(1)' }, {}, `<figure><figcaption>${caption}</figcaption></figure>`],
    [
      'related stories, linked where the caller knows a URL',
      nodes.relatedBlock([{ id: 'a1', title: 'Tin A' }, { id: 'b2', title: 'Tin B' }, 'Tin C']),
      { storyUrl: (id: string) => (id === 'a1' ? '/cong-doan/tin-a-a1.html' : null) },
      '<aside class="related-stories"><ul><li><a href="/cong-doan/tin-a-a1.html" data-story-id="a1">Tin A</a></li><li>Tin B</li><li>Tin C</li></ul></aside>',
    ],
    ['related stories without URLs', nodes.relatedBlock(['Tin A']), {}, '<aside class="related-stories"><ul><li>Tin A</li></ul></aside>'],
    ['an empty related-stories block (nothing)', nodes.relatedBlock([]), {}, ''],
  ])('renders %s', (_name, block, options, html) => {
    expect(one(block, options)).toBe(html);
  });
});

describe('renderBodyHtml: escaping', () => {
  const evil = '<script>alert("x")</script> & \'q\'';
  it.each([
    ['text', p(t(evil)), '<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; \'q\'</p>'],
    ['a heading', nodes.heading('h2', [t('<h1>')]), '<h2>&lt;h1&gt;</h2>'],
    [
      'alt, caption and credit',
      nodes.figure({ src: 'https://a.vn/x.jpg', alt: '" onerror="alert(1)', caption: '<img src=x>', credit: '</figure>' }),
      '<figure><img src="https://a.vn/x.jpg" alt="&quot; onerror=&quot;alert(1)"><figcaption>&lt;img src=x&gt; <span class="credit">&lt;/figure&gt;</span></figcaption></figure>',
    ],
    [
      'an image URL',
      nodes.figure({ src: 'https://a.vn/x.jpg?a="b"&c=<d>' }),
      '<figure><img src="https://a.vn/x.jpg?a=&quot;b&quot;&amp;c=&lt;d&gt;" alt=""></figure>',
    ],
    ['a related title', nodes.relatedBlock(['<b>Tin</b>']), '<aside class="related-stories"><ul><li>&lt;b&gt;Tin&lt;/b&gt;</li></ul></aside>'],
    ['an unknown heading tag', { ...nodes.heading('h2', [t('Tít')]), tag: 'h1 onclick=x' as 'h2' }, '<h2>Tít</h2>'],
  ])('escapes %s', (_name, block, html) => {
    expect(one(block)).toBe(html);
  });

  it('escapes URLs the caller supplies', () => {
    const html = one(nodes.relatedBlock([{ id: '"x"', title: 'Tin' }]), { storyUrl: () => '/a"><script>' });
    expect(html).toBe('<aside class="related-stories"><ul><li><a href="/a&quot;&gt;&lt;script&gt;" data-story-id="&quot;x&quot;">Tin</a></li></ul></aside>');
  });

  it('skips a block type it does not know instead of failing', () => {
    const body = nodes.bodyOf([{ type: 'table', version: 1 } as unknown as BlockNode, p(t('Nên xem'))]);
    expect(renderBodyHtml(body)).toBe('<p>Nên xem</p>');
  });
});

describe('renderBodyHtml: the samples', () => {
  function parse(html: string) {
    const window = new Window();
    const document = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    return { document, close: () => window.happyDOM.close() };
  }

  it.each(SAMPLE_FILES)('renders %s block for block, with every word intact', async (file) => {
    const { blocks } = sampleArticle(file);
    const body: StoryBody = bodyFromBlocks(blocks);
    const { document, close } = parse(renderBodyHtml(body));
    const elements = Array.from(document.body.children);
    expect(elements.map((el) => el.tagName)).toEqual(
      blocks.map((b) => ({ paragraph: 'P', heading: 'H2', figure: 'FIGURE' })[b.type]),
    );
    const texts = blocksFromBody(body).map((b) => (b.type === 'figure' ? b.caption : b.text));
    expect(elements.map((el) => el.textContent)).toEqual(texts);
    await close();
  });
});
