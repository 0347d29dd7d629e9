// An open story whose text changed underneath the editor: sync merged the
// server's version in, pulled a newer one, or a conflict was settled. The
// editor's text is merged three ways with the new stored text, from the text
// the editor last read or wrote (its base), so that nothing typed here and
// nothing that came in is lost. Where both touched the same block in those few
// moments, both versions are kept, one after the other, for the writer to see.
import { mergeStoryContent, resolveConflict } from '../../../core/merge';
import { randomBlockId, type StoryContent } from '../../../core/story';

export interface CaughtUp {
  /** What the editor should hold now. */
  text: StoryContent;
  /** True when that differs from the stored text, so it must be saved. */
  unsaved: boolean;
}

const same = (a: StoryContent, b: StoryContent): boolean => JSON.stringify(a) === JSON.stringify(b);

export function catchUp(base: StoryContent, mine: StoryContent, stored: StoryContent): CaughtUp {
  if (same(mine, base)) return { text: stored, unsaved: false };
  const { merged, conflicts } = mergeStoryContent(base, mine, stored);
  const text = conflicts.reduce((content, conflict) => resolveConflict(content, conflict, 'both', randomBlockId), merged);
  return { text, unsaved: !same(text, stored) };
}
