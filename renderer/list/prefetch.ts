// The first page of the unfiltered list is asked for at startup, alongside the
// settings, instead of after them: the list is what the writer looks at first.
import type { HandlerResults } from '../../core/api';
import type { NewsdeskClient } from '../transport';
import { listArgs, NO_FILTERS } from './filters';

export const FIRST_PAGE = 100;

export interface PrefetchedPage {
  /** The arguments it was asked with, as JSON; used only if the list asks the same. */
  key: string;
  page: Promise<HandlerResults['stories.list']>;
}

export function firstPageArgs(base: ReturnType<typeof listArgs>): ReturnType<typeof listArgs> {
  return { ...base, limit: FIRST_PAGE, cursor: null };
}

export function prefetchFirstPage(client: NewsdeskClient): PrefetchedPage {
  const args = firstPageArgs(listArgs(NO_FILTERS, ''));
  const page = client.call('stories.list', args);
  // If the list never uses it (the settings failed to load), its failure must not go unhandled.
  page.catch(() => undefined);
  return { key: JSON.stringify(args), page };
}
