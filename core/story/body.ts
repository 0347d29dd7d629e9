// The story body is Lexical's serialized editor state, restricted to the nodes a
// news article uses. This file is the one place that lists them:
//
//   root            the document
//   paragraph       body text
//   heading         subheading, h2 or h3 only (the page's h1 is the headline)
//   quote           blockquote
//   list, listitem  bulleted ("bullet") or numbered ("number") lists; an item may
//                   hold a nested list
//   link            inline link; http, https and mailto only
//   text            a run of text; `format` is Lexical's bitmask (bold 1, italic 2,
//                   strikethrough 4, underline 8, code 16, subscript 32, superscript 64)
//   linebreak       a soft break inside a block
//   figure          an image with caption and photo credit. `src` is `media:<sha256>`
//                   for a stored image, an http(s) URL, or '' when the image is
//                   missing: an imported text names a photo ("alt" line + caption)
//                   but carries no image, and the caption must not be lost. Renderers
//                   show the caption without an <img> until a desk attaches one.
//   related-stories a block of links to related stories, picked from the store
//
// Every block and list item may carry its id in "$" (Lexical's NodeState), see
// ./block-id. The id is optional here, for stories stored before ids existed;
// withBlockIds gives them one when they are loaded.
//
// The Lexical classes for figure and related-stories are in ./lexical-nodes.
// Fields Lexical writes that we do not use (direction, indent, textStyle...) are
// accepted so that the editor's own output round-trips; anything else is refused,
// with a message that names the node (see ./body-issues).
import { limitBody } from './body-limits';
import { z } from 'zod';
import { nodeObjectIssue, unknownNodeIssue } from './body-issues';
import { blockState, type BlockState } from './block-state';

const blockFormat = z.union([z.literal(''), z.enum(['left', 'start', 'center', 'right', 'end', 'justify']), z.number()]);
type BlockFormat = z.infer<typeof blockFormat>;
const lexicalElementFields = {
  version: z.number().int(),
  direction: z.enum(['ltr', 'rtl']).nullable().optional(),
  format: blockFormat.optional(),
  indent: z.number().int().min(0).optional(),
  textFormat: z.number().int().optional(),
  textStyle: z.string().optional(),
};
/** Blocks and list items carry their id here (see ./block-id); optional until a body is loaded. */
const blockFields = { $: blockState.optional() };

function nodeObject<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, { error: nodeObjectIssue });
}

export const TEXT_FORMAT = {
  bold: 1,
  italic: 2,
  strikethrough: 4,
  underline: 8,
  code: 16,
  subscript: 32,
  superscript: 64,
} as const;

export const textNode = nodeObject({
  type: z.literal('text'),
  version: z.number().int(),
  text: z.string(),
  format: z.number().int().min(0).default(0),
  style: z.string().default(''),
  mode: z.enum(['normal', 'token', 'segmented']).default('normal'),
  detail: z.number().int().min(0).default(0),
});
export type TextNode = z.infer<typeof textNode>;

export const lineBreakNode = nodeObject({ type: z.literal('linebreak'), version: z.number().int() });
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

export const linkNode = nodeObject({
  type: z.literal('link'),
  ...lexicalElementFields,
  url: z.string().refine(isAllowedLinkUrl, { message: 'Liên kết chỉ được dùng http, https hoặc mailto' }),
  rel: z.string().nullable().optional(),
  target: z.string().nullable().optional(),
  title: z.string().nullable().optional(),
  children: z.array(
    z.discriminatedUnion('type', [textNode, lineBreakNode], {
      error: unknownNodeIssue('trong liên kết', ['text', 'linebreak']),
    }),
  ),
});
export type LinkNode = z.infer<typeof linkNode>;

const INLINE_TYPES = ['text', 'linebreak', 'link'] as const;
const inlineNode = z.discriminatedUnion('type', [textNode, lineBreakNode, linkNode], {
  error: unknownNodeIssue('trong một khối chữ', INLINE_TYPES),
});
export type InlineNode = z.infer<typeof inlineNode>;

export const paragraphNode = nodeObject({
  type: z.literal('paragraph'),
  ...lexicalElementFields,
  ...blockFields,
  children: z.array(inlineNode),
});
export type ParagraphNode = z.infer<typeof paragraphNode>;

export const headingNode = nodeObject({
  type: z.literal('heading'),
  ...lexicalElementFields,
  ...blockFields,
  tag: z.enum(['h2', 'h3'], { message: 'Tiêu đề phụ chỉ có thể là h2 hoặc h3' }),
  children: z.array(inlineNode),
});
export type HeadingNode = z.infer<typeof headingNode>;

export const quoteNode = nodeObject({
  type: z.literal('quote'),
  ...lexicalElementFields,
  ...blockFields,
  children: z.array(inlineNode),
});
export type QuoteNode = z.infer<typeof quoteNode>;

// Lists nest, so their types are written out and the schemas refer to each other
// through getters (zod's way of declaring recursive objects).
export type ListItemNode = {
  type: 'listitem';
  version: number;
  value: number;
  checked?: boolean | undefined;
  direction?: 'ltr' | 'rtl' | null | undefined;
  format?: BlockFormat | undefined;
  indent?: number | undefined;
  textFormat?: number | undefined;
  textStyle?: string | undefined;
  $?: BlockState | undefined;
  children: Array<InlineNode | ListNode>;
};
export type ListNode = {
  type: 'list';
  version: number;
  listType: 'bullet' | 'number';
  start: number;
  tag: 'ul' | 'ol';
  direction?: 'ltr' | 'rtl' | null | undefined;
  format?: BlockFormat | undefined;
  indent?: number | undefined;
  textFormat?: number | undefined;
  textStyle?: string | undefined;
  $?: BlockState | undefined;
  children: ListItemNode[];
};

export const listItemNode = nodeObject({
  type: z.literal('listitem'),
  ...lexicalElementFields,
  ...blockFields,
  value: z.number().int(),
  checked: z.boolean().optional(),
  get children(): z.ZodArray<z.ZodType<InlineNode | ListNode>> {
    return z.array(listItemChild);
  },
});

export const listNode = nodeObject({
  type: z.literal('list'),
  ...lexicalElementFields,
  ...blockFields,
  listType: z.enum(['bullet', 'number'], { message: 'Danh sách chỉ có thể là gạch đầu dòng hoặc đánh số' }),
  start: z.number().int(),
  tag: z.enum(['ul', 'ol']),
  get children(): z.ZodArray<z.ZodType<ListItemNode>> {
    return z.array(listItemNode);
  },
});

const listItemChild = z.discriminatedUnion('type', [textNode, lineBreakNode, linkNode, listNode], {
  error: unknownNodeIssue('trong một mục danh sách', [...INLINE_TYPES, 'list']),
});

const FIGURE_SRC = /^media:[0-9a-f]{64}$|^https?:\/\/\S+$|^$/;

export const figureNode = nodeObject({
  type: z.literal('figure'),
  version: z.number().int(),
  ...blockFields,
  /** `media:<sha256>` for a stored image, an http(s) URL, or '' for "image missing". */
  src: z
    .string()
    .regex(FIGURE_SRC, { message: 'Ảnh phải là media:<sha256>, một địa chỉ http(s), hoặc để trống' })
    .default(''),
  /** Alt text for the image; '' means "the caption" (see figureAltText). */
  alt: z.string().default(''),
  caption: z.string().default(''),
  credit: z.string().default(''),
});
export type FigureNode = z.infer<typeof figureNode>;

/**
 * The text a reader who cannot see the photo gets (the `alt` of its <img>):
 * what the writer typed as the figure's alt text, else its caption. Stories
 * written before the field existed have no alt text and so read their captions.
 */
export function figureAltText(figure: { alt: string; caption: string }): string {
  return figure.alt.trim() !== '' ? figure.alt : figure.caption;
}

/** Matches the schema's figure `src`: a media reference, an http(s) URL, or ''. */
export function isAllowedFigureSrc(src: string): boolean {
  return FIGURE_SRC.test(src);
}

const MEDIA_SRC = /^media:([0-9a-f]{64})$/;

/** The sha256 of a stored image named by a figure's `src` (`media:<sha256>`), or null for a URL or nothing. */
export function mediaShaOf(src: string): string | null {
  return MEDIA_SRC.exec(src)?.[1] ?? null;
}

export const relatedStoryRef = z.strictObject(
  {
    /** Null when the title was imported but no matching story is in the store. */
    id: z.string().nullable(),
    title: z.string().min(1, { message: 'Tin liên quan phải có tít' }),
  },
  {
    error: (issue) =>
      issue.code === 'unrecognized_keys'
        ? `Tin liên quan có trường không được hỗ trợ: ${issue.keys.join(', ')}`
        : undefined,
  },
);
export type RelatedStoryRef = z.infer<typeof relatedStoryRef>;

export const relatedStoriesNode = nodeObject({
  type: z.literal('related-stories'),
  version: z.number().int(),
  ...blockFields,
  stories: z.array(relatedStoryRef),
});
export type RelatedStoriesNode = z.infer<typeof relatedStoriesNode>;

export const BLOCK_TYPES = ['paragraph', 'heading', 'quote', 'list', 'figure', 'related-stories'] as const;
export const blockNode = z.discriminatedUnion(
  'type',
  [paragraphNode, headingNode, quoteNode, listNode, figureNode, relatedStoriesNode],
  { error: unknownNodeIssue('ở cấp khối của bài', BLOCK_TYPES) },
);
export type BlockNode = ParagraphNode | HeadingNode | QuoteNode | ListNode | FigureNode | RelatedStoriesNode;

const bodyShape = z.strictObject(
  {
    root: nodeObject({
      type: z.literal('root'),
      ...lexicalElementFields,
      children: z.array(blockNode),
    }),
  },
  {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `Nội dung bài có trường không được hỗ trợ: ${issue.keys.join(', ')}`;
      if (issue.code === 'invalid_type') return 'Nội dung bài phải là một đối tượng JSON có "root"';
      return undefined;
    },
  },
);
/** A story body: within STORY_LIMITS (measured first, see ./body-limits), then of the shape above. */
export const storyBody = z.preprocess(limitBody, bodyShape);
export type StoryBody = z.infer<typeof storyBody>;

/** A body with no blocks, as a new story starts. */
export function emptyBody(): StoryBody {
  return { root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [] } };
}
