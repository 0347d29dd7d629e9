// Stories: the list, one story, and every write a reporter makes. Each write is
// one SQLite transaction in the store, its sync outbox op included (through
// context.stories); afterwards 'story.changed' tells every window, and saves are bracketed by 'save.state' so the UI can show
// "Đang lưu" / "Đã lưu" / "Lỗi" whichever window made the save.
import type { HandlerName, Handlers, ListWorkflow, StorySummary } from '../../core/api';
import { emptyBody, type StoryContent } from '../../core/story';
import type { WorkflowUser } from '../../core/workflow';
import type { StorySummary as StoredSummary } from '../../db';
import { authorOf, defaultBylineOf, type ServiceContext } from '../context';
import { ServiceError, toServiceError } from '../errors';
import { handler } from '../handler';
import { queueFilters } from './workflow';

type StoryHandlerName = Extract<HandlerName, `stories.${string}`>;

export function emptyStoryContent(): StoryContent {
  return { headline: '', sapo: '', byline: '', section: '', tags: [], slug: '', related: [], body: emptyBody() };
}

/** A list row carries only what the list shows: 100,000 rows must stay light. */
function toListItem(summary: StoredSummary, workflow: ListWorkflow | undefined): StorySummary {
  return {
    ...(workflow ? { workflow } : {}),
    id: summary.id,
    headline: summary.headline,
    status: summary.status,
    section: summary.section,
    author: summary.author,
    byline: summary.byline,
    wordCount: summary.wordCount,
    updatedAt: summary.updatedAt,
    deletedAt: summary.deletedAt,
    ...(summary.localOnly ? { localOnly: true } : {}),
  };
}

/** Runs a save between 'saving' and 'saved' (or 'error', with the reason) and announces the change, with the story's new updatedAt. */
function tracked<T extends { updatedAt: string } | { story: { updatedAt: string } }>(context: ServiceContext, id: string, write: () => T): T {
  context.events.emit('save.state', { id, state: 'saving' });
  let result: T;
  try {
    result = write();
  } catch (error) {
    const failure = toServiceError(error);
    context.events.emit('save.state', { id, state: 'error', message: failure.message });
    throw failure;
  }
  context.events.emit('save.state', { id, state: 'saved' });
  context.events.emit('story.changed', { id, updatedAt: 'story' in result ? result.story.updatedAt : result.updatedAt });
  return result;
}

/** `user`: who acts on this desk, for "my stories" and "assigned to me" (the settings' name when nobody is signed in). */
export function storyHandlers(context: ServiceContext, user: () => WorkflowUser | null = () => null): Pick<Handlers, StoryHandlerName> {
  const { stories, events } = context;
  return {
    'stories.list': handler('stories.list', ({ cursor, queue, ...filters }) => {
      const me = user()?.username ?? authorOf(context);
      const view = queue === undefined ? {} : queueFilters(queue, me, context.clock());
      const page = stories.list({ ...filters, ...view, after: cursor ?? null });
      const workflows = context.store.workflows.listed(page.items.map((item) => item.id));
      return { items: page.items.map((item) => toListItem(item, workflows.get(item.id))), nextCursor: page.nextCursor };
    }),
    'stories.get': handler('stories.get', ({ id }) => {
      const story = stories.get(id);
      if (!story) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này; có thể nó đã bị xóa hẳn.', 'not_found');
      return story;
    }),
    'stories.create': handler('stories.create', ({ content }) => {
      const fresh = { ...emptyStoryContent(), byline: defaultBylineOf(context) };
      const story = stories.create({ ...fresh, ...content }, { author: authorOf(context) });
      events.emit('story.changed', { id: story.id });
      return story;
    }),
    'stories.save': handler('stories.save', ({ id, content, since }) =>
      tracked(context, id, () => stories.save(id, content, { author: authorOf(context), ...(since ? { since } : {}) })),
    ),
    'stories.autosave': handler('stories.autosave', ({ id, content, since }) =>
      tracked(context, id, () => ({ updatedAt: stories.autosave(id, content, { author: authorOf(context), ...(since ? { since } : {}) }).story.updatedAt })),
    ),
    'stories.trash': handler('stories.trash', ({ id }) => {
      stories.trash(id);
      events.emit('story.changed', { id });
      return { ok: true };
    }),
    'stories.restore': handler('stories.restore', ({ id }) => {
      stories.restore(id);
      events.emit('story.changed', { id });
      return { ok: true };
    }),
    'stories.sections': handler('stories.sections', () => stories.sections()),
  };
}
