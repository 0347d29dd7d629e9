// Every XSS vector of the site tests, and a few XML-specific ones, goes through
// every channel and item field of every feed (the site-wide RSS, each section's
// RSS, the sitemap): as the site name (SITE_NAME), as a section name, headline
// and sapo. Each feed is read with a real XML parser, and each field must
// decode to exactly the text we hold: text fields once, as XML; HTML fields
// (every <description>) once as XML and once more as HTML, with no element
// appearing at either step.
import { DOMParser } from '@xmldom/xmldom';
import { beforeAll, expect, it } from 'vitest';
import { slugify, toWellFormed } from '../../core/text';
import { call, pullAll, push } from '../helpers/server/api';
import { parseHtml } from '../helpers/server/dom';
import { describeEachDatabase } from '../helpers/server/harness';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { newId, storyPayload, upsert, toPublished } from '../helpers/server/stories';
import { XSS_VECTORS } from '../fixtures/xss-vectors';

const SITE_NAME = `Báo "Lao động" <script>alert('XSS')</script> & <b>Thủ đô</b> ]]> <![CDATA[x]]>`;
const VECTORS = [
  ...XSS_VECTORS,
  'Nửa emoji \uD83D ở cuối',
  'Kết thúc CDATA ]]> và mở <![CDATA[ <script>alert(1)</script> ]]>',
  'Ký tự cấm trong XML \u0001\u0008\u000B\uFFFE hết',
  'Thực thể có sẵn &amp; &lt;b&gt; &#60;script&#62; &unknown;',
  'Dòng\r\nmới\rcũ',
  '<?xml-stylesheet href="javascript:alert(1)"?><!DOCTYPE x [<!ENTITY a "b">]>&a;',
];

const FEED_ELEMENTS = new Set(['rss', 'channel', 'title', 'link', 'description', 'language', 'lastBuildDate', 'item', 'guid', 'pubDate']);
const SITEMAP_ELEMENTS = new Set(['urlset', 'url', 'loc', 'lastmod']);
const TEXT_NODE = 3;
const ELEMENT_NODE = 1;

/** What a string becomes as XML text: characters XML 1.0 forbids are dropped (and half an emoji is U+FFFD). */
function asXmlText(text: string): string {
  // eslint-disable-next-line no-control-regex
  return toWellFormed(text).replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** What it becomes as HTML text besides: an HTML parser reads CR and CRLF as LF. */
function asHtmlText(text: string): string {
  return asXmlText(text).replace(/\r\n?/g, '\n');
}

function parseXml(page: string, xml: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ errorHandler: (level: string, message: string) => problems.push(`${level}: ${message}`) }).parseFromString(
    xml,
    'text/xml',
  ) as unknown as Document;
  expect(problems, page).toEqual([]);
  return doc;
}

/** Every node of the document is an allowed element, text, or the XML declaration: content added no markup. */
function expectOnlyFeedMarkup(page: string, doc: Document, allowed: Set<string>): void {
  const stack: Node[] = [...Array.from(doc.childNodes)];
  while (stack.length > 0) {
    const node = stack.pop() as Node;
    if (node.nodeType === ELEMENT_NODE) {
      expect(allowed.has((node as Element).tagName), `${page}: <${(node as Element).tagName}>`).toBe(true);
      stack.push(...Array.from(node.childNodes));
    } else if (node.nodeType !== TEXT_NODE) {
      expect((node as ProcessingInstruction).target, `${page}: a node of type ${node.nodeType}`).toBe('xml');
    }
  }
}

/** The content of an element that must hold text only. */
function textOf(page: string, element: Element | undefined): string {
  expect(element, page).toBeDefined();
  const children = Array.from((element as Element).childNodes);
  for (const child of children) expect(child.nodeType, `${page}: markup inside <${(element as Element).tagName}>`).toBe(TEXT_NODE);
  return children.map((child) => (child as Text).data).join('');
}

/** The text of an HTML-carrying field, as a reader renders it: there must be no element in it. */
function renderedText(page: string, html: string): string {
  const body = parseHtml(`<!doctype html><html><body>${html}</body></html>`).body;
  expect(body.children.length, `${page}: HTML elements in a description: ${html}`).toBe(0);
  // Browsers read CR and CRLF as LF before parsing; happy-dom leaves them, so this does it for both.
  return (body.textContent ?? '').replace(/\r\n?/g, '\n');
}

function child(element: Element, name: string): Element | undefined {
  return Array.from(element.childNodes).find((node): node is Element => node.nodeType === ELEMENT_NODE && (node as Element).tagName === name);
}

type Published = { id: string; headline: string; sapo: string; section: string; sectionSlug: string; path: string };

describeEachDatabase(
  'XSS vectors in every field of every feed',
  (h) => {
    const published = new Map<string, Published>();

    beforeAll(async () => {
      const ops = VECTORS.flatMap((vector, i) => {
        const id = newId();
        const payload = storyPayload({
          headline: `Tin ${i}: ${vector}`.slice(0, 500),
          sapo: vector,
          section: `Mục ${i} ${vector}`.slice(0, 100),
        });
        return [upsert(id, 0, payload), ...toPublished(id)];
      });
      const { results } = await push(h.url, h.token('chief'), ops);
      for (const r of results) expect(r.status, JSON.stringify(r)).toBe('applied');
      for (const { story: s } of await pullAll(h.url, h.token('chief'))) {
        if (s.status !== 'published') continue;
        const sectionSlug = slugify(s.section, 60);
        const path = `/${sectionSlug}/${s.slug}-${s.id.replace(/-/g, '').slice(-8)}.html`;
        published.set(s.id, { id: s.id, headline: s.headline, sapo: s.sapo, section: s.section, sectionSlug, path });
      }
    }, 120_000);

    /** Checks one feed's channel and items; returns the ids of its items. */
    async function checkFeed(path: string, channel: { title: string; description: string; link: string }): Promise<string[]> {
      const reply = await call(h.url, 'GET', path);
      expect(reply.status, path).toBe(200);
      const doc = parseXml(path, reply.text);
      expectOnlyFeedMarkup(path, doc, FEED_ELEMENTS);
      const channelElement = child(doc.documentElement, 'channel') as Element;
      expect(textOf(`${path} channel title`, child(channelElement, 'title'))).toBe(asXmlText(channel.title));
      expect(textOf(`${path} channel link`, child(channelElement, 'link'))).toBe(channel.link);
      const description = textOf(`${path} channel description`, child(channelElement, 'description'));
      expect(renderedText(`${path} channel description`, description)).toBe(asHtmlText(channel.description));

      const ids: string[] = [];
      for (const item of Array.from(channelElement.getElementsByTagName('item'))) {
        const id = textOf(`${path} guid`, child(item, 'guid'));
        const story = published.get(id);
        expect(story, `${path}: item ${id}`).toBeDefined();
        if (!story) continue;
        expect(textOf(`${path} item title`, child(item, 'title'))).toBe(asXmlText(story.headline));
        expect(textOf(`${path} item link`, child(item, 'link'))).toBe(h.url + story.path);
        const sapo = textOf(`${path} item description`, child(item, 'description'));
        expect(renderedText(`${path} item description`, sapo)).toBe(asHtmlText(story.sapo));
        ids.push(id);
      }
      return ids;
    }

    it('published a story for every vector', () => {
      expect(published.size).toBe(VECTORS.length);
    });

    it('carries each vector as text through its section feed: channel title, link, description, and the item', async () => {
      for (const story of published.values()) {
        const ids = await checkFeed(`/${story.sectionSlug}/rss.xml`, {
          title: `${story.section} | ${SITE_NAME}`,
          description: `Tin ${story.section} từ ${SITE_NAME}`,
          link: `${h.url}/${story.sectionSlug}/`,
        });
        expect(ids).toEqual([story.id]);
      }
    });

    it('carries the site name and the latest stories as text through the site feed', async () => {
      const ids = await checkFeed('/rss.xml', { title: SITE_NAME, description: `Tin mới nhất từ ${SITE_NAME}`, link: `${h.url}/` });
      expect(ids.length).toBe(20);
    });

    it('lists every story and section in the sitemap as addresses, with no markup added', async () => {
      const reply = await call(h.url, 'GET', '/sitemap.xml');
      expect(reply.status).toBe(200);
      const doc = parseXml('/sitemap.xml', reply.text);
      expectOnlyFeedMarkup('/sitemap.xml', doc, SITEMAP_ELEMENTS);
      const locs = Array.from(doc.getElementsByTagName('loc')).map((loc) => textOf('/sitemap.xml loc', loc));
      for (const story of published.values()) {
        expect(locs).toContain(h.url + story.path);
        expect(locs).toContain(`${h.url}/${story.sectionSlug}/`);
      }
      for (const lastmod of Array.from(doc.getElementsByTagName('lastmod'))) {
        expect(textOf('/sitemap.xml lastmod', lastmod)).toMatch(/^\d{4}-\d{2}-\d{2}T/);
      }
    });
  },
  { env: { SITE_NAME, ...ARCHIVE_CHECKLIST_ENV } },
);
