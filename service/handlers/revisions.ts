// A story's history: immutable revisions, plus the autosave still being written
// to, plus the versions the newsroom server keeps (core/sync/newsroom-history.ts:
// read when the history is asked for, while signed in and online); and going
// back to one of them. A restore is an explicit save of the old text (reason
// 'restore') through the synced path, so it reaches the server like any save and
// every revision before it stays as it was.
import type { Handlers, RevisionSummary } from '../../core/api';
import type { Revision } from '../../core/story';
import { newsroomVersions, parseServerRevisionId, serverRevisionId } from '../../core/sync';
import { sameContent } from '../../db';
import { authorOf, type ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';
import type { NewsroomHistory } from '../sync/newsroom-history';

type RevisionHandlerName = 'revisions.list' | 'revisions.get' | 'revisions.restore';

/** Where the server's versions come from; none for a desk without sync (the CLI's store). */
export type NewsroomVersions = Pick<NewsroomHistory, 'read' | 'revision'>;

function revisionNotFound(): ServiceError {
  return new ServiceError('REVISION_NOT_FOUND', 'Không tìm thấy phiên bản này của bài viết.', 'not_found');
}

/** The open autosave first, as the desk has always listed it; then every version, newest first. */
function newestFirst(own: RevisionSummary[], server: RevisionSummary[]): RevisionSummary[] {
  const open = own.filter((revision) => revision.open);
  const rest = [...own.filter((revision) => !revision.open), ...server];
  rest.sort((a, b) => Date.parse(b.createdAt) - Date.parse(a.createdAt));
  return [...open, ...rest];
}

export function revisionHandlers(context: ServiceContext, newsroom: NewsroomVersions | null = null): Pick<Handlers, RevisionHandlerName> {
  const { stories, events } = context;

  async function revisionOf(id: string): Promise<Revision | null> {
    const server = parseServerRevisionId(id);
    if (server === null) return stories.revision(id);
    const found = newsroom ? await newsroom.revision(server.storyId, server.rev) : null;
    if (!found) return null;
    const { author, createdAt, reason, content } = found;
    return { id, storyId: server.storyId, author, createdAt, reason: reason ?? 'save', content };
  }

  return {
    'revisions.list': handler('revisions.list', async ({ storyId }) => {
      const own: RevisionSummary[] = stories
        .revisions(storyId)
        .map(({ id, author, createdAt, reason, open, mergedFrom }) => ({ id, author, createdAt, reason, open, ...(mergedFrom ? { mergedFrom } : {}) }));
      const story = stories.get(storyId);
      if (newsroom === null || story === null || story.rev === 0) return own;
      const answer = await newsroom.read(storyId);
      if (answer.state !== 'read') return own;
      const local = own.flatMap(({ id }) => {
        const revision = stories.revision(id);
        return revision ? [{ author: revision.author, reason: revision.reason, content: revision.content }] : [];
      });
      const server = newsroomVersions(answer.revisions, local, sameContent).map(
        ({ rev, author, createdAt, reason }): RevisionSummary => ({
          id: serverRevisionId(storyId, rev),
          author,
          createdAt,
          reason: reason ?? 'save',
          open: false,
          serverRev: rev,
        }),
      );
      return newestFirst(own, server);
    }),
    'revisions.get': handler('revisions.get', async ({ id }) => {
      const revision = await revisionOf(id);
      if (!revision) throw revisionNotFound();
      return revision;
    }),
    'revisions.restore': handler('revisions.restore', async ({ id, storyId }) => {
      const revision = await revisionOf(id);
      if (!revision) throw revisionNotFound();
      if (storyId !== undefined && revision.storyId !== storyId) {
        throw new ServiceError(
          'REVISION_OF_OTHER_STORY',
          'Phiên bản này thuộc một bài viết khác, nên không khôi phục được vào bài đang mở.',
          'conflict',
        );
      }
      const story = stories.get(revision.storyId);
      if (!story) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết của phiên bản này; có thể bài đã bị xóa hẳn.', 'not_found');
      if (story.deletedAt !== null) {
        throw new ServiceError(
          'STORY_IN_TRASH',
          'Bài viết đang ở thùng rác. Hãy đưa bài ra khỏi thùng rác trước, rồi mới khôi phục một phiên bản của nó.',
          'conflict',
        );
      }
      const restored = stories.save(story.id, revision.content, { author: authorOf(context), reason: 'restore' });
      events.emit('story.changed', { id: story.id });
      return restored;
    }),
  };
}
