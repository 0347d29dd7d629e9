// Three-way merge of a story's content: each field by its kind, the body block
// by block. Pure and deterministic: the same three versions always give the
// same result, on the desk and on the server.
import { storyMeta, type StoryContent } from '../story';
import { mergeBodies } from './body';
import { sameJson } from '../story/same-json';
import { mergeText } from './text';
import type { MergeConflict, NameField, SetField, StoryMerge, TextField } from './types';

const TEXT_FIELDS: readonly TextField[] = ['headline', 'sapo', 'byline'];
const NAME_FIELDS: readonly NameField[] = ['section', 'slug'];
const SET_FIELDS: readonly SetField[] = ['tags', 'related'];

/**
 * Adds and removes from both sides: an entry is kept unless one side removed it,
 * and added if either side added it. Mine's order first, then theirs' additions.
 */
export function mergeSet(base: readonly string[], mine: readonly string[], theirs: readonly string[]): string[] {
  const inBase = new Set(base);
  const inMine = new Set(mine);
  const inTheirs = new Set(theirs);
  const kept = (entry: string): boolean => !inBase.has(entry) || (inMine.has(entry) && inTheirs.has(entry));
  return [...new Set([...mine.filter(kept), ...theirs.filter(kept)])];
}

/** The value of one field, or null when the two sides changed it in ways that do not merge. */
function mergeStringField(field: TextField | NameField, base: string, mine: string, theirs: string): string | null {
  if (base === theirs || mine === theirs) return mine;
  if (base === mine) return theirs;
  return (TEXT_FIELDS as readonly string[]).includes(field) ? mergeText(base, mine, theirs) : null;
}

/** True when the merged value is one the story schema accepts (a merged headline can grow past its limit). */
function fits<F extends keyof typeof storyMeta.shape>(field: F, value: unknown): boolean {
  return storyMeta.shape[field].safeParse(value).success;
}

/** Merges two versions of a story that both started from `base`. */
export function mergeStoryContent(base: StoryContent, mine: StoryContent, theirs: StoryContent): StoryMerge {
  const conflicts: MergeConflict[] = [];
  const merged: StoryContent = { ...mine };
  for (const field of [...TEXT_FIELDS, ...NAME_FIELDS]) {
    const value = mergeStringField(field, base[field], mine[field], theirs[field]);
    if (value !== null && (value === mine[field] || value === theirs[field] || fits(field, value))) merged[field] = value;
    else conflicts.push({ kind: 'field', field, base: base[field], mine: mine[field], theirs: theirs[field] });
  }
  for (const field of SET_FIELDS) {
    const [b, m, t] = [base[field], mine[field], theirs[field]];
    if (sameJson(b, t) || sameJson(m, t)) continue;
    const value = sameJson(b, m) ? t : mergeSet(b, m, t);
    if (value === t || fits(field, value)) merged[field] = value;
    else conflicts.push({ kind: 'field', field, base: base[field], mine: mine[field], theirs: theirs[field] });
  }
  const body = mergeBodies(base.body, mine.body, theirs.body);
  merged.body = body.merged;
  conflicts.push(...body.conflicts);
  return { merged, conflicts };
}
