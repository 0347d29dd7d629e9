// Shared by both storage implementations: the columns a story is indexed by, and
// the checks applied to what comes back out of the database.
import { z } from 'zod';
import { story as storySchema, type Story } from '../../core/story';
import { sectionSlugOf, shortIdOf } from '../../core/site/address';
import { isPick } from '../../core/site/picks';
import { role } from '../../core/newsroom/roles';
import type { StoredStory, Teaser, UserRecord } from './types';

export type StoryColumns = {
  id: string;
  shortId: string;
  author: string;
  assignee: string | null;
  status: string;
  section: string;
  sectionSlug: string;
  slug: string;
  headline: string;
  sapo: string;
  isPick: boolean;
  publishedAt: string | null;
  updatedAt: string;
  rev: number;
};

export function storyColumns(story: Story): StoryColumns {
  return {
    id: story.id,
    shortId: shortIdOf(story.id),
    author: story.author,
    assignee: story.assignee,
    status: story.status,
    section: story.section,
    sectionSlug: sectionSlugOf(story.section),
    slug: story.slug,
    headline: story.headline,
    sapo: story.sapo,
    isPick: isPick(story.tags),
    publishedAt: story.publishedAt === null ? null : toIso(story.publishedAt),
    updatedAt: toIso(story.updatedAt),
    rev: story.rev,
  };
}

/** Database time (Date from pg, text from SQLite) as ISO-8601 UTC. */
export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toIsoOrNull(value: Date | string | null): string | null {
  return value === null ? null : toIso(value);
}

/** Stored JSON is checked on the way out too: a bad row fails loudly, not in a template. */
export function parseStory(data: unknown): Story {
  return storySchema.parse(typeof data === 'string' ? JSON.parse(data) : data);
}

const userRow = z.object({
  id: z.string(),
  username: z.string(),
  role,
  password_hash: z.string(),
  created_at: z.union([z.string(), z.date()]),
});

export function parseUser(row: unknown): UserRecord {
  const r = userRow.parse(row);
  return { id: r.id, username: r.username, role: r.role, passwordHash: r.password_hash, createdAt: toIso(r.created_at) };
}

const teaserRow = z.object({
  id: z.string(),
  short_id: z.string(),
  section: z.string(),
  section_slug: z.string(),
  slug: z.string(),
  headline: z.string(),
  sapo: z.string(),
  published_at: z.union([z.string(), z.date()]),
  updated_at: z.union([z.string(), z.date()]),
});

export const TEASER_COLUMNS = 'id, short_id, section, section_slug, slug, headline, sapo, published_at, updated_at';

export function parseTeaser(row: unknown): Teaser {
  const r = teaserRow.parse(row);
  return {
    id: r.id,
    shortId: r.short_id,
    section: r.section,
    sectionSlug: r.section_slug,
    slug: r.slug,
    headline: r.headline,
    sapo: r.sapo,
    publishedAt: toIso(r.published_at),
    updatedAt: toIso(r.updated_at),
  };
}

/** Statuses under which a story is on the public site. */
export const LIVE_STATUSES = ['published', 'corrected'] as const;

/** SQL condition for "readers can see it now"; `alias` is a table alias or ''. */
export function liveCondition(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}status IN (${LIVE_STATUSES.map((s) => `'${s}'`).join(', ')}) AND ${p}trashed_at IS NULL`;
}

/** A stories row (data, seq, trashed_at) as the story and its place in the change stream. */
export function storedFromRow(row: Record<string, unknown>): StoredStory {
  return { story: parseStory(row.data), seq: Number(row.seq), trashedAt: toIsoOrNull(row.trashed_at as Date | string | null) };
}
