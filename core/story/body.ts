// The story body is Lexical's serialized editor state, restricted to the nodes a
// news article uses. This file is the one place that lists them:
//
//   root            the document
//   paragraph       body text
//   heading         subheading, h2 or h3 only
//   quote           blockquote
//   list, listitem  bulleted ("bullet") or numbered ("number") lists
//   link            inline link; http, https and mailto only
//   text            a run of text; `format` is Lexical's bitmask (bold 1, italic 2,
//                   strikethrough 4, underline 8, code 16, subscript 32, superscript 64)
//   linebreak       a soft break inside a block
//   figure          an image (media sha256 or URL) with caption and photo credit
//   related-stories a block of links to related stories, picked from the store
//
// Fields Lexical writes that we do not use (direction, indent, textStyle...) are
// accepted so that the editor's own output round-trips; anything else is refused.
import { z } from 'zod';

const blockFormat = z.union([z.literal(''), z.enum(['left', 'start', 'center', 'right', 'end', 'justify']), z.number()]);
const lexicalElementFields = {
  version: z.number().int(),
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: blockFormat.optional(),
  indent: z.number().int().min(0).optional(),
  textFormat: z.number().int().optional(),
  textStyle: z.string().optional(),
};

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export const textNode = z.strictObject({
  type: z.literal('text'),
  version: z.number().int(),
  text: z.string(),
  format: z.number().int().min(0).default(0),
  style: z.string().default(''),
  mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
  detail: z.number().int().min(0).default(0),
});
export type TextNode = z.infer<typeof textNode>;

export const lineBreakNode = z.strictObject({ type: z.literal('linebreak'), version: z.number().int() });
export type LineBreakNode = z.infer<typeof lineBreakNode>;

export const ALLOWED_LINK_PROTOCOLS = ['http:', 'https:', 'mailto:'] as const;

/** True for http(s) and mailto URLs; everything else (javascript:, data:, relative) is refused. */
export function isAllowedLinkUrl(url: string): boolean {
  try {
    return (ALLOWED_LINK_PROTOCOLS as readonly string[]).includes(new URL(url).protocol);
  } catch {
    return false;
  }
}

export const linkNode = z.strictObject({
  type: z.literal('link'),
  ...lexicalElementFields,
  url: z.string().refine(isAllowedLinkUrl, { message: 'Liên kết chỉ được dùng http, https hoặc mailto' }),
  rel: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  children: z.array(z.union([textNode, lineBreakNode])),
});
export type LinkNode = z.infer<typeof linkNode>;

const inlineNode = z.union([textNode, lineBreakNode, linkNode]);
export type InlineNode = z.infer<typeof inlineNode>;

export const paragraphNode = z.strictObject({
  type: z.literal('paragraph'),
  ...lexicalElementFields,
  children: z.array(inlineNode),
});
export type ParagraphNode = z.infer<typeof paragraphNode>;

export const headingNode = z.strictObject({
  type: z.literal('heading'),
  ...lexicalElementFields,
  tag: z.enum(['h2', 'h3'], { message: 'Tiêu đề phụ chỉ có thể là h2 hoặc h3' }),
  children: z.array(inlineNode),
});
export type HeadingNode = z.infer<typeof headingNode>;

export const quoteNode = z.strictObject({
  type: z.literal('quote'),
  ...lexicalElementFields,
  children: z.array(inlineNode),
});
export type QuoteNode = z.infer<typeof quoteNode>;

export type ListItemNode = {
  type: 'listitem';
  version: number;
  value: number;
  checked?: boolean | undefined;
  direction?: 'ltr' | 'rtl' | null | undefined;
  format?: string | number | undefined;
  indent?: number | undefined;
  textFormat?: number | undefined;
  textStyle?: string | undefined;
  children: Array<InlineNode | ListNode>;
};
export type ListNode = {
  type: 'list';
  version: number;
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  direction?: 'ltr' | 'rtl' | null | undefined;
  format?: string | number | undefined;
  indent?: number | undefined;
  textFormat?: number | undefined;
  textStyle?: string | undefined;
  children: ListItemNode[];
};

export const listItemNode: z.ZodType<ListItemNode> = z.lazy(() =>
  z.strictObject({
    type: z.literal('listitem'),
    ...lexicalElementFields,
    value: z.number().int(),
    checked: z.boolean().optional(),
    children: z.array(z.union([inlineNode, listNode])),
  }),
);

export const listNode: z.ZodType<ListNode> = z.lazy(() =>
  z.strictObject({
    type: z.literal('list'),
    ...lexicalElementFields,
    listType: z.enum(['bullet', 'number'], { message: 'Danh sách chỉ có thể là gạch đầu dòng hoặc đánh số' }),
    start: z.number().int(),
    tag: z.enum(['ul', 'ol']),
    children: z.array(listItemNode),
  }),
);

export const figureNode = z.strictObject({
  type: z.literal('figure'),
  version: z.number().int(),
  /** `media:<sha256>` for a stored image, or an http(s) URL. */
  src: z.string().refine((s) => /^media:[0-9a-f]{64}$/.test(s) || /^https?:\/\//.test(s), {
    message: 'Ảnh phải là media:<sha256> hoặc một địa chỉ http(s)',
  }),
  alt: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
});
export type FigureNode = z.infer<typeof figureNode>;

export const relatedStoryRef = z.strictObject({
  /** Null when the title was imported but no matching story is in the store. */
  id: z.string().nullable(),
  title: z.string().min(1),
});
export type RelatedStoryRef = z.infer<typeof relatedStoryRef>;

export const relatedStoriesNode = z.strictObject({
  type: z.literal('related-stories'),
  version: z.number().int(),
  stories: z.array(relatedStoryRef),
});
export type RelatedStoriesNode = z.infer<typeof relatedStoriesNode>;

export const blockNode = z.union([paragraphNode, headingNode, quoteNode, listNode, figureNode, relatedStoriesNode]);
export type BlockNode = ParagraphNode | HeadingNode | QuoteNode | ListNode | FigureNode | RelatedStoriesNode;

export const storyBody = z.strictObject({
  root: z.strictObject({
    type: z.literal('root'),
    ...lexicalElementFields,
    children: z.array(blockNode),
  }),
});
export type StoryBody = z.infer<typeof storyBody>;

/** A body with no blocks, as a new story starts. */
export function emptyBody(): StoryBody {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } };
}
