// Settling a conflict some time after the merge that found it. Meanwhile the
// person may have edited the story, the block in conflict included, so the
// side the merge held in the text (mine, or theirs where mine had deleted the
// block) is read from the text as it stands: "giữ của tôi" then keeps what is
// there now, typing since included, and "giữ của họ" replaces exactly that.
import {
  blockIdOf,
  forEachBlock,
  lexicalForm,
  withBlockIds,
  type BlockNode,
  type IdentifiedNode,
  type ListItemNode,
  type NewBlockId,
  type StoryContent,
} from '../story';
import { resolveConflict } from './resolve';
import type { BlockConflict, FieldConflict, MergeChoice, MergeConflict, SetField } from './types';

/** The block or list item with this id, wherever it is in the text; null when it is gone. */
export function findBlock(content: StoryContent, blockId: string): IdentifiedNode | null {
  let found: IdentifiedNode | null = null;
  forEachBlock(content.body, (node) => {
    if (found === null && blockIdOf(node) === blockId) found = node;
  });
  return found;
}

type SetConflict = Extract<FieldConflict, { field: SetField }>;
const isSetConflict = (conflict: FieldConflict): conflict is SetConflict => conflict.field === 'tags' || conflict.field === 'related';

/** Which side the merge left in the text at a block conflict (./types: mine, unless mine had deleted it). */
function heldSide(conflict: BlockConflict): 'mine' | 'theirs' {
  return conflict.reason === 'mine-deleted' ? 'theirs' : 'mine';
}

/** The conflict with the side the text holds read from the text now. */
export function asItStands(current: StoryContent, conflict: MergeConflict): MergeConflict {
  if (conflict.kind === 'field') {
    if (isSetConflict(conflict)) return { ...conflict, mine: current[conflict.field] };
    const { field } = conflict as Exclude<FieldConflict, SetConflict>;
    return { ...conflict, field, mine: current[field] };
  }
  if (conflict.reason === 'both-moved') return conflict;
  return { ...conflict, [heldSide(conflict)]: findBlock(current, conflict.blockId) };
}

/** A block to keep whose place is gone (the person deleted the held block meanwhile): it goes at the end, alone. */
function appended(current: StoryContent, node: IdentifiedNode, newId: NewBlockId): StoryContent {
  const block: BlockNode =
    node.type === 'listitem'
      ? { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [node as ListItemNode] }
      : node;
  const body = { root: { ...current.body.root, children: [...current.body.root.children, block] } };
  return { ...current, body: withBlockIds(lexicalForm(body), newId) };
}

/** The text with one conflict settled as the person chose; `newId` names the blocks "both" adds. */
export function settleConflict(current: StoryContent, conflict: MergeConflict, choice: MergeChoice, newId: NewBlockId): StoryContent {
  const standing = asItStands(current, conflict);
  if (standing.kind === 'block' && standing.reason !== 'both-moved' && findBlock(current, standing.blockId) === null) {
    // The held side is gone from the text: only the other side's block can still be kept.
    const other = heldSide(standing) === 'mine' ? standing.theirs : standing.mine;
    const keepsOther = heldSide(standing) === 'mine' ? choice !== 'mine' : choice !== 'theirs';
    return keepsOther && other !== null ? appended(current, other, newId) : current;
  }
  return resolveConflict(current, standing, choice, newId);
}
