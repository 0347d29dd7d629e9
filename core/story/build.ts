// Importers see text as a flat run of blocks; the store keeps Lexical JSON.
// These two functions cross between them. Lists and quotes have no flat form,
// so blocksFromBody turns them into paragraphs (one per list item).
import { normalizeText } from '../text';
import type { BlockNode, RelatedStoryRef, StoryBody } from './body';
import { sequentialBlockIds, withBlockIds, type NewBlockId } from './block-id';
import type { ImportBlock } from './import-block';
import { bodyOf, figure, heading, inlineFromText, paragraph, relatedBlock } from './node-factories';
import { inlineText, listItemTexts } from './plain-text';

export type BodyFromBlocksOptions = {
  /** When given (and not empty), a related-stories block opens the body, as on the site. */
  related?: ReadonlyArray<RelatedStoryRef>;
  /** Mints the blocks' ids; b1, b2... by default, which is enough in a story that starts here. */
  newId?: NewBlockId;
};

function blockNodeOf(block: ImportBlock): BlockNode {
  switch (block.type) {
    case 'paragraph':
      return paragraph(inlineFromText(normalizeText(block.text)));
    case 'heading':
      return heading('h2', inlineFromText(normalizeText(block.text)));
    case 'figure':
      return figure({
        src: block.src ?? '',
        alt: normalizeText(block.alt ?? ''),
        caption: normalizeText(block.caption),
        credit: normalizeText(block.credit ?? ''),
      });
  }
}

/** A body holding the blocks in order, each with an id; imported subheadings become h2. */
export function bodyFromBlocks(blocks: readonly ImportBlock[], options: BodyFromBlocksOptions = {}): StoryBody {
  const children = blocks.map(blockNodeOf);
  const related = options.related ?? [];
  if (related.length > 0) children.unshift(relatedBlock(related.map((r) => ({ id: r.id, title: normalizeText(r.title) }))));
  return withBlockIds(bodyOf(children), options.newId ?? sequentialBlockIds());
}

function figureBlock(node: Extract<BlockNode, { type: 'figure' }>): ImportBlock {
  const block: ImportBlock = { type: 'figure', caption: node.caption };
  if (node.src !== '') block.src = node.src;
  if (node.credit !== '') block.credit = node.credit;
  if (node.alt !== '') block.alt = node.alt;
  return block;
}

/** The body as flat blocks (the inverse of bodyFromBlocks); related-stories blocks are left out. */
export function blocksFromBody(body: StoryBody): ImportBlock[] {
  const blocks: ImportBlock[] = [];
  for (const node of body.root.children) {
    switch (node.type) {
      case 'paragraph':
      case 'quote':
        blocks.push({ type: 'paragraph', text: inlineText(node.children) });
        break;
      case 'heading':
        blocks.push({ type: 'heading', text: inlineText(node.children) });
        break;
      case 'list':
        for (const text of listItemTexts(node)) blocks.push({ type: 'paragraph', text });
        break;
      case 'figure':
        blocks.push(figureBlock(node));
        break;
      case 'related-stories':
        break;
    }
  }
  return blocks;
}
