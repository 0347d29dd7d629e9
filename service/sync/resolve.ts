// The open places of a merge, and settling one of them as the person chose:
//   mine    the story keeps what its text holds there now (typing since the
//           merge included);
//   theirs  the server's version of the block (or field) replaces it;
//   both    the server's version is kept too, right after this desk's.
// Only that block or field changes; the story's text is saved as a 'merge'
// revision and goes up like any save. The conflict's row is kept, settled, so
// no text is dropped. A story is never chosen whole.
import type { SyncConflict } from '../../core/api';
import { asItStands, settleConflict, type MergeChoice, type MergeConflict } from '../../core/merge';
import { blockIdOf, forEachBlock, randomBlockId } from '../../core/story';
import { contentOf, sameContent, type StoredStory } from '../../db';
import { authorOf, type ServiceContext } from '../context';
import { ServiceError } from '../errors';

function storyNotFound(): ServiceError {
  return new ServiceError('STORY_NOT_FOUND', 'Không tìm thấy bài viết này.', 'not_found');
}

const FIELD_ORDER = ['headline', 'sapo', 'byline', 'section', 'slug', 'tags', 'related'];

/** Where a conflict is read in the story: its fields first, then its blocks in reading order (gone ones last). */
function readingOrder(story: StoredStory): (conflict: MergeConflict) => number {
  const positions = new Map<string, number>();
  forEachBlock(story.body, (node) => positions.set(blockIdOf(node) ?? '', positions.size));
  return (conflict) =>
    conflict.kind === 'field' ? FIELD_ORDER.indexOf(conflict.field) : FIELD_ORDER.length + (positions.get(conflict.blockId) ?? positions.size);
}

/** Open conflicts, story by story (oldest first), each in reading order and read against the story's text as it stands. */
export function listConflicts(context: ServiceContext, storyId?: string): SyncConflict[] {
  const texts = new Map<string, StoredStory | null>();
  const textOf = (id: string): StoredStory | null => {
    if (!texts.has(id)) texts.set(id, context.stories.get(id));
    return texts.get(id) ?? null;
  };
  const stored = context.store.conflicts.list(storyId);
  const storyOrder = [...new Set(stored.map((conflict) => conflict.storyId))];
  return storyOrder.flatMap((id) => {
    const story = textOf(id);
    if (story === null) return [];
    const position = readingOrder(story);
    return stored
      .filter((conflict) => conflict.storyId === id)
      .map((conflict) => ({ ...conflict, conflict: asItStands(story, conflict.conflict) }))
      .sort((a, b) => position(a.conflict) - position(b.conflict));
  });
}

export function resolveConflict(context: ServiceContext, storyId: string, conflictId: string, keep: MergeChoice): StoredStory {
  const { store, stories } = context;
  const story = store.transaction((): StoredStory => {
    const stored = store.conflicts.get(conflictId);
    if (stored === null || stored.storyId !== storyId) {
      throw new ServiceError('CONFLICT_NOT_FOUND', 'Chỗ sửa trùng này không còn chờ chọn; có thể nó đã được chọn rồi.', 'not_found');
    }
    const current = stories.get(storyId);
    if (!current) throw storyNotFound();
    if (current.deletedAt !== null) {
      throw new ServiceError('STORY_IN_TRASH', 'Bài viết đang ở thùng rác; hãy khôi phục bài trước khi chọn.', 'conflict');
    }
    const text = contentOf(current);
    const settled = settleConflict(text, stored.conflict, keep, randomBlockId);
    // Queued after whatever waits: an action still waiting was taken before this choice, and goes up first.
    if (!sameContent(settled, text)) stories.save(storyId, settled, { author: authorOf(context), reason: 'merge' });
    store.conflicts.settle(conflictId, keep);
    const after = stories.get(storyId);
    if (!after) throw storyNotFound();
    return after;
  });
  store.outbox.changed();
  context.events.emit('story.changed', { id: storyId });
  return story;
}
