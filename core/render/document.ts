// A story as one standalone HTML file (the CLI's `export --format html`): the
// article parts in the order the site shows them, with no site furniture, so
// it opens in any browser and pastes cleanly into other systems.
import type { StoryContent } from '../story';
import { escapeHtml } from './escape';
import { renderBodyHtml, type RenderHtmlOptions } from './html';

type DocumentExportable = Pick<StoryContent, 'headline' | 'sapo' | 'byline' | 'body'>;

/** A complete UTF-8 HTML5 document: headline as h1, sapo, body, byline. */
export function renderStoryDocument(content: DocumentExportable, options: RenderHtmlOptions = {}): string {
  const headline = escapeHtml(content.headline);
  const parts = [
    `<h1>${headline}</h1>`,
    content.sapo === '' ? '' : `<p class="sapo"><strong>${escapeHtml(content.sapo)}</strong></p>`,
    renderBodyHtml(content.body, options),
    content.byline === '' ? '' : `<p class="byline"><strong>${escapeHtml(content.byline)}</strong></p>`,
  ].filter((part) => part !== '');
  return [
    '<!doctype html>',
    '<html lang="vi">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${headline}</title>`,
    '</head>',
    '<body>',
    '<article>',
    ...parts,
    '</article>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
