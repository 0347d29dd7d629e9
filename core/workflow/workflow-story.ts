// The workflow's part of a story, and the live copy that the public site shows.
//
// A published story has two texts. `live` is the snapshot that the site renders;
// the story's own content fields are the working copy that desks edit. Edits to a
// published story change only the working copy: they are a pending update until
// "Cập nhật bài" or "Đính chính" copies the working copy to `live`. So a half
// typed sentence never reaches the page, and the site reads `live`, never the
// working copy (see siteContentOf).
import { z } from 'zod';
import { sameJson, storyContent, type Story, type StoryContent } from '../story';
import { correctionEntry, type CorrectionEntry } from './records';
import { workflowState, stateOf } from './states';

const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });
const person = z.string().min(1);

export const workflowFields = z.strictObject({
  status: workflowState,
  /** The reporter the story is assigned to; they may write it as if it were their own. */
  assignee: person.nullable(),
  /** When the assignee owes the story (see isOverdue). */
  deadline: isoTime.nullable(),
  /** The editor who took the story; set while it is being edited. */
  holder: person.nullable(),
  heldSince: isoTime.nullable(),
  /** When a scheduled story goes live. */
  publishAt: isoTime.nullable(),
  /** First publication; corrections and updates do not move it. */
  publishedAt: isoTime.nullable(),
  /** The state a spiked story was in, so that unspiking knows where it goes. */
  spikedFrom: workflowState.nullable(),
  corrections: z.array(correctionEntry).max(500),
  /** What the site shows; null unless published. */
  live: storyContent.nullable(),
});
export type WorkflowFields = z.infer<typeof workflowFields>;

/** A story as the state machine sees it: its text, its author and its workflow fields. */
export type WorkflowStory = StoryContent & { id: string; author: string } & WorkflowFields;

/** The workflow fields of a story that has just been created. */
export function initialWorkflow(): WorkflowFields {
  return {
    status: 'draft',
    assignee: null,
    deadline: null,
    holder: null,
    heldSince: null,
    publishAt: null,
    publishedAt: null,
    spikedFrom: null,
    corrections: [],
    live: null,
  };
}

export function contentOf(story: StoryContent): StoryContent {
  return {
    headline: story.headline,
    sapo: story.sapo,
    byline: story.byline,
    section: story.section,
    tags: story.tags,
    slug: story.slug,
    related: story.related,
    body: story.body,
  };
}

/**
 * A stored story read into the state machine. Fields that older rows lack take
 * their defaults; a story published before `live` existed shows its current text,
 * because that is what the site showed.
 */
export function toWorkflowStory(story: Story, stored: Partial<Omit<WorkflowFields, 'status'>> = {}): WorkflowStory {
  const status = stateOf(story.status);
  return {
    ...contentOf(story),
    id: story.id,
    author: story.author,
    status,
    assignee: stored.assignee !== undefined ? stored.assignee : story.assignee,
    deadline: stored.deadline ?? null,
    holder: stored.holder ?? null,
    heldSince: stored.heldSince ?? null,
    publishAt: stored.publishAt !== undefined ? stored.publishAt : story.publishAt,
    publishedAt: stored.publishedAt !== undefined ? stored.publishedAt : story.publishedAt,
    spikedFrom: stored.spikedFrom ?? null,
    corrections: stored.corrections ?? [],
    live: stored.live !== undefined ? stored.live : status === 'published' ? contentOf(story) : null,
  };
}

/** Same text, as a reader sees it: block ids (a block's NodeState "$", which only a merge reads) do not count. */
export function sameContent(a: StoryContent, b: StoryContent): boolean {
  return sameJson(contentOf(a), contentOf(b), '$');
}

/** True when a published story's working copy differs from what the site shows. */
export function hasPendingUpdate(story: WorkflowStory): boolean {
  return story.status === 'published' && story.live !== null && !sameContent(story.live, story);
}

/** What the public site may show of this story: its live copy while published, otherwise nothing. */
export function siteContentOf(story: WorkflowStory): StoryContent | null {
  return story.status === 'published' ? story.live : null;
}

/** Corrections the page shows, oldest first; silent updates are not shown. */
export function visibleCorrections(story: Pick<WorkflowFields, 'corrections'>): CorrectionEntry[] {
  return story.corrections.filter((entry) => entry.kind === 'correction');
}

/** The update time the page shows: that of the newest correction, or null when there is none. */
export function siteUpdatedAt(story: Pick<WorkflowFields, 'corrections'>): string | null {
  return visibleCorrections(story).at(-1)?.at ?? null;
}

/** An assigned story whose deadline has passed while it is still the assignee's to deliver. */
export function isOverdue(story: Pick<WorkflowFields, 'status' | 'deadline' | 'assignee'>, now: string): boolean {
  if (story.assignee === null || story.deadline === null) return false;
  if (story.status !== 'draft' && story.status !== 'returned') return false;
  return Date.parse(story.deadline) < Date.parse(now);
}
