// Text runs and links as HTML. Lexical's format bitmask maps to semantic tags;
// inline styles are never copied, since a pasted style could hide or restyle text.
import { isAllowedLinkUrl, TEXT_FORMAT, type InlineNode, type LinkNode, type TextNode } from '../story';
import { escapeAttribute, escapeHtml } from './escape';

// Outermost first: bold+italic renders as <strong><em>…</em></strong>.
const FORMAT_TAGS: ReadonlyArray<readonly [number, string]> = [
  [TEXT_FORMAT.bold, 'strong'],
  [TEXT_FORMAT.italic, 'em'],
  [TEXT_FORMAT.underline, 'u'],
  [TEXT_FORMAT.strikethrough, 's'],
  [TEXT_FORMAT.subscript, 'sub'],
  [TEXT_FORMAT.superscript, 'sup'],
  [TEXT_FORMAT.code, 'code'],
];

export type LinkOptions = {
  /** Links to this origin (e.g. "https://laodongthudo.vn") are internal: no rel, no nofollow. */
  siteOrigin?: string | undefined;
};

function textHtml(node: TextNode): string {
  let html = escapeHtml(node.text);
  for (let i = FORMAT_TAGS.length - 1; i >= 0; i--) {
    const [bit, tag] = FORMAT_TAGS[i]!;
    if ((node.format & bit) !== 0) html = `<${tag}>${html}</${tag}>`;
  }
  return html;
}

function isExternal(url: string, siteOrigin: string | undefined): boolean {
  const parsed = new URL(url);
  if (parsed.protocol === 'mailto:') return false;
  return siteOrigin === undefined || parsed.origin !== siteOrigin;
}

function linkHtml(node: LinkNode, options: LinkOptions): string {
  const content = inlineHtml(node.children, options);
  // A link the schema would refuse (javascript:, data:, relative) keeps its words and loses its target.
  if (!isAllowedLinkUrl(node.url)) return content;
  let attributes = ` href="${escapeAttribute(node.url)}"`;
  if (node.title) attributes += ` title="${escapeAttribute(node.title)}"`;
  if (node.target === '_blank') attributes += ' target="_blank"';
  if (isExternal(node.url, options.siteOrigin)) attributes += ' rel="noopener noreferrer nofollow"';
  return `<a${attributes}>${content}</a>`;
}

export function inlineHtml(children: readonly InlineNode[], options: LinkOptions): string {
  let html = '';
  for (const node of children) {
    if (node.type === 'text') html += textHtml(node);
    else if (node.type === 'linebreak') html += '<br>';
    else if (node.type === 'link') html += linkHtml(node, options);
  }
  return html;
}
