// A story's history: immutable revisions, plus the autosave still being written to.
import type { Handlers } from '../../core/api';
import type { ServiceContext } from '../context';
import { ServiceError } from '../errors';
import { handler } from '../handler';

export function revisionHandlers(context: ServiceContext): Pick<Handlers, 'revisions.list' | 'revisions.get'> {
  const { stories } = context;
  return {
    'revisions.list': handler('revisions.list', ({ storyId }) =>
      stories.revisions(storyId).map(({ id, author, createdAt, reason, open }) => ({ id, author, createdAt, reason, open })),
    ),
    'revisions.get': handler('revisions.get', ({ id }) => {
      const revision = stories.revision(id);
      if (!revision) throw new ServiceError('REVISION_NOT_FOUND', 'Không tìm thấy phiên bản này của bài viết.', 'not_found');
      return revision;
    }),
  };
}
