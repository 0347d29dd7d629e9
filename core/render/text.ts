// A story as plain text, laid out like the newspaper's own copied articles
// (see shared/samples/README.md): headline, sapo, related-story line, body,
// byline, separated by blank lines. Figures print as the sample does, an alt
// line then the caption line, so an exported story reads like, and re-imports
// like, the texts reporters already file.
import { inlineText, type BlockNode, type ListNode, type StoryContent } from '../story';

type TextExportable = Pick<StoryContent, 'headline' | 'sapo' | 'byline' | 'related' | 'body'>;

function listText(list: ListNode, depth: number): string[] {
  const indent = '  '.repeat(depth);
  const lines: string[] = [];
  list.children.forEach((item, i) => {
    const marker = list.listType === 'number' ? `${list.start + i}.` : '-';
    const own = inlineText(item.children.filter((child) => child.type !== 'list'));
    if (own !== '') lines.push(`${indent}${marker} ${own}`);
    for (const child of item.children) if (child.type === 'list') lines.push(...listText(child, depth + 1));
  });
  return lines;
}

function blockText(block: BlockNode, headline: string): string {
  switch (block.type) {
    case 'paragraph':
    case 'heading':
    case 'quote':
      return inlineText(block.children);
    case 'list':
      return listText(block, 0).join('\n');
    case 'figure': {
      const caption = block.credit === '' ? block.caption : `${block.caption} (${block.credit})`.trim();
      return [block.alt || headline, caption].filter((line) => line !== '').join('\n');
    }
    case 'related-stories':
      return '';
    default:
      return '';
  }
}

function relatedLine(content: TextExportable): string {
  if (content.related.length > 0) return content.related.join(' ');
  const block = content.body.root.children.find((b) => b.type === 'related-stories');
  return block === undefined ? '' : block.stories.map((s) => s.title).join(' ');
}

/** The whole story as plain text, ending with a newline. */
export function renderStoryText(content: TextExportable): string {
  const parts = [
    content.headline,
    content.sapo,
    relatedLine(content),
    ...content.body.root.children.map((block) => blockText(block, content.headline)),
    content.byline,
  ];
  return `${parts.filter((part) => part.trim() !== '').join('\n\n')}\n`;
}
