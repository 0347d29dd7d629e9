import { z } from 'zod';
import { STORY_FIELD_LABELS, STORY_LIMITS, tooLongMessage, tooManyMessage } from '../limits';
import { toStoredText } from '../text';
import { storyBody } from './body';

export const STORY_STATUSES = [
  'draft',
  'submitted',
  'editing',
  'returned',
  'approved',
  'scheduled',
  'published',
  'corrected',
  'unpublished',
  'spiked',
] as const;
export const storyStatus = z.enum(STORY_STATUSES);
export type StoryStatus = z.infer<typeof storyStatus>;

export const REVISION_REASONS = [
  'autosave',
  'save',
  'import',
  'submit',
  'approve',
  'publish',
  'correct',
  'restore',
  'merge',
] as const;
export const revisionReason = z.enum(REVISION_REASONS);
export type RevisionReason = z.infer<typeof revisionReason>;

const uuid = z.uuid({ message: 'Mã bài viết không hợp lệ' });
const isoTime = z.iso.datetime({ offset: true, message: 'Thời gian phải theo ISO 8601' });

/** A text field within its limit (core/limits), with any lone surrogate repaired to U+FFFD. */
function textField(label: string, maxChars: number) {
  return z.string().max(maxChars, tooLongMessage(label, maxChars)).overwrite(toStoredText);
}

/** What a writer edits, apart from the body. */
export const storyMeta = z.strictObject({
  headline: textField(STORY_FIELD_LABELS.headline, STORY_LIMITS.headlineChars),
  sapo: textField(STORY_FIELD_LABELS.sapo, STORY_LIMITS.sapoChars),
  byline: textField(STORY_FIELD_LABELS.byline, STORY_LIMITS.bylineChars),
  section: textField(STORY_FIELD_LABELS.section, STORY_LIMITS.sectionChars),
  tags: z
    .array(textField(STORY_FIELD_LABELS.tag, STORY_LIMITS.tagChars).min(1))
    .max(STORY_LIMITS.tags, tooManyMessage(STORY_FIELD_LABELS.tag, STORY_LIMITS.tags)),
  slug: z
    .string()
    .max(STORY_LIMITS.slugChars, tooLongMessage(STORY_FIELD_LABELS.slug, STORY_LIMITS.slugChars))
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$|^$/, 'Slug chỉ gồm chữ thường không dấu, số và dấu gạch ngang'),
  /** Related-story line as imported, kept raw; the body's related-stories block holds the links. */
  related: z
    .array(textField(STORY_FIELD_LABELS.related, STORY_LIMITS.relatedChars))
    .max(STORY_LIMITS.related, tooManyMessage(STORY_FIELD_LABELS.related, STORY_LIMITS.related)),
});
export type StoryMeta = z.infer<typeof storyMeta>;

/** The text of a story at one moment: what a revision snapshots. */
export const storyContent = storyMeta.extend({ body: storyBody });
export type StoryContent = z.infer<typeof storyContent>;

export const story = storyContent.extend({
  id: uuid,
  status: storyStatus,
  author: z.string().min(1),
  assignee: z.string().nullable(),
  publishAt: isoTime.nullable(),
  publishedAt: isoTime.nullable(),
  createdAt: isoTime,
  updatedAt: isoTime,
  /** The server's revision counter; 0 until the server has seen the story. */
  rev: z.number().int().min(0),
  /** The last server revision this copy was based on. */
  baseRev: z.number().int().min(0),
});
export type Story = z.infer<typeof story>;

/** The two texts a 'merge' revision merged: this desk's revision (null when it had none) and the server's revision. */
export const mergeParents = z.strictObject({
  revisionId: uuid.nullable(),
  serverRev: z.number().int().min(0),
});
export type MergeParents = z.infer<typeof mergeParents>;

export const revision = z.strictObject({
  id: uuid,
  storyId: uuid,
  author: z.string().min(1),
  createdAt: isoTime,
  reason: revisionReason,
  content: storyContent,
  /** Set on a merge the desk made by itself. */
  mergedFrom: mergeParents.optional(),
});
export type Revision = z.infer<typeof revision>;
