import type { HandlerArgs, QueueName } from '../../core/api';
import type { StoryStatus } from '../../core/story';

export interface ListFilters {
  mine: boolean;
  status: StoryStatus | null;
  section: string | null;
  trashed: boolean;
  /** One of the desk's views (renderer/workflow/QueueBar), or null for all stories. */
  queue: QueueName | null;
}

export const NO_FILTERS: ListFilters = { mine: false, status: null, section: null, trashed: false, queue: null };

/** True when some filter narrows the list (the trash is a view of its own, not a filter). */
export function narrowsList(filters: ListFilters): boolean {
  return filters.mine || filters.status !== null || filters.section !== null;
}

/** The same view (the list or the trash) with every filter cleared. */
export function withoutFilters(filters: ListFilters): ListFilters {
  return { ...NO_FILTERS, trashed: filters.trashed };
}

/** The `stories.list` arguments for a set of filters; "mine" means written by this desktop's user. */
export function listArgs(filters: ListFilters, userName: string): HandlerArgs<'stories.list'> {
  const args: HandlerArgs<'stories.list'> = {};
  if (filters.mine) args.author = userName;
  if (filters.status !== null) args.status = filters.status;
  if (filters.section !== null) args.section = filters.section;
  if (filters.trashed) args.trashed = true;
  if (filters.queue !== null) args.queue = filters.queue;
  return args;
}
