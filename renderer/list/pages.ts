// How pages of `stories.list` combine into the one list the sidebar shows.
// Pages may overlap when stories change while the user scrolls; a story is
// shown once, where the newest page put it.
import type { StorySummary } from '../../core/api';

/** Appends a later page, skipping stories already shown. */
export function appendPage(items: readonly StorySummary[], page: readonly StorySummary[]): StorySummary[] {
  const shown = new Set(items.map((item) => item.id));
  return [...items, ...page.filter((item) => !shown.has(item.id))];
}

/**
 * Puts a fresh first page on top: stories in it move there (they changed most
 * recently), the rest keep their place, so that a deep scroll position survives
 * a story being saved.
 */
export function mergeHead(items: readonly StorySummary[], head: readonly StorySummary[]): StorySummary[] {
  const fresh = new Set(head.map((item) => item.id));
  return [...head, ...items.filter((item) => !fresh.has(item.id))];
}
