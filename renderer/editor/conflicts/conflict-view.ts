// What a person reads of one merge conflict: which place of the story it is,
// and the text of each side, from core/merge's conflict.
import type { SyncConflict } from '../../../core/api';
import { blockIdOf, forEachBlock, plainTextOfBody, type BlockNode, type IdentifiedNode, type StoryContent } from '../../../core/story';

export type PlaceKind = 'headline' | 'sapo' | 'byline' | 'section' | 'slug' | 'tags' | 'related' | 'paragraph' | 'heading' | 'quote' | 'list' | 'listitem' | 'figure' | 'related-stories';

export interface ConflictView {
  kind: PlaceKind;
  /** For a block: the place of the block (or of its list) in the body, 1 for the first; 0 when it is no longer in the text. */
  position: number;
  blockId: string | null;
  mine: string | null;
  theirs: string | null;
}

function textOfNode(node: IdentifiedNode | null): string | null {
  if (node === null) return null;
  const block: BlockNode =
    node.type === 'listitem' ? { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [node] } : node;
  return plainTextOfBody({ root: { type: 'root', version: 1, children: [block] } }).trim();
}

function textOfField(value: string | readonly string[]): string {
  return typeof value === 'string' ? value : value.join(', ');
}

export function viewOf(conflict: SyncConflict['conflict'], story: Pick<StoryContent, 'body'>): ConflictView {
  if (conflict.kind === 'field') {
    return { kind: conflict.field, position: 0, blockId: null, mine: textOfField(conflict.mine), theirs: textOfField(conflict.theirs) };
  }
  const position =
    story.body.root.children.findIndex((block) => {
      let found = false;
      forEachBlock({ root: { type: 'root', version: 1, children: [block] } }, (node) => {
        found ||= blockIdOf(node) === conflict.blockId;
      });
      return found;
    }) + 1;
  const node = conflict.mine ?? conflict.theirs ?? conflict.base;
  return { kind: node?.type ?? 'paragraph', position, blockId: conflict.blockId, mine: textOfNode(conflict.mine), theirs: textOfNode(conflict.theirs) };
}
