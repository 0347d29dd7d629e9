// No script from story content can ever run on the site. Each vector goes into
// the headline, sapo, byline, body text, subheading, link text and URL, figure
// caption, alt, credit and source, and a related-story title; the stories are
// published and every public page is checked as a browser would parse it.
import { beforeAll, expect, it } from 'vitest';
import { nodes, type StoryBody } from '../../core/story';
import { call, pullAll, push } from '../helpers/server/api';
import { parseHtml } from '../helpers/server/dom';
import { describeEachDatabase } from '../helpers/server/harness';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { newId, storyPayload, upsert, toPublished } from '../helpers/server/stories';
import { XSS_VECTORS } from '../fixtures/xss-vectors';

/** Every element the site itself writes; anything else came from content. */
const SITE_TAGS = new Set([
  'html', 'head', 'meta', 'title', 'link', 'body', 'header', 'nav', 'main', 'article', 'aside', 'section', 'footer', 'div',
  'p', 'h1', 'h2', 'h3', 'a', 'ul', 'ol', 'li', 'time', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code', 'br', 'span',
  'figure', 'img', 'figcaption', 'blockquote',
]);
const URL_ATTRIBUTES = ['href', 'src', 'action', 'formaction', 'data', 'background', 'poster', 'xlink:href'];
/** <meta> whose content is a URL (a description's content is only text). */
const URL_METAS = ['og:url', 'og:image'];
const DANGEROUS_SCHEME = /^(javascript|data|vbscript):/i;

function bodyWith(vector: string): StoryBody {
  const safeUrl = `https://example.com/tim-kiem?q=${vector}`;
  return nodes.bodyOf([
    nodes.relatedBlock([{ id: null, title: vector }, { id: `${vector}"><script>alert(1)</script>`, title: vector }]),
    nodes.paragraph([nodes.textRun(vector), nodes.textRun(vector, 1), nodes.link(safeUrl, [nodes.textRun(vector)])]),
    nodes.heading('h2', nodes.inlineFromText(vector)),
    nodes.figure({ src: /\s/.test(vector) ? '' : `https://example.com/anh.png?${vector}`, alt: vector, caption: vector, credit: vector }),
  ]);
}

function linkOnlyBody(url: string): StoryBody {
  return nodes.bodyOf([nodes.paragraph([nodes.link(url, [nodes.textRun('Liên kết')])])]);
}

function assertNothingRuns(page: string, html: string): void {
  expect(html, page).not.toMatch(/<script/i);
  expect(html, page).not.toMatch(/<(iframe|object|embed|svg|math|style|base|form|input)\b/i);
  const doc = parseHtml(html);
  for (const element of [...doc.querySelectorAll('*')]) {
    const tag = element.tagName.toLowerCase();
    expect(SITE_TAGS.has(tag), `${page}: <${tag}> came from content`).toBe(true);
    for (const attribute of [...element.attributes]) {
      const name = attribute.name.toLowerCase();
      expect(name.startsWith('on'), `${page}: <${tag} ${name}=…>`).toBe(false);
      expect(name, `${page}: style attribute on <${tag}>`).not.toBe('style');
      const isUrlMeta = tag === 'meta' && name === 'content' && URL_METAS.includes(element.getAttribute('property') ?? '');
      if (URL_ATTRIBUTES.includes(name) || isUrlMeta) {
        // Browsers drop control characters and spaces around and inside a scheme.
        // eslint-disable-next-line no-control-regex
        const value = attribute.value.replace(/[\u0000-\u0020]/g, '');
        expect(DANGEROUS_SCHEME.test(value), `${page}: <${tag} ${name}="${attribute.value}">`).toBe(false);
      }
    }
    if (tag === 'meta') expect(element.getAttribute('http-equiv'), page).toBeNull();
  }
}

/** RSS readers decode <description> once and render it as HTML: after that, still no tags. */
function assertFeedIsInert(page: string, xml: string): void {
  expect(xml, page).not.toMatch(/<script/i);
  const decode = (s: string) =>
    s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');
  for (const [, description] of xml.matchAll(/<description>([\s\S]*?)<\/description>/g)) {
    expect(decode(description ?? ''), page).not.toMatch(/<[a-z!/?]/i);
  }
  for (const [, title] of xml.matchAll(/<title>([\s\S]*?)<\/title>/g)) {
    expect(title, page).not.toMatch(/<[a-z!/?]/i);
  }
}

describeEachDatabase('XSS vectors on the public site', (h) => {
  const paths: string[] = [];
  const linkVerdicts: Array<{ vector: string; status: string }> = [];

  beforeAll(async () => {
    const ops = XSS_VECTORS.flatMap((vector, i) => {
      const id = newId();
      const payload = storyPayload({
        headline: `Tin số ${i}: ${vector}`.slice(0, 500),
        sapo: vector,
        byline: vector.slice(0, 200),
        section: 'Bạn đọc',
        tags: ['nen-xem'],
        body: bodyWith(vector),
      });
      return [upsert(id, 0, payload), ...toPublished(id)];
    });
    const { results } = await push(h.url, h.token('chief'), ops);
    for (const r of results) expect(r.status, JSON.stringify(r)).toBe('applied');
    for (const { story: s } of await pullAll(h.url, h.token('chief'))) {
      if (s.status === 'published') paths.push(`/ban-doc/${s.slug}-${s.id.replace(/-/g, '').slice(-8)}.html`);
    }
    // The link URL field itself: the schema refuses what is not http(s)/mailto.
    for (const vector of XSS_VECTORS) {
      const id = newId();
      const [r] = (
        await push(h.url, h.token('chief'), [
          upsert(id, 0, storyPayload({ headline: 'Liên kết lạ', section: 'Bạn đọc', body: linkOnlyBody(vector) })),
          ...toPublished(id),
        ])
      ).results;
      linkVerdicts.push({ vector, status: r?.status ?? 'none' });
      if (r?.status === 'applied') paths.push(`/ban-doc/lien-ket-la-${id.replace(/-/g, '').slice(-8)}.html`);
    }
  }, 120_000);

  it('published a story for every vector', () => {
    expect(paths.length).toBeGreaterThanOrEqual(XSS_VECTORS.length);
  });

  it('refuses javascript:, data: and vbscript: link URLs at the door', () => {
    const refused = linkVerdicts.filter((v) => v.status === 'rejected').map((v) => v.vector);
    for (const vector of XSS_VECTORS) {
      // eslint-disable-next-line no-control-regex
      if (DANGEROUS_SCHEME.test(vector.replace(/[\u0000-\u0020]/g, ''))) expect(refused).toContain(vector);
    }
  });

  it('lets no vector run on any article page', async () => {
    for (const path of paths) {
      const reply = await call(h.url, 'GET', path);
      expect(reply.status, path).toBe(200);
      assertNothingRuns(path, reply.text);
    }
  });

  it('lets no vector run on the home page, section pages, feeds or sitemap', async () => {
    for (const path of ['/', '/ban-doc/', '/ban-doc/?page=2', '/ban-doc/?page=3', '/ban-doc/?page=4']) {
      const reply = await call(h.url, 'GET', path);
      expect(reply.status, path).toBe(200);
      assertNothingRuns(path, reply.text);
    }
    for (const path of ['/ban-doc/rss.xml', '/rss.xml']) {
      assertFeedIsInert(path, (await call(h.url, 'GET', path)).text);
    }
    expect((await call(h.url, 'GET', '/sitemap.xml')).text).not.toMatch(/<script/i);
  });
}, { env: ARCHIVE_CHECKLIST_ENV });
