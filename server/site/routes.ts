// The public site. Every page goes through the page cache (see ./pageCache):
// a request for an unchanged page costs one map lookup, no database and no render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { StoryBody } from '../../core/story';
import { ApiError, notFound } from '../http/errors';
import type { Storage, Teaser } from '../storage/types';
import { siteContentOf, visibleCorrections } from '../../core/workflow';
import { workflowStoryOf } from '../sync/policy';
import { RESERVED_SECTION_SLUGS, articlePath, parseArticleFile } from '../../core/site/address';
import { linkRelatedTitles, unlinkedRelatedTitles } from '../../core/site/related-line';
import { articlePage } from './article-page';
import { renderArticleBody } from './body';
import { SITEMAP_LIMIT, rssFeed, sitemap } from './feeds';
import { noticePage, type SiteContext } from './layout';
import { SECTION_PAGE_SIZE, homePage, sectionPage } from './list-pages';
import { LruMap, PageCache, SiteClock, etagMatches, etagOf, type Page } from './page-cache';
import { SITE_CSS, SITE_CSS_PATH } from './style';
import { articleBoxes, MORE_TO_FETCH, PICKS_IN_BOX } from './boxes';
import { FAVICON_ICO_PATH, FAVICON_PATH, FAVICON_SVG } from './favicon';
import { teaserPath } from './teasers';

export const PAGE_CACHE_CONTROL = 'public, max-age=60';
const FEED_SIZE = 20;
/** At most this many published stories are matched against a related line's unlinked titles. */
const RELATED_LOOKUP = 20;

export type SiteDeps = {
  storage: Storage;
  clock: SiteClock;
  siteName: string;
  /** Absolute origin, known only once the server listens when PORT=0. */
  baseUrl: () => string;
};

const HTML = 'text/html; charset=utf-8';
const sectionParam = z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
const pageQuery = z.object({
  page: z.coerce.number({ message: 'Số trang phải là số' }).int('Số trang phải là số nguyên').min(1, 'Số trang bắt đầu từ 1').max(100_000).default(1),
});

function page(status: number, body: string, contentType = HTML, extra: Partial<Page> = {}): Page {
  return { status, contentType, body, etag: etagOf(body), cacheControl: PAGE_CACHE_CONTROL, ...extra };
}

function relatedIds(body: StoryBody): string[] {
  return body.root.children.flatMap((b) =>
    b.type === 'related-stories' ? b.stories.flatMap((s) => (s.id === null ? [] : [s.id])) : [],
  );
}

function validSection(slug: string): boolean {
  return sectionParam.safeParse(slug).success && !RESERVED_SECTION_SLUGS.has(slug);
}

export function registerSiteRoutes(app: FastifyInstance, deps: SiteDeps): { errorPage: (status: number, message: string) => string } {
  const { storage, clock } = deps;
  const cache = new PageCache();
  const bodies = new LruMap<string>(2_000);
  let context: { version: number; value: Promise<SiteContext> } | null = null;

  function siteContext(version: number): Promise<SiteContext> {
    if (context?.version !== version) {
      const value = storage.site.latestPublished({ limit: 500 }).then((latest) => {
        const sections = new Map<string, string>();
        for (const t of latest) if (!sections.has(t.sectionSlug)) sections.set(t.sectionSlug, t.section);
        return {
          siteName: deps.siteName,
          baseUrl: deps.baseUrl(),
          sections: [...sections].slice(0, 12).map(([slug, name]) => ({ slug, name })),
        };
      });
      context = { version, value };
    }
    return context.value;
  }

  function send(request: FastifyRequest, reply: FastifyReply, p: Page): FastifyReply {
    void reply.code(p.status).header('content-type', p.contentType).header('etag', p.etag).header('cache-control', p.cacheControl);
    if (p.location) void reply.header('location', p.location);
    if (p.status === 200 && etagMatches(request.headers['if-none-match'], p.etag)) return reply.code(304).send();
    return reply.send(p.body);
  }

  async function cached(request: FastifyRequest, reply: FastifyReply, key: string, render: (ctx: SiteContext) => Promise<Page>) {
    const version = await clock.current();
    const p = await cache.get(key, version, async () => render(await siteContext(version)));
    if (p.status === 404) throw notFound();
    return send(request, reply, p);
  }

  const cssPage = page(200, SITE_CSS, 'text/css; charset=utf-8', { cacheControl: 'public, max-age=86400' });
  app.get(SITE_CSS_PATH, (request, reply) => send(request, reply, cssPage));
  const iconPage = page(200, FAVICON_SVG, 'image/svg+xml', { cacheControl: 'public, max-age=86400' });
  app.get(FAVICON_PATH, (request, reply) => send(request, reply, iconPage));
  app.get(FAVICON_ICO_PATH, (_request, reply) => reply.redirect(FAVICON_PATH, 301));

  app.get('/', (request, reply) =>
    cached(request, reply, 'home', async (ctx) => page(200, homePage(ctx, await storage.site.latestPublished({ limit: 200 })))),
  );

  app.get('/rss.xml', (request, reply) =>
    cached(request, reply, 'rss', async (ctx) => {
      const items = await storage.site.latestPublished({ limit: FEED_SIZE });
      const feed = { title: ctx.siteName, link: `${ctx.baseUrl}/`, description: `Tin mới nhất từ ${ctx.siteName}`, baseUrl: ctx.baseUrl };
      return page(200, rssFeed(feed, items), 'application/rss+xml; charset=utf-8');
    }),
  );

  app.get('/sitemap.xml', (request, reply) =>
    cached(request, reply, 'sitemap', async (ctx) => {
      const stories = await storage.site.latestPublished({ limit: SITEMAP_LIMIT });
      const sections = [...new Set(stories.map((t) => t.sectionSlug))];
      return page(200, sitemap(ctx.baseUrl, sections, stories), 'application/xml; charset=utf-8');
    }),
  );

  app.get<{ Params: { section: string } }>('/:section', async (request, reply) => {
    if (!validSection(request.params.section)) throw notFound();
    return reply.redirect(`/${request.params.section}/`, 301);
  });

  app.get<{ Params: { section: string } }>('/:section/', async (request, reply) => {
    const slug = request.params.section;
    if (!validSection(slug)) throw notFound();
    const parsed = pageQuery.safeParse(request.query);
    if (!parsed.success) throw new ApiError(400, 'BAD_PAGE', parsed.error.issues[0]?.message ?? 'Số trang không hợp lệ');
    const n = parsed.data.page;
    return cached(request, reply, `section:${slug}:${n}`, async (ctx) => {
      const total = await storage.site.countPublished(slug);
      const pageCount = Math.max(1, Math.ceil(total / SECTION_PAGE_SIZE));
      if (total === 0 || n > pageCount) return page(404, '');
      const teasers = await storage.site.latestPublished({ sectionSlug: slug, limit: SECTION_PAGE_SIZE, offset: (n - 1) * SECTION_PAGE_SIZE });
      const name = teasers[0]?.section ?? slug;
      return page(200, sectionPage(ctx, { name, slug, page: n, pageCount, teasers }));
    });
  });

  app.get<{ Params: { section: string } }>('/:section/rss.xml', async (request, reply) => {
    const slug = request.params.section;
    if (!validSection(slug)) throw notFound();
    return cached(request, reply, `rss:${slug}`, async (ctx) => {
      const items = await storage.site.latestPublished({ sectionSlug: slug, limit: FEED_SIZE });
      if (items.length === 0) return page(404, '');
      const name = (items[0] as Teaser).section;
      const feed = {
        title: `${name} | ${ctx.siteName}`,
        link: `${ctx.baseUrl}/${slug}/`,
        description: `Tin ${name} từ ${ctx.siteName}`,
        baseUrl: ctx.baseUrl,
      };
      return page(200, rssFeed(feed, items), 'application/rss+xml; charset=utf-8');
    });
  });

  app.get<{ Params: { section: string; file: string } }>('/:section/:file', async (request, reply) => {
    const { section, file } = request.params;
    const name = parseArticleFile(file);
    if (!validSection(section) || !name) throw notFound();
    return cached(request, reply, `article:${section}/${file}`, async (ctx) => {
      const lookup = await storage.site.findByAddress(name.shortId, { sectionSlug: section, slug: name.slug });
      if (!lookup) return page(404, '');
      const { stored, address } = lookup;
      // The site shows the live copy, never the working copy that desks are editing.
      const live = stored.trashedAt === null ? siteContentOf(workflowStoryOf(stored)) : null;
      if (live === null) return page(410, noticePage(ctx, 'Bài viết không còn', 'Bài viết này đã được gỡ khỏi trang.'));
      const story = { ...stored.story, ...live };
      const corrections = visibleCorrections(stored.workflow);
      const canonical = articlePath(address, story.id);
      if (address.sectionSlug !== section || address.slug !== name.slug) {
        return page(301, '', HTML, { location: canonical, cacheControl: 'public, max-age=300' });
      }
      // Related titles the desk could not link are linked here to published stories of the same headline.
      const unlinked = unlinkedRelatedTitles(story.body);
      const titled = unlinked.length > 0 ? await storage.site.publishedTitledIn(unlinked.join('\n'), story.id, RELATED_LOOKUP) : [];
      const body = linkRelatedTitles(story.body, titled);
      const [latestPicks, sectionLatest, related] = await Promise.all([
        storage.site.latestPublished({ picksOnly: true, excludeId: story.id, limit: PICKS_IN_BOX }),
        storage.site.latestPublished({ sectionSlug: address.sectionSlug, excludeId: story.id, limit: MORE_TO_FETCH }),
        storage.site.publishedByIds(relatedIds(body)),
      ]);
      const { picks, more } = articleBoxes(story.id, latestPicks, sectionLatest);
      const relatedUrls = new Map(related.map((t) => [t.id, teaserPath(t)]));
      // The live copy changes only by publishing, updating or correcting, each of which adds an entry.
      const bodyKey = `${story.id}:${stored.workflow.corrections.length}:${[...relatedUrls.values()].join(' ')}`;
      let bodyHtml = bodies.get(bodyKey);
      if (bodyHtml === undefined) {
        bodyHtml = renderArticleBody(body, {
          storyUrl: (id) => relatedUrls.get(id) ?? null,
          siteOrigin: new URL(ctx.baseUrl).origin,
        });
        bodies.set(bodyKey, bodyHtml);
      }
      return page(200, articlePage(ctx, { story, address, bodyHtml, picks, more, corrections }));
    });
  });

  const bareContext: SiteContext = { siteName: deps.siteName, baseUrl: '', sections: [] };
  return {
    errorPage: (status, message) =>
      noticePage({ ...bareContext, baseUrl: deps.baseUrl() }, status === 404 ? 'Không tìm thấy trang' : `Lỗi ${status}`, message),
  };
}
