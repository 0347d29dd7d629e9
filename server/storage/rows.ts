// Shared by both storage implementations: the columns a story is indexed by, and
// the checks applied to what comes back out of the database.
import { z } from 'zod';
import { revisionReason, story as storySchema, type Story } from '../../core/story';
import { serverRevision, type ServerRevision } from '../../core/sync';
import { sectionSlugOf, shortIdOf } from '../../core/site/address';
import { isPick } from '../../core/site/picks';
import { role } from '../../core/newsroom/roles';
import { siteUpdatedAt, toWorkflowStory, visibleCorrections, workflowFields, type WorkflowFields } from '../../core/workflow';
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
  /** The newest correction shown on the page, for feeds. */
  correction: string | null;
};

/**
 * The columns lists, boxes and feeds read. While a story is published they
 * describe its live copy, never the working copy that desks are editing.
 */
export function storyColumns(story: Story, workflow: WorkflowFields): StoryColumns {
  const site = workflow.live ?? story;
  return {
    id: story.id,
    shortId: shortIdOf(story.id),
    author: story.author,
    assignee: workflow.assignee,
    status: workflow.status,
    section: site.section,
    sectionSlug: sectionSlugOf(site.section),
    slug: site.slug,
    headline: site.headline,
    sapo: site.sapo,
    isPick: isPick(site.tags),
    publishedAt: workflow.publishedAt === null ? null : toIso(workflow.publishedAt),
    // On the site, a story changes when it is corrected, not when a desk edits its working copy.
    updatedAt: toIso(workflow.live ? (siteUpdatedAt(workflow) ?? workflow.publishedAt ?? story.updatedAt) : story.updatedAt),
    rev: story.rev,
    correction: workflow.live ? (visibleCorrections(workflow).at(-1)?.text ?? null) : null,
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
  display_name: z.string().nullable(),
  password_hash: z.string(),
  created_at: z.union([z.string(), z.date()]),
});

export function parseUser(row: unknown): UserRecord {
  const r = userRow.parse(row);
  return {
    id: r.id,
    username: r.username,
    role: r.role,
    displayName: r.display_name,
    passwordHash: r.password_hash,
    createdAt: toIso(r.created_at),
  };
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
  correction: z.string().nullable(),
});

export const TEASER_COLUMNS = 'id, short_id, section, section_slug, slug, headline, sapo, published_at, updated_at, correction';

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
    correction: r.correction,
  };
}

const revisionRow = z.object({
  rev: z.coerce.number().int(),
  author: z.string(),
  reason: z.string(),
  created_at: z.union([z.string(), z.date()]),
  content: z.unknown(),
});

/** A story_revisions row as core/sync's serverRevision; checked on the way out like every story. */
export function parseRevision(row: unknown): ServerRevision {
  const r = revisionRow.parse(row);
  const reason = revisionReason.safeParse(r.reason);
  return serverRevision.parse({
    rev: r.rev,
    author: r.author,
    createdAt: toIso(r.created_at),
    reason: reason.success ? reason.data : null,
    content: typeof r.content === 'string' ? JSON.parse(r.content) : r.content,
  });
}

/** Statuses under which a story is on the public site ('corrected' only in rows older than migration 7). */
export const LIVE_STATUSES = ['published', 'corrected'] as const;

/** SQL condition for "readers can see it now"; `alias` is a table alias or ''. */
export function liveCondition(alias = ''): string {
  const p = alias ? `${alias}.` : '';
  return `${p}status IN (${LIVE_STATUSES.map((s) => `'${s}'`).join(', ')}) AND ${p}trashed_at IS NULL`;
}

/** The columns every read of a whole story selects. */
export const STORED_COLUMNS = 'data, seq, trashed_at, workflow';

/** A row's workflow fields; a row older than the workflow has them from its story. */
export function workflowOf(story: Story, data: unknown): WorkflowFields {
  if (data === null || data === undefined) {
    const { id: _id, author: _author, ...fields } = toWorkflowStory(story);
    return workflowFields.parse(pickWorkflow(fields));
  }
  return workflowFields.parse(typeof data === 'string' ? JSON.parse(data) : data);
}

function pickWorkflow(w: WorkflowFields & Record<string, unknown>): WorkflowFields {
  const { status, assignee, deadline, holder, heldSince, publishAt, publishedAt, spikedFrom, corrections, live } = w;
  return { status, assignee, deadline, holder, heldSince, publishAt, publishedAt, spikedFrom, corrections, live };
}

/** A stories row (STORED_COLUMNS) as the story, its workflow and its place in the change stream. */
export function storedFromRow(row: Record<string, unknown>): StoredStory {
  const story = parseStory(row.data);
  return {
    story,
    workflow: workflowOf(story, row.workflow),
    seq: Number(row.seq),
    trashedAt: toIsoOrNull(row.trashed_at as Date | string | null),
  };
}

/**
 * A row for pull. A row this server cannot read as a story (stored by an older
 * version with other rules) is still sent as stored: every desk checks each
 * change it pulls and sets such a one aside with its reason, and the cursor
 * moves on, whereas failing here would stop every desk that can see it.
 */
export function pulledFromRow(row: Record<string, unknown>): StoredStory {
  try {
    return storedFromRow(row);
  } catch {
    const data: unknown = typeof row.data === 'string' ? JSON.parse(row.data) : row.data;
    const workflow: unknown = typeof row.workflow === 'string' ? JSON.parse(row.workflow) : row.workflow;
    return {
      story: data as Story,
      workflow: workflow as WorkflowFields,
      seq: Number(row.seq),
      trashedAt: toIsoOrNull(row.trashed_at as Date | string | null),
    };
  }
}
