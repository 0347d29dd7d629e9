// checkStoryLimits: every limit of STORY_LIMITS over a whole story (its fields
// and its body), as a list of Vietnamese reasons. The story schema applies the
// same limits with the same words (core/story); this is for a caller that wants
// all the reasons at once, before or without parsing, e.g. an importer or a
// desk deciding whether the server would take a story.
import { checkBodyLimits } from './body-limits';
import { STORY_LIMITS } from './limits';
import { formatCount, tooLongMessage } from './messages';

/** What people call each field of a story, in the limits' messages. */
export const STORY_FIELD_LABELS = {
  headline: 'Tít',
  sapo: 'Sapo',
  byline: 'Tên tác giả',
  section: 'Chuyên mục',
  slug: 'Slug',
  tag: 'Thẻ',
  related: 'Tin liên quan',
} as const;

const TEXT_FIELDS = [
  ['headline', STORY_LIMITS.headlineChars],
  ['sapo', STORY_LIMITS.sapoChars],
  ['byline', STORY_LIMITS.bylineChars],
  ['section', STORY_LIMITS.sectionChars],
  ['slug', STORY_LIMITS.slugChars],
] as const;

const LIST_FIELDS = [
  ['tags', STORY_FIELD_LABELS.tag, STORY_LIMITS.tags, STORY_LIMITS.tagChars],
  ['related', STORY_FIELD_LABELS.related, STORY_LIMITS.related, STORY_LIMITS.relatedChars],
] as const;

export function tooManyMessage(label: string, max: number): string {
  return `Quá nhiều mục ${label.toLowerCase()} (tối đa ${formatCount(max)})`;
}

/**
 * The reasons a story (or its content) breaks STORY_LIMITS; empty when it keeps
 * them. Fields of the wrong type are left to the schema, which names them.
 */
export function checkStoryLimits(story: unknown): string[] {
  if (story === null || typeof story !== 'object') return [];
  const fields = story as Record<string, unknown>;
  const reasons: string[] = [];
  for (const [key, max] of TEXT_FIELDS) {
    const value = fields[key];
    if (typeof value === 'string' && value.length > max) reasons.push(tooLongMessage(STORY_FIELD_LABELS[key], max));
  }
  for (const [key, label, maxItems, maxChars] of LIST_FIELDS) {
    const value = fields[key];
    if (!Array.isArray(value)) continue;
    if (value.length > maxItems) reasons.push(tooManyMessage(label, maxItems));
    // Worded as the schema words it; the schema's issue path gives the item's place.
    if (value.some((item) => typeof item === 'string' && item.length > maxChars)) reasons.push(tooLongMessage(label, maxChars));
  }
  if ('body' in fields) reasons.push(...checkBodyLimits(fields.body));
  return reasons;
}
