// RSS 2.0 per section and a sitemap. Each element is one of two kinds:
// - text (titles, links, guids, dates, sitemap addresses): escaped once, as XML
//   text, so that a parser hands back exactly the string we hold;
// - HTML (every <description>, the channel's and the items'): readers decode it
//   and render it as HTML, so our plain text is escaped as HTML first and the
//   result escaped as XML. A "<script>" in a sapo or a section name reaches the
//   reader as the text "<script>", never as a tag.
// Titles are text by the RSS Advisory Board's profile; a reader that renders
// them as HTML is outside it. Every string is made well-formed Unicode first:
// half an emoji cannot be written in UTF-8.
import { formatPublishedTime } from './time';
import { escapeAttribute } from '../../core/render';
import { toWellFormed } from '../../core/text';
import type { Teaser } from '../storage/types';
import { escapeXml } from './html';
import { teaserPath } from './teasers';
import { rssDate } from './time';

export type FeedInfo = { title: string; link: string; description: string; baseUrl: string };

// Line ends a parser would rewrite: CR always, and NEL, LS and PS in XML 1.1
// parsers (xmldom among them). Written as references, they come back as they were.
const LINE_ENDS = /[\r\u0085\u2028\u2029]/g;

function withLineEndReferences(xml: string): string {
  return xml.replace(LINE_ENDS, (char) => `&#x${char.charCodeAt(0).toString(16).toUpperCase()};`);
}

/** An element whose content is text. */
function xmlText(text: string): string {
  return withLineEndReferences(escapeXml(toWellFormed(text)));
}

/** An element whose content readers take as HTML: plain text, escaped as HTML, then as XML. */
function htmlInXml(text: string): string {
  return withLineEndReferences(escapeXml(escapeAttribute(toWellFormed(text))));
}

export function rssFeed(feed: FeedInfo, items: readonly Teaser[]): string {
  const entries = items.map((t) => {
    const url = feed.baseUrl + teaserPath(t);
    return `<item>
<title>${xmlText(t.headline)}</title>
<link>${xmlText(url)}</link>
<guid isPermaLink="false">${xmlText(t.id)}</guid>
<pubDate>${rssDate(t.publishedAt)}</pubDate>
<description>${htmlInXml(t.correction ? `${t.sapo} — Đính chính (${formatPublishedTime(t.updatedAt)}): ${t.correction}` : t.sapo)}</description>
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0">
<channel>
<title>${xmlText(feed.title)}</title>
<link>${xmlText(feed.link)}</link>
<description>${htmlInXml(feed.description)}</description>
<language>vi</language>
${items[0] ? `<lastBuildDate>${rssDate(items[0].publishedAt)}</lastBuildDate>\n` : ''}${entries.join('\n')}
</channel>
</rss>
`;
}

export const SITEMAP_LIMIT = 50_000;

export function sitemap(baseUrl: string, sectionSlugs: readonly string[], stories: readonly Teaser[]): string {
  const urls = [
    `<url><loc>${xmlText(baseUrl + '/')}</loc></url>`,
    ...sectionSlugs.map((slug) => `<url><loc>${xmlText(`${baseUrl}/${slug}/`)}</loc></url>`),
    ...stories.map((t) => `<url><loc>${xmlText(baseUrl + teaserPath(t))}</loc><lastmod>${xmlText(t.updatedAt)}</lastmod></url>`),
  ];
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${urls.join('\n')}
</urlset>
`;
}
