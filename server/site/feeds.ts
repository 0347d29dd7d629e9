// RSS 2.0 per section and a sitemap. RSS <description> is HTML by convention,
// and readers decode it once before rendering: so the sapo (plain text) is first
// escaped as HTML and then as XML. A "<script>" in a sapo reaches the reader as
// the text "<script>", never as a tag.
import { escapeAttribute } from '../../core/render';
import type { Teaser } from '../storage/types';
import { escapeXml } from './html';
import { teaserPath } from './teasers';
import { rssDate } from './time';

export type FeedInfo = { title: string; link: string; description: string; baseUrl: string };

export function rssFeed(feed: FeedInfo, items: readonly Teaser[]): string {
  const entries = items.map((t) => {
    const url = feed.baseUrl + teaserPath(t);
    return `<item>
<title>${escapeXml(t.headline)}</title>
<link>${escapeXml(url)}</link>
<guid isPermaLink="false">${escapeXml(t.id)}</guid>
<pubDate>${rssDate(t.publishedAt)}</pubDate>
<description>${escapeXml(escapeAttribute(t.sapo))}</description>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${escapeXml(feed.title)}</title>
<link>${escapeXml(feed.link)}</link>
<description>${escapeXml(feed.description)}</description>
<language>vi</language>
${items[0] ? `<lastBuildDate>${rssDate(items[0].publishedAt)}</lastBuildDate>\n` : ''}${entries.join('\n')}
</channel>
</rss>
`;
}

export const SITEMAP_LIMIT = 50_000;

export function sitemap(baseUrl: string, sectionSlugs: readonly string[], stories: readonly Teaser[]): string {
  const urls = [
    `<url><loc>${escapeXml(baseUrl + '/')}</loc></url>`,
    ...sectionSlugs.map((slug) => `<url><loc>${escapeXml(`${baseUrl}/${slug}/`)}</loc></url>`),
    ...stories.map(
      (t) => `<url><loc>${escapeXml(baseUrl + teaserPath(t))}</loc><lastmod>${escapeXml(t.updatedAt)}</lastmod></url>`,
    ),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
