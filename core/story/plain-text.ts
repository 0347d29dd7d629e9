// The words of a body, for search indexing and word counts. Captions are part of
// what a reader reads, so they count. Related-story titles and photo alt text do
// not: they belong to other stories or repeat the headline, and indexing them
// would make a story match searches for its neighbours.
import { countWords } from '../text';
import type { BlockNode, InlineNode, ListNode, StoryBody } from './body';

/** The text of inline nodes; soft line breaks become "\n", links keep their text. */
export function inlineText(children: ReadonlyArray<InlineNode | ListNode>): string {
  let text = '';
  for (const node of children) {
    if (node.type === 'text') text += node.text;
    else if (node.type === 'linebreak') text += '\n';
    else if (node.type === 'link') text += inlineText(node.children);
  }
  return text;
}

/** Each list item's own text, nested items included, in reading order. */
export function listItemTexts(list: ListNode): string[] {
  const texts: string[] = [];
  for (const item of list.children) {
    const own = inlineText(item.children);
    if (own !== '') texts.push(own);
    for (const child of item.children) if (child.type === 'list') texts.push(...listItemTexts(child));
  }
  return texts;
}

function blockText(block: BlockNode): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return inlineText(block.children);
    case 'list':
      return listItemTexts(block).join('\n');
    case 'figure':
      return block.caption;
    case 'related-stories':
      return '';
  }
}

/** Block texts joined by blank lines; empty blocks are skipped. */
export function plainTextOfBody(body: StoryBody): string {
  return body.root.children
    .map(blockText)
    .filter((text) => text.trim() !== '')
    .join('\n\n');
}

/**
 * Syllables a reader reads: headline, sapo and body (captions included). A caller
 * that already has the body's plain text passes it, so the body is walked once.
 */
export function storyWordCount(
  content: { headline: string; sapo: string; body: StoryBody },
  bodyText: string = plainTextOfBody(content.body),
): number {
  return countWords(content.headline) + countWords(content.sapo) + countWords(bodyText);
}
