import { beforeAll, describe, expect, it } from 'vitest';
import { call, push } from '../helpers/server/api';
import { attrs, documentOrder, parseHtml, texts } from '../helpers/server/dom';
import { describeEachDatabase } from '../helpers/server/harness';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { IMAGES, sha256 } from '../helpers/server/images';
import { startServer } from '../helpers/server/process';
import { LDLD_PUBLISHED_AT, RELATED_TITLES, sampleArticle, seedSamples, type Seed } from '../helpers/server/samples';
import { newId, storyPayload, toPublished, transition, unpublish, upsert } from '../helpers/server/stories';

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);

describeEachDatabase('public site', (h) => {
  let seed: Seed;
  const image = sha256(IMAGES.png);

  beforeAll(async () => {
    await call(h.url, 'PUT', `/api/media/${image}`, { token: h.token('editor'), body: IMAGES.png });
    seed = await seedSamples(h.url, h.token('chief'), { firstFigureSrc: `media:${image}` });
  }, 60_000);

  const get = (path: string, headers: Record<string, string> = {}) => call(h.url, 'GET', path, { headers });

  describe('article page', () => {
    it('lives at /{section}/{slug}-{shortid}.html', () => {
      expect(seed.ldld.path).toBe(
        `/cong-doan/ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong-${shortId(seed.ldld.id)}.html`,
      );
    });

    it('shows the sample article in the sample order: headline, time, sapo, related, body, byline, boxes', async () => {
      const reply = await get(seed.ldld.path);
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const doc = parseHtml(reply.text);
      const article = sampleArticle('ldld');

      expect(texts(doc, 'h1')).toEqual([article.headline]);
      expect(texts(doc, '.time time')).toEqual(['08:49 | 06/08/2021']);
      expect(attrs(doc, '.time time', 'datetime')).toEqual([LDLD_PUBLISHED_AT]);
      expect(texts(doc, '.sapo strong')).toEqual([article.sapo]);
      expect(texts(doc, '.related-stories a')).toEqual(RELATED_TITLES.ldld);
      expect(attrs(doc, '.related-stories a', 'href')).toEqual(seed.related.slice(0, 3).map((s) => s.path));
      expect(texts(doc, '.body h2')).toEqual(['Đa dạng hoá các hoạt động chăm lo', 'Phát động thi đua gắn với 3 khâu đột phá']);
      expect(doc.querySelectorAll('.body figure')).toHaveLength(4);
      expect(texts(doc, '.body figcaption')[0]).toBe(
        'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.',
      );
      expect(attrs(doc, '.body figure img', 'src')).toEqual([`/media/${image}`]);
      expect(doc.querySelectorAll('.body > p')).toHaveLength(15);
      expect(texts(doc, '.byline')).toEqual(['H.Phong']);
      expect(texts(doc, '.box-picks h2')).toEqual(['Nên xem']);
      expect(texts(doc, '.box-more h2')).toEqual(['Tin khác']);

      const order = documentOrder(doc, ['h1', '.time', '.sapo', '.related-stories', '.body h2', '.byline', '.box-picks', '.box-more']);
      expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    it('fills "Nên xem" with the latest picks and "Tin khác" with the latest of the section', async () => {
      const doc = parseHtml((await get(seed.ldld.path)).text);
      expect(texts(doc, '.box-picks .teaser-title')).toEqual(seed.picks.slice(0, 7).map((s) => s.headline));
      // Newest first, the article itself left out: the archive is newer than the 2021 article.
      const section = seed.all
        .filter((s) => s.section === 'Công đoàn' && s.id !== seed.ldld.id)
        .map((s) => s.headline);
      const expectedMore = [...seed.more, ...seed.related, seed.cum].map((s) => s.headline).filter((t) => section.includes(t));
      expect(texts(doc, '.box-more .teaser-title')).toEqual(expectedMore.slice(0, 10));
      expect(texts(doc, '.box-more .teaser-sapo')[0]).toBe(seed.more[0]?.sapo);
    });

    it('carries Open Graph tags, a canonical link, a viewport for phones and the stylesheet', async () => {
      const doc = parseHtml((await get(seed.ldld.path)).text);
      const meta = (property: string) => doc.querySelector(`meta[property="${property}"]`)?.getAttribute('content');
      expect(meta('og:type')).toBe('article');
      expect(meta('og:title')).toContain('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới');
      expect(meta('og:description')).toBe(seed.ldld.sapo);
      expect(meta('og:url')).toBe(h.url + seed.ldld.path);
      expect(meta('og:image')).toBe(`${h.url}/media/${image}`);
      expect(meta('article:published_time')).toBe(LDLD_PUBLISHED_AT);
      expect(attrs(doc, 'link[rel=canonical]', 'href')).toEqual([h.url + seed.ldld.path]);
      expect(attrs(doc, 'meta[name=viewport]', 'content')).toEqual(['width=device-width, initial-scale=1']);
      const css = await get(attrs(doc, 'link[rel=stylesheet]', 'href')[0] ?? '');
      expect(css.status).toBe(200);
      expect(css.headers.get('content-type')).toContain('text/css');
      expect(css.text).toMatch(/@media \(min-width:\d+px\)/);
    });

    it('sends a strict Content-Security-Policy and no script at all', async () => {
      const reply = await get(seed.ldld.path);
      const csp = reply.headers.get('content-security-policy') ?? '';
      expect(csp).toContain("default-src 'none'");
      expect(csp).not.toContain('unsafe-inline');
      expect(csp).not.toContain('script-src');
      expect(reply.headers.get('x-content-type-options')).toBe('nosniff');
      expect(reply.text).not.toMatch(/<script/i);
      expect(reply.text).not.toMatch(/\sstyle=/i);
    });
  });

  describe('HTTP behaviour', () => {
    it('answers 304 while the ETag matches, even after a desk edits the live story, and a new ETag after a correction', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ section: 'Bạn đọc' })), ...toPublished(id)]);
      const path = `/ban-doc/cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien-${shortId(id)}.html`;
      const first = await get(path);
      expect(first.status).toBe(200);
      const etag = first.headers.get('etag') ?? '';
      expect(etag).toMatch(/^"[^"]+"$/);
      expect(first.headers.get('cache-control')).toBe('public, max-age=60');
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(again.text).toBe('');
      expect((await get(path, { 'if-none-match': `"khac", ${etag}` })).status).toBe(304);

      // An edit to a published story waits as a pending update: the page does not change.
      const [edit] = (await push(h.url, h.token('editor'), [upsert(id, 1, storyPayload({ section: 'Bạn đọc', sapo: 'Sapo đã đính chính.' }))])).results;
      expect(edit).toMatchObject({ status: 'applied', rev: 2 });
      expect((await get(path, { 'if-none-match': etag })).status).toBe(304);
      expect(texts(parseHtml((await get(path)).text), '.sapo')).not.toEqual(['Sapo đã đính chính.']);
      // "Đính chính" puts it on the page, with its note and time.
      const [correct] = (await push(h.url, h.token('chief'), [transition(id, { action: 'correct', note: 'Sửa lại sapo cho đúng số liệu.' })])).results;
      expect(correct).toMatchObject({ status: 'applied', rev: 2 });
      const corrected = await get(path, { 'if-none-match': etag });
      expect(corrected.status).toBe(200);
      expect(corrected.headers.get('etag')).not.toBe(etag);
      const page = parseHtml(corrected.text);
      expect(texts(page, '.sapo')).toEqual(['Sapo đã đính chính.']);
      expect(texts(page, '.corrections li').join(' ')).toContain('Sửa lại sapo cho đúng số liệu.');
      expect(page.querySelector('time.updated')).not.toBeNull();
    });

    it('answers 410 once a story is unpublished, at every address it had', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ section: 'Bạn đọc', slug: 'ban-cu' })), ...toPublished(id)]);
      await push(h.url, h.token('editor'), [upsert(id, 1, storyPayload({ section: 'Bạn đọc', slug: 'ban-moi' }))]);
      // The new address exists only once "Cập nhật bài" puts the edit on the site.
      expect((await get(`/ban-doc/ban-moi-${shortId(id)}.html`)).status).toBe(404);
      await push(h.url, h.token('editor'), [transition(id, { action: 'update' })]);
      expect((await get(`/ban-doc/ban-moi-${shortId(id)}.html`)).status).toBe(200);
      await push(h.url, h.token('chief'), [unpublish(id, 2)]);
      const gone = await get(`/ban-doc/ban-moi-${shortId(id)}.html`);
      expect(gone.status).toBe(410);
      expect(gone.text).toContain('đã được gỡ');
      expect((await get(`/ban-doc/ban-cu-${shortId(id)}.html`)).status).toBe(410);
    });

    it('redirects 301 from an old slug or section to the current address', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ section: 'Bạn đọc', slug: 'tit-dau-tien' })), ...toPublished(id)]);
      // Each rename reaches the site by "Cập nhật bài"; the addresses it had keep pointing at it.
      await push(h.url, h.token('editor'), [upsert(id, 1, storyPayload({ section: 'Bạn đọc', slug: 'tit-da-sua' })), transition(id, { action: 'update' })]);
      await push(h.url, h.token('editor'), [upsert(id, 2, storyPayload({ section: 'Pháp luật', slug: 'tit-da-sua' })), transition(id, { action: 'update' })]);
      const current = `/phap-luat/tit-da-sua-${shortId(id)}.html`;
      for (const old of [`/ban-doc/tit-dau-tien-${shortId(id)}.html`, `/ban-doc/tit-da-sua-${shortId(id)}.html`]) {
        const reply = await get(old);
        expect(reply.status).toBe(301);
        expect(reply.headers.get('location')).toBe(current);
      }
      expect((await get(current)).status).toBe(200);
      // A slug the story never had is not an address of it.
      expect((await get(`/phap-luat/tit-bia-dat-${shortId(id)}.html`)).status).toBe(404);
    });

    it('answers 404 for a story that was never published', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ slug: 'chua-dang' }))]);
      expect((await get(`/cong-doan/chua-dang-${shortId(id)}.html`)).status).toBe(404);
    });
  });

  describe('lists and feeds', () => {
    it('shows the latest stories by section on the home page', async () => {
      const doc = parseHtml((await get('/')).text);
      const sections = texts(doc, '.section-block h2');
      expect(sections).toEqual(expect.arrayContaining(['Công đoàn', 'Thời sự']));
      const thoiSu = [...doc.querySelectorAll('.section-block')].find((b) => b.querySelector('h2')?.textContent === 'Thời sự');
      expect([...(thoiSu?.querySelectorAll('.teaser-title') ?? [])].map((a) => a.textContent)).toEqual(
        seed.picks.slice(0, 5).map((s) => s.headline),
      );
    });

    it('pages a section 20 stories at a time', async () => {
      const congDoan = [...seed.more, ...seed.related, seed.cum, seed.ldld];
      const first = parseHtml((await get('/cong-doan/')).text);
      expect(texts(first, 'h1')).toEqual(['Công đoàn']);
      expect(texts(first, '.teaser-title')).toEqual(congDoan.slice(0, 20).map((s) => s.headline));
      expect(attrs(first, 'link[rel=next]', 'href')).toEqual(['/cong-doan/?page=2']);
      const second = parseHtml((await get('/cong-doan/?page=2')).text);
      expect(texts(second, '.teaser-title')).toEqual(congDoan.slice(20).map((s) => s.headline));
      expect(attrs(second, 'link[rel=prev]', 'href')).toEqual(['/cong-doan/']);
      expect(attrs(second, 'link[rel=next]', 'href')).toEqual([]);
      expect((await get('/cong-doan/?page=3')).status).toBe(404);
      expect((await get('/khong-co-muc-nay/')).status).toBe(404);
      const bare = await get('/cong-doan');
      expect(bare.status).toBe(301);
      expect(bare.headers.get('location')).toBe('/cong-doan/');
    });

    it('publishes an RSS feed per section, newest first, with absolute links', async () => {
      const reply = await get('/thoi-su/rss.xml');
      expect(reply.status).toBe(200);
      expect(reply.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
      const items = [...reply.text.matchAll(/<item>\s*<title>([^<]*)<\/title>\s*<link>([^<]*)<\/link>[\s\S]*?<pubDate>([^<]*)<\/pubDate>/g)];
      expect(items.map((m) => m[1])).toEqual(seed.picks.map((s) => s.headline));
      expect(items.map((m) => m[2])).toEqual(seed.picks.map((s) => h.url + s.path));
      expect(items[0]?.[3]).toBe('Thu, 25 Dec 2025 10:00:00 GMT');
      expect((await get('/khong-co-muc-nay/rss.xml')).status).toBe(404);
      expect((await get('/rss.xml')).status).toBe(200);
    });

    it('lists every published page in sitemap.xml, and drops unpublished ones', async () => {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ slug: 'se-go' })), ...toPublished(id)]);
      const url = `${h.url}/cong-doan/se-go-${shortId(id)}.html`;
      const before = await get('/sitemap.xml');
      expect(before.headers.get('content-type')).toBe('application/xml; charset=utf-8');
      const locs = [...before.text.matchAll(/<loc>([^<]*)<\/loc>/g)].map((m) => m[1]);
      expect(locs).toEqual(expect.arrayContaining([`${h.url}/`, `${h.url}/cong-doan/`, `${h.url}/thoi-su/`, url, ...seed.all.map((s) => h.url + s.path)]));
      await push(h.url, h.token('chief'), [unpublish(id, 1)]);
      expect((await get('/sitemap.xml')).text).not.toContain(url);
    });
  });

  it('shows another instance\'s unpublish within its refresh window (stateless instances)', async () => {
    const second = await startServer({ DATABASE_URL: h.db.url, SITE_REFRESH_MS: '0' });
    try {
      const id = newId();
      await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ slug: 'hai-may' })), ...toPublished(id)]);
      const path = `/cong-doan/hai-may-${shortId(id)}.html`;
      expect((await call(second.url, 'GET', path)).status).toBe(200);
      await push(h.url, h.token('chief'), [unpublish(id, 1)]);
      expect((await call(second.url, 'GET', path)).status).toBe(410);
    } finally {
      await second.stop();
    }
  });
}, { env: ARCHIVE_CHECKLIST_ENV });
