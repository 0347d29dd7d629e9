// Settling one conflict of a merge, as the person chose: "giữ của tôi"
// (mine), "giữ của họ" (theirs) or "giữ cả hai" (both). Pure: the content in,
// the settled content out, so the desk can show it before saving it.
//
// For a block: mine and theirs put that side's version in place (or remove the
// block, when that side had deleted it); both keeps mine's and puts theirs'
// right after it, with new ids. A block moved by both sides goes where the
// chosen side put it ("both" leaves it where it is: a block has one place).
// For a field: text fields joined by a space for "both", set fields united;
// a section or slug is one name, so "both" keeps mine.
import {
  blockIdOf,
  lexicalForm,
  withBlockIds,
  withoutBlockIds,
  type BlockNode,
  type IdentifiedNode,
  type ListItemNode,
  type ListNode,
  type NewBlockId,
  type StoryBody,
  type StoryContent,
} from '../story';
import type { BlockConflict, FieldConflict, MergeChoice, MergeConflict } from './types';

type Child = BlockNode | ListItemNode | ListItemNode['children'][number];
type ChildrenEdit = (children: Child[]) => Child[];

const idOfChild = (child: Child): string | undefined =>
  child.type === 'text' || child.type === 'linebreak' || child.type === 'link' ? undefined : blockIdOf(child);

/** The body with the children of `parentId` (null: the body's blocks) edited. */
function editChildren(body: StoryBody, parentId: string | null, edit: ChildrenEdit): StoryBody {
  if (parentId === null) return { root: { ...body.root, children: edit(body.root.children) as BlockNode[] } };
  const inList = (list: ListNode): ListNode => {
    if (blockIdOf(list) === parentId) return { ...list, children: edit(list.children) as ListItemNode[] };
    return { ...list, children: list.children.map(inItem) };
  };
  const inItem = (item: ListItemNode): ListItemNode => {
    const children = blockIdOf(item) === parentId ? (edit(item.children) as ListItemNode['children']) : item.children;
    return { ...item, children: children.map((child) => (child.type === 'list' ? inList(child) : child)) };
  };
  return { root: { ...body.root, children: body.root.children.map((block) => (block.type === 'list' ? inList(block) : block)) } };
}

/** A copy of a block with no ids anywhere in it, so that withBlockIds gives it new ones. */
function withoutIds(node: IdentifiedNode): IdentifiedNode {
  const body = withoutBlockIds({ root: { type: 'root', version: 1, children: [wrapped(node)] } });
  const first = body.root.children[0] as BlockNode;
  return node.type === 'listitem' && first.type === 'list' ? (first.children[0] as ListItemNode) : first;
}

/** A list item alone is no block; it travels inside a list for withoutBlockIds. */
function wrapped(node: IdentifiedNode): BlockNode {
  if (node.type !== 'listitem') return node;
  return { type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [node] };
}

function replaceWith(id: string, nodes: IdentifiedNode[]): ChildrenEdit {
  return (children) => children.flatMap((child) => (idOfChild(child) === id ? nodes : [child]));
}

function moveAfter(id: string, after: string | null): ChildrenEdit {
  return (children) => {
    const moving = children.find((child) => idOfChild(child) === id);
    if (moving === undefined) return children;
    const rest = children.filter((child) => child !== moving);
    const at = after === null ? rest.findIndex((child) => idOfChild(child) !== undefined) : rest.findIndex((child) => idOfChild(child) === after) + 1;
    rest.splice(at < 0 ? rest.length : at, 0, moving);
    return rest;
  };
}

function resolveBlock(body: StoryBody, conflict: BlockConflict, choice: MergeChoice, newId: NewBlockId): StoryBody {
  const { blockId, parentId } = conflict;
  if (conflict.reason === 'both-moved') {
    return choice === 'theirs' ? lexicalForm(editChildren(body, parentId, moveAfter(blockId, conflict.theirsAfter))) : body;
  }
  const kept: IdentifiedNode[] = [];
  if (choice !== 'theirs' && conflict.mine !== null) kept.push(conflict.mine);
  if (choice !== 'mine' && conflict.theirs !== null) kept.push(kept.length > 0 ? withoutIds(conflict.theirs) : conflict.theirs);
  return withBlockIds(lexicalForm(editChildren(body, parentId, replaceWith(blockId, kept))), newId);
}

function resolveField(content: StoryContent, conflict: FieldConflict, choice: MergeChoice): StoryContent {
  if (conflict.field === 'tags' || conflict.field === 'related') {
    const value = choice === 'mine' ? conflict.mine : choice === 'theirs' ? conflict.theirs : [...new Set([...conflict.mine, ...conflict.theirs])];
    return { ...content, [conflict.field]: value };
  }
  let value = choice === 'theirs' ? conflict.theirs : conflict.mine;
  const joinable = conflict.field === 'headline' || conflict.field === 'sapo' || conflict.field === 'byline';
  if (choice === 'both' && joinable) value = [conflict.mine, conflict.theirs].filter((text) => text !== '').join(' ');
  return { ...content, [conflict.field]: value };
}

/** The merged content with one conflict settled; `newId` names the blocks "both" adds. */
export function resolveConflict(content: StoryContent, conflict: MergeConflict, choice: MergeChoice, newId: NewBlockId): StoryContent {
  if (conflict.kind === 'field') return resolveField(content, conflict, choice);
  return { ...content, body: resolveBlock(content.body, conflict, choice, newId) };
}
