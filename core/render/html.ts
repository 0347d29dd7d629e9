// The story body as HTML, for the public site, exports and previews. Pure string
// building (no DOM), so the server renders without a browser. The block structure
// matches what the Lexical editor itself exports for the same body (h2, ul,
// figure, aside...), so a story looks the same in the editor and on the site.
import type { BlockNode, FigureNode, ListNode, RelatedStoriesNode, StoryBody } from '../story';
import { figureAltText, isAllowedFigureSrc, mediaShaOf } from '../story';
import { escapeAttribute, escapeHtml } from './escape';
import { inlineHtml, type LinkOptions } from './inline-html';

export type RenderHtmlOptions = LinkOptions & {
  /** URL of a stored image; default `/media/<sha256>`. */
  mediaUrl?: (sha256: string) => string;
  /** URL of a related story; null (or no function) renders its title without a link. */
  storyUrl?: (id: string) => string | null;
};

function imageUrl(src: string, options: RenderHtmlOptions): string | null {
  if (src === '' || !isAllowedFigureSrc(src)) return null;
  const sha256 = mediaShaOf(src);
  if (sha256 === null) return src;
  return options.mediaUrl ? options.mediaUrl(sha256) : `/media/${sha256}`;
}

function figureHtml(node: FigureNode, options: RenderHtmlOptions): string {
  const url = imageUrl(node.src, options);
  let html = url === null ? '' : `<img src="${escapeAttribute(url)}" alt="${escapeAttribute(figureAltText(node))}">`;
  if (node.caption !== '' || node.credit !== '') {
    const credit = node.credit === '' ? '' : `<span class="credit">${escapeHtml(node.credit)}</span>`;
    const gap = node.caption !== '' && credit !== '' ? ' ' : '';
    html += `<figcaption>${escapeHtml(node.caption)}${gap}${credit}</figcaption>`;
  }
  // A figure with neither image nor words has nothing to show.
  return html === '' ? '' : `<figure>${html}</figure>`;
}

function relatedHtml(node: RelatedStoriesNode, options: RenderHtmlOptions): string {
  if (node.stories.length === 0) return '';
  const items = node.stories.map((story) => {
    const title = escapeHtml(story.title);
    const url = story.id === null ? null : (options.storyUrl?.(story.id) ?? null);
    if (story.id === null || url === null) return `<li>${title}</li>`;
    return `<li><a href="${escapeAttribute(url)}" data-story-id="${escapeAttribute(story.id)}">${title}</a></li>`;
  });
  return `<aside class="related-stories"><ul>${items.join('')}</ul></aside>`;
}

function listHtml(node: ListNode, options: RenderHtmlOptions): string {
  const tag = node.listType === 'number' ? 'ol' : 'ul';
  const start = tag === 'ol' && Number.isInteger(node.start) && node.start !== 1 ? ` start="${node.start}"` : '';
  const items = node.children.map((item) => {
    let html = '';
    for (const child of item.children) {
      html += child.type === 'list' ? listHtml(child, options) : inlineHtml([child], options);
    }
    return `<li>${html}</li>`;
  });
  return `<${tag}${start}>${items.join('')}</${tag}>`;
}

function blockHtml(block: BlockNode, options: RenderHtmlOptions): string {
  switch (block.type) {
    case 'paragraph':
      // Empty paragraphs are the editor's blank lines; the site's CSS spaces paragraphs.
      return block.children.length === 0 ? '' : `<p>${inlineHtml(block.children, options)}</p>`;
    case 'heading': {
      const tag = block.tag === 'h3' ? 'h3' : 'h2';
      return `<${tag}>${inlineHtml(block.children, options)}</${tag}>`;
    }
    case 'quote':
      return `<blockquote>${inlineHtml(block.children, options)}</blockquote>`;
    case 'list':
      return listHtml(block, options);
    case 'figure':
      return figureHtml(block, options);
    case 'related-stories':
      return relatedHtml(block, options);
    default:
      return '';
  }
}

/** The body's blocks as HTML, one block per line; all text and attributes escaped. */
export function renderBodyHtml(body: StoryBody, options: RenderHtmlOptions = {}): string {
  return body.root.children
    .map((block) => blockHtml(block, options))
    .filter((html) => html !== '')
    .join('\n');
}
