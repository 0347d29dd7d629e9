// @mention suggestions while a note is typed: the "@lan" just before the caret,
// the people it may mean, and the text with the chosen username put in.
import { foldForSearch } from '../../core/text';

export type Person = { username: string; displayName: string };

const AT_CARET = /(?:^|[^\p{L}\p{N}._@-])@([a-z0-9._-]{0,40})$/u;

/** The partial name typed after an @ right before the caret, with where its @ is; null when there is none. */
export function mentionAt(text: string, caret: number): { query: string; start: number } | null {
  const before = text.slice(0, caret);
  const match = AT_CARET.exec(before);
  if (!match) return null;
  const query = match[1] ?? '';
  return { query, start: caret - query.length - 1 };
}

/** People whose username starts with the query, or whose name has a word starting with it (accents ignored). */
export function suggestPeople(people: readonly Person[], query: string, limit = 6): Person[] {
  const q = foldForSearch(query);
  return people
    .filter((p) => p.username.startsWith(query) || foldForSearch(p.displayName).split(/\s+/).some((word) => word.startsWith(q)))
    .slice(0, limit);
}

/** The text with the @query at `start` replaced by "@username ", and where the caret goes. */
export function insertMention(text: string, at: { query: string; start: number }, username: string): { text: string; caret: number } {
  const end = at.start + 1 + at.query.length;
  const inserted = `@${username} `;
  return { text: text.slice(0, at.start) + inserted + text.slice(end).replace(/^ /, ''), caret: at.start + inserted.length };
}
