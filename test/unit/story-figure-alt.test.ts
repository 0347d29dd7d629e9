// Alt text of a figure: what the writer typed, else the caption. Stories
// written before the field was edited have alt '' (or none at all) and stay
// valid; every way out (core's HTML, the site, Lexical's HTML export) writes
// the same <img alt>, and a trip through Lexical's JSON or HTML keeps it.
import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $getRoot } from 'lexical';
import { describe, expect, it } from 'vitest';
import { renderBodyHtml } from '../../core/render/html';
import { figureAltText, nodes, storyBody, type StoryBody } from '../../core/story';
import { renderArticleBody } from '../../server/site/body';
import { newsEditor, throughEditor } from '../helpers/lexical-editor';
import { attrs, parseHtml } from '../helpers/server/dom';

const SHA = 'a'.repeat(64);
const CAPTION = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.';
const ALT = 'Cán bộ công đoàn trao túi quà Tết cho một nữ công nhân mặc áo xanh trước cổng nhà máy';

const bodyWith = (figure: Record<string, unknown>): StoryBody =>
  storyBody.parse({ root: { type: 'root', version: 1, children: [{ type: 'figure', version: 1, src: `media:${SHA}`, caption: CAPTION, ...figure }] } });

const lexicalHtml = (body: StoryBody): string => {
  const editor = newsEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return withDOM(() => editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)));
};

const fromHtml = (html: string): StoryBody => {
  const editor = newsEditor();
  withDOM((window) => {
    editor.update(() => $getRoot().clear().append(...$generateNodesFromDOM(editor, new window.DOMParser().parseFromString(html, 'text/html'))), {
      discrete: true,
    });
  });
  return storyBody.parse(JSON.parse(JSON.stringify(editor.getEditorState().toJSON())));
};

const imgAlt = (html: string): string[] => attrs(parseHtml(html), 'img', 'alt');
const figureOf = (body: StoryBody) => body.root.children.find((block) => block.type === 'figure');

describe('a figure’s alt text', () => {
  it('is optional in a stored body: an older figure without it is valid and reads its caption', () => {
    const older = bodyWith({});
    expect(figureOf(older)).toMatchObject({ alt: '', caption: CAPTION });
    expect(figureAltText({ alt: '', caption: CAPTION })).toBe(CAPTION);
    expect(figureAltText({ alt: '   ', caption: CAPTION })).toBe(CAPTION);
    expect(figureAltText({ alt: ALT, caption: CAPTION })).toBe(ALT);
  });

  it.each([
    ['no alt text', {}, CAPTION],
    ['alt text of its own', { alt: ALT }, ALT],
  ])('with %s, core’s HTML, the site and Lexical’s export all write the same <img alt>', (_case, figure, expected) => {
    const body = bodyWith(figure);
    expect(imgAlt(renderBodyHtml(body))).toEqual([expected]);
    expect(imgAlt(renderArticleBody(body, { storyUrl: () => null }))).toEqual([expected]);
    expect(imgAlt(lexicalHtml(body))).toEqual([expected]);
  });

  it.each([
    ['no alt text', {}],
    ['alt text of its own', { alt: ALT }],
  ])('with %s, survives Lexical’s JSON and a copy and paste of its HTML', (_case, figure) => {
    const body = bodyWith(figure);
    const fields = { src: `media:${SHA}`, alt: 'alt' in figure ? figure.alt : '', caption: CAPTION, credit: '' };
    expect(figureOf(body)).toMatchObject(fields);
    expect(figureOf(storyBody.parse(throughEditor(body)))).toMatchObject(fields);
    expect(figureOf(fromHtml(lexicalHtml(body)))).toMatchObject(fields);
  });

  it('is written into an exported HTML with the alt and caption escaped', () => {
    const body = nodes.bodyOf([nodes.figure({ src: `media:${SHA}`, alt: 'Ảnh "Tết sum vầy" <2025>', caption: CAPTION })]);
    const html = renderBodyHtml(body);
    expect(html).toContain('alt="Ảnh &quot;Tết sum vầy&quot; &lt;2025&gt;"');
    expect(imgAlt(html)).toEqual(['Ảnh "Tết sum vầy" <2025>']);
  });
});
