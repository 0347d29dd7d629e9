// A story's history: immutable revisions, plus the autosave still being written
// to; and going back to one of them. A restore is an explicit save of the old
// text (reason 'restore') through the synced path, so it reaches the server
// like any save and every revision before it stays as it was.
import type { Handlers } from '../../core/api';
import { authorOf, type ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';

type RevisionHandlerName = 'revisions.list' | 'revisions.get' | 'revisions.restore';

function revisionNotFound(): ServiceError {
  return new ServiceError('REVISION_NOT_FOUND', 'Không tìm thấy phiên bản này của bài viết.', 'not_found');
}

export function revisionHandlers(context: ServiceContext): Pick<Handlers, RevisionHandlerName> {
  const { stories, events } = context;
  return {
    'revisions.list': handler('revisions.list', ({ storyId }) =>
      stories
        .revisions(storyId)
        .map(({ id, author, createdAt, reason, open, mergedFrom }) => ({ id, author, createdAt, reason, open, ...(mergedFrom ? { mergedFrom } : {}) })),
    ),
    'revisions.get': handler('revisions.get', ({ id }) => {
      const revision = stories.revision(id);
      if (!revision) throw revisionNotFound();
      return revision;
    }),
    'revisions.restore': handler('revisions.restore', ({ id, storyId }) => {
      const revision = stories.revision(id);
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
