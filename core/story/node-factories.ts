// Nodes exactly as Lexical 0.52 serializes them, field for field, so that a body
// built here and the same body after a trip through the editor compare equal.
import type {
  FigureNode,
  HeadingNode,
  InlineNode,
  LinkNode,
  ListItemNode,
  ListNode,
  ParagraphNode,
  QuoteNode,
  RelatedStoriesNode,
  RelatedStoryRef,
  StoryBody,
  TextNode,
  BlockNode,
  LineBreakNode,
} from './body';
import { withLexicalTextFormat } from './lexical-form';

const ELEMENT = { direction: null, format: '', indent: 0, version: 1 } as const;

export function textRun(text: string, format = 0): TextNode {
  return { type: 'text', version: 1, text, format, style: '', mode: 'normal', detail: 0 };
}

export function lineBreak(): LineBreakNode {
  return { type: 'linebreak', version: 1 };
}

/** Plain text as inline nodes: each "\n" becomes a soft line break, as the editor does. */
export function inlineFromText(text: string, format = 0): InlineNode[] {
  const nodes: InlineNode[] = [];
  text.split('\n').forEach((line, i) => {
    if (i > 0) nodes.push(lineBreak());
    if (line !== '') nodes.push(textRun(line, format));
  });
  return nodes;
}

export function paragraph(children: InlineNode[]): ParagraphNode {
  return withLexicalTextFormat({ type: 'paragraph', ...ELEMENT, textFormat: 0, textStyle: '', children });
}

export function heading(tag: 'h2' | 'h3', children: InlineNode[]): HeadingNode {
  return { type: 'heading', ...ELEMENT, tag, children };
}

export function quote(children: InlineNode[]): QuoteNode {
  return { type: 'quote', ...ELEMENT, children };
}

export function link(url: string, children: Array<TextNode | LineBreakNode>): LinkNode {
  return { type: 'link', ...ELEMENT, url, rel: null, target: null, title: null, children };
}

/** A list; each item is its inline content, optionally followed by a nested list. */
export function list(listType: 'bullet' | 'number', items: Array<Array<InlineNode | ListNode>>, indent = 0): ListNode {
  const children: ListItemNode[] = items.map((content, i) => ({
    type: 'listitem',
    ...ELEMENT,
    indent,
    value: i + 1,
    children: content,
  }));
  return { type: 'list', ...ELEMENT, listType, start: 1, tag: listType === 'bullet' ? 'ul' : 'ol', children };
}

export function figure(fields: { src?: string; alt?: string; caption?: string; credit?: string }): FigureNode {
  return {
    type: 'figure',
    version: 1,
    src: fields.src ?? '',
    alt: fields.alt ?? '',
    caption: fields.caption ?? '',
    credit: fields.credit ?? '',
  };
}

/** Related stories; a bare title is a story not (yet) found in the store. */
export function relatedBlock(stories: ReadonlyArray<string | RelatedStoryRef>): RelatedStoriesNode {
  return {
    type: 'related-stories',
    version: 1,
    stories: stories.map((s) => (typeof s === 'string' ? { id: null, title: s } : { id: s.id, title: s.title })),
  };
}

export function bodyOf(blocks: BlockNode[]): StoryBody {
  return { root: { type: 'root', ...ELEMENT, children: blocks } };
}
