// What a three-way merge hands back: the merged story and the places where the
// two sides changed the same thing differently. Until someone settles a
// conflict, the merged story holds "mine" there (or the only surviving text
// when one side deleted what the other edited), and the conflict carries all
// three versions, so nothing anyone typed is lost.
import type { IdentifiedNode, StoryContent } from '../story';

/** The text fields of a story; two edits that do not overlap merge by characters. */
export type TextField = 'headline' | 'sapo' | 'byline';
/** Fields that are one name: two different changes are a conflict. */
export type NameField = 'section' | 'slug';
/** Fields that are sets: adds and removes from both sides merge, and never conflict (short of the schema's limit). */
export type SetField = 'tags' | 'related';
export type StoryField = TextField | NameField | SetField;

export type FieldConflict =
  | { kind: 'field'; field: TextField | NameField; base: string; mine: string; theirs: string }
  | { kind: 'field'; field: SetField; base: string[]; mine: string[]; theirs: string[] };

export type BlockConflictReason =
  /** Both sides changed the block, in overlapping places; the merge holds mine. */
  | 'both-edited'
  /** Mine deleted the block and theirs edited it; the merge keeps theirs' text. */
  | 'mine-deleted'
  /** Theirs deleted the block and mine edited it; the merge keeps mine's text. */
  | 'theirs-deleted'
  /** Both sides added a block with this id and different content; the merge holds mine. */
  | 'both-added'
  /** Both sides moved the block, to different places; the merge puts it where mine did. */
  | 'both-moved';

interface BlockConflictFields {
  kind: 'block';
  /** The block or list item in conflict. */
  blockId: string;
  /** The list or list item holding it; null for a block of the body itself. */
  parentId: string | null;
  /** The block in each version; null where that version has no such block. */
  base: IdentifiedNode | null;
  mine: IdentifiedNode | null;
  theirs: IdentifiedNode | null;
}

export type BlockConflict =
  | (BlockConflictFields & { reason: Exclude<BlockConflictReason, 'both-moved'> })
  | (BlockConflictFields & {
      reason: 'both-moved';
      /** Where theirs put it: after this block of the same parent, or first when null. */
      theirsAfter: string | null;
    });

export type MergeConflict = FieldConflict | BlockConflict;

export interface StoryMerge {
  merged: StoryContent;
  conflicts: MergeConflict[];
}

/** How a person settles a conflict: "giữ của tôi", "giữ của họ", "giữ cả hai". */
export type MergeChoice = 'mine' | 'theirs' | 'both';
