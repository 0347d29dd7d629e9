// The user's choice between the two versions of a conflicted story.
//   mine    the text here stays (saved as a 'merge' revision) and goes up again,
//           now based on the server's revision, so it replaces the server's text
//           knowingly; a story trashed here is trashed there.
//   theirs  the server's text becomes the text here (also a 'merge' revision,
//           so the local text stays in history); nothing needs to go up.
// Either way the conflict row is kept, marked resolved: no text is dropped.
import type { StoredStory } from '../../db';
import { authorOf, type ServiceContext } from '../context';
import { ServiceError } from '../errors';

export function resolveConflict(context: ServiceContext, storyId: string, keep: 'mine' | 'theirs'): StoredStory {
  const { store, stories } = context;
  const { outbox, conflicts, serverCopy } = store;
  const story = store.transaction((): StoredStory => {
    const open = conflicts.open(storyId);
    if (!open) {
      throw new ServiceError('CONFLICT_NOT_FOUND', 'Bài này không có hai phiên bản đang chờ chọn.', 'not_found');
    }
    const local = serverCopy.state(storyId);
    if (!local) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này.', 'not_found');
    // Changes made while the conflict waited are in the story's text; their ops are replaced below.
    // A refusal of an older text no longer matters either: the user has chosen.
    outbox.dropUnsent(storyId);
    outbox.clearDead(storyId);
    const author = authorOf(context);
    if (keep === 'mine') {
      // Only the text: a status never travels with it, so no one's transition is undone.
      if (local.trashed) outbox.delete(storyId);
      else stories.save(storyId, local.content, { author, reason: 'merge' });
      // Actions taken here on this text go up after it, as they were made.
      outbox.moveTransitionsLast(storyId);
    } else {
      stories.takeServerVersion(open.server, { author });
    }
    conflicts.resolve(open.id, keep);
    const after = stories.get(storyId);
    if (!after) throw new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này.', 'not_found');
    return after;
  });
  outbox.changed();
  context.events.emit('story.changed', { id: storyId });
  return story;
}
