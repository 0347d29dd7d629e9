// Public addresses: /{sectionSlug}/{slug}-{shortId}.html
//
// shortId is the last 8 hex digits of the story's UUID. In a UUIDv7 those are
// random bits (rand_b), so they are stable for the story's life and spread evenly;
// 8 digits keep URLs short. They are not unique on their own (32 bits collide
// somewhere around tens of thousands of stories), so a lookup always matches the
// shortId together with the section and slug it was published under.
import { slugify } from '../text';

/** The public address of a story: /{sectionSlug}/{slug}-{shortId}.html */
export type PublicAddress = { sectionSlug: string; slug: string };

export const SHORT_ID_LENGTH = 8;

export function shortIdOf(storyId: string): string {
  return storyId.replace(/-/g, '').slice(-SHORT_ID_LENGTH).toLowerCase();
}

export function sectionSlugOf(section: string): string {
  return slugify(section, 60);
}

/** First path segments the server itself uses; a section may not shadow them. */
export const RESERVED_SECTION_SLUGS = new Set(['api', 'media', 'static', 'healthz', 'sitemap-xml', 'rss-xml']);

export function articlePath(address: PublicAddress, storyId: string): string {
  return `/${address.sectionSlug}/${address.slug}-${shortIdOf(storyId)}.html`;
}

export function sectionPath(sectionSlug: string, page = 1): string {
  return page > 1 ? `/${sectionSlug}/?page=${page}` : `/${sectionSlug}/`;
}

const ARTICLE_FILE = /^([a-z0-9]+(?:-[a-z0-9]+)*)-([0-9a-f]{8})\.html$/;

/** Splits "slug-1a2b3c4d.html"; null when the name cannot be an article. */
export function parseArticleFile(file: string): { slug: string; shortId: string } | null {
  const match = ARTICLE_FILE.exec(file);
  if (!match?.[1] || !match[2]) return null;
  return { slug: match[1], shortId: match[2] };
}
