export { renderBodyHtml, type RenderHtmlOptions } from './html';
export { renderStoryDocument } from './document';
export { renderStoryText } from './text';
export { escapeHtml, escapeAttribute } from './escape';
