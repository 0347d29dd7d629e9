// The story body for the public page: core/render turns Lexical JSON into HTML
// (escaping as it goes), then sanitize-html checks the result against the short
// list of tags a news body uses. Two independent layers, so a slip in one is not
// enough for story content to run script.
import sanitizeHtml from 'sanitize-html';
import { renderBodyHtml } from '../../core/render';
import type { StoryBody } from '../../core/story';

const BODY_POLICY: sanitizeHtml.IOptions = {
  allowedTags: [
    'p', 'br', 'h2', 'h3', 'blockquote', 'ul', 'ol', 'li', 'a', 'strong', 'em', 'u', 's', 'sub', 'sup', 'code',
    'figure', 'img', 'figcaption', 'span', 'aside',
  ],
  allowedAttributes: {
    a: ['href', 'title', 'target', 'rel', 'data-story-id'],
    img: ['src', 'alt', 'loading'],
    ol: ['start'],
    span: ['class'],
    aside: ['class'],
  },
  allowedClasses: { span: ['credit'], aside: ['related-stories'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  allowedSchemesByTag: { img: ['http', 'https'] },
  allowedSchemesAppliedToAttributes: ['href', 'src'],
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  transformTags: {
    img: (tagName, attribs) => ({ tagName, attribs: { ...attribs, loading: 'lazy' } }),
  },
};

export type BodyOptions = {
  /** Public URL of a related story, or null when it is not (or no longer) published. */
  storyUrl: (id: string) => string | null;
  siteOrigin?: string;
};

export function sanitizeBodyHtml(markup: string): string {
  return sanitizeHtml(markup, BODY_POLICY);
}

export function renderArticleBody(body: StoryBody, options: BodyOptions): string {
  return sanitizeBodyHtml(
    renderBodyHtml(body, {
      mediaUrl: (sha256) => `/media/${sha256}`,
      storyUrl: options.storyUrl,
      siteOrigin: options.siteOrigin,
    }),
  );
}
