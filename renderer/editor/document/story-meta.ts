// The fields around the body. The slug follows the headline until the writer
// edits it (slugTouched); clearing the slug field hands it back to the headline.
import { slugify, normalizeText } from '../../../core/text';
import type { StoryBody, StoryContent } from '../../../core/story';

export interface MetaState {
  headline: string;
  sapo: string;
  byline: string;
  section: string;
  tags: string[];
  /** What the slug field shows; the saved slug is slugify(slug). */
  slug: string;
  slugTouched: boolean;
  related: string[];
}

export type MetaEdit =
  | { field: 'headline' | 'sapo' | 'byline' | 'section' | 'slug'; value: string }
  | { field: 'tags'; value: string[] };

/** The headline is one line: pasted or typed line breaks become spaces. */
export function oneLine(value: string): string {
  return value.replace(/[ \t]*[\r\n]+[ \t]*/g, ' ');
}

export function metaFromContent(content: Omit<StoryContent, 'body'>): MetaState {
  return {
    headline: content.headline,
    sapo: content.sapo,
    byline: content.byline,
    section: content.section,
    tags: [...content.tags],
    slug: content.slug,
    slugTouched: content.slug !== '' && content.slug !== slugify(content.headline),
    related: [...content.related],
  };
}

export function applyMetaEdit(state: MetaState, edit: MetaEdit): MetaState {
  switch (edit.field) {
    case 'headline': {
      const headline = oneLine(edit.value);
      return { ...state, headline, slug: state.slugTouched ? state.slug : slugify(headline) };
    }
    case 'slug':
      return edit.value.trim() === ''
        ? { ...state, slug: slugify(state.headline), slugTouched: false }
        : { ...state, slug: edit.value, slugTouched: true };
    case 'tags':
      return { ...state, tags: edit.value };
    default:
      return { ...state, [edit.field]: edit.value };
  }
}

/** Adds a typed tag: trimmed, NFC, and not twice (letter case ignored). */
export function addTag(tags: readonly string[], typed: string): string[] {
  const tag = normalizeText(typed).replace(/\s+/g, ' ').trim().slice(0, 100);
  if (tag === '' || tags.some((t) => t.toLocaleLowerCase('vi') === tag.toLocaleLowerCase('vi'))) return [...tags];
  return [...tags, tag];
}

/** The content to validate and send; text fields are normalized as every input is. */
export function contentOf(meta: MetaState, body: StoryBody): StoryContent {
  return {
    headline: normalizeText(oneLine(meta.headline)).trim(),
    sapo: normalizeText(meta.sapo).trim(),
    byline: normalizeText(meta.byline).trim(),
    section: normalizeText(meta.section).trim(),
    tags: meta.tags,
    slug: slugify(meta.slug),
    related: meta.related,
    body,
  };
}
