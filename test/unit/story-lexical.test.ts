import { createHeadlessEditor } from '@lexical/headless';
import { withDOM } from '@lexical/headless/dom';
import { $generateHtmlFromNodes, $generateNodesFromDOM } from '@lexical/html';
import { $getRoot, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import {
  blocksFromBody,
  bodyFromBlocks,
  forEachBlock,
  hasBlockIds,
  lexicalForm,
  nodes,
  randomBlockId,
  TEXT_FORMAT,
  storyBody,
  withBlockIds,
  withoutBlockIds,
  type StoryBody,
} from '../../core/story';
import {
  $createFigureNode,
  $createRelatedStoriesNode,
  $isFigureNode,
  $isRelatedStoriesNode,
  FigureNode,
  NEWS_NODES,
  RelatedStoriesNode,
} from '../../core/story/lexical-nodes';
import { renderBodyHtml } from '../../core/render/html';
import { everyNodeBody, STORY_A } from '../fixtures/story-lexical';
import { sampleArticle } from '../fixtures/story-sample-blocks';
import { SAMPLE_FILES } from '../fixtures/text-samples';

function newsEditor(): LexicalEditor {
  return createHeadlessEditor({
    namespace: 'newsdesk-test',
    nodes: NEWS_NODES,
    onError: (error) => {
      throw error;
    },
  });
}

/** The body after a trip through a Lexical editor and back to JSON. */
function throughEditor(body: StoryBody): unknown {
  const editor = newsEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

function lexicalHtml(body: StoryBody): string {
  const editor = newsEditor();
  editor.setEditorState(editor.parseEditorState(JSON.stringify(body)));
  return withDOM(() => editor.getEditorState().read(() => $generateHtmlFromNodes(editor, null)));
}

/** HTML read back by Lexical's own importDOM, as a paste would be. */
function bodyFromHtml(html: string): unknown {
  const editor = newsEditor();
  withDOM((window) => {
    editor.update(
      () => {
        const dom = new window.DOMParser().parseFromString(html, 'text/html');
        $getRoot().clear().append(...$generateNodesFromDOM(editor, dom));
      },
      { discrete: true },
    );
  });
  return JSON.parse(JSON.stringify(editor.getEditorState().toJSON()));
}

// Elements that shape the page; inline wrappers (span, strong, b, a...) are looked through.
const STRUCTURE_TAGS = new Set(['P', 'H2', 'H3', 'BLOCKQUOTE', 'UL', 'OL', 'LI', 'FIGURE', 'IMG', 'FIGCAPTION', 'ASIDE', 'BR']);
type Shape = { tag: string; children: Shape[] };
const FORMAT_OF: Record<string, string> = {
  STRONG: 'bold', B: 'bold', EM: 'italic', I: 'italic', U: 'underline', S: 'strikethrough',
  CODE: 'code', SUB: 'subscript', SUP: 'superscript',
};

type Page = { blocks: Shape[]; texts: string[]; formatted: string[]; links: string[]; images: string[] };

/** What a reader sees of an HTML fragment: block structure, block texts, formatting, links and images. */
function readPage(html: string): Page {
  return withDOM((window) => {
    const doc = new window.DOMParser().parseFromString(`<body>${html}</body>`, 'text/html');
    const shape = (el: Element): Shape[] =>
      Array.from(el.children).flatMap((child) =>
        STRUCTURE_TAGS.has(child.tagName) ? [{ tag: child.tagName.toLowerCase(), children: shape(child) }] : shape(child),
      );
    const formatted: string[] = [];
    const walker = doc.createTreeWalker(doc.body, 4 /* NodeFilter.SHOW_TEXT */);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const formats = new Set<string>();
      for (let el = node.parentElement; el !== null; el = el.parentElement) {
        const format = FORMAT_OF[el.tagName];
        if (format) formats.add(format);
      }
      if (formats.size > 0) formatted.push(`${node.textContent} [${[...formats].sort().join('+')}]`);
    }
    return {
      blocks: shape(doc.body),
      texts: Array.from(doc.body.children).map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim()),
      formatted,
      links: Array.from(doc.querySelectorAll('a[href]')).map((a) => `${a.getAttribute('href')} ${a.textContent}`),
      images: Array.from(doc.querySelectorAll('img')).map((img) => `${img.getAttribute('src')} | ${img.getAttribute('alt')}`),
    };
  });
}

describe('NEWS_NODES', () => {
  it('registers every node type of the body schema beyond Lexical core', () => {
    expect(NEWS_NODES.map((klass) => klass.getType())).toEqual([
      'heading', 'quote', 'list', 'listitem', 'link', 'figure', 'related-stories',
    ]);
  });
});

describe('a body through the Lexical editor', () => {
  it('comes back from JSON unchanged and valid, with every node type', () => {
    const body = everyNodeBody();
    const types = new Set(JSON.stringify(body).match(/"type":"[a-z-]+"/g));
    expect([...types].sort()).toEqual(
      ['figure', 'heading', 'linebreak', 'link', 'list', 'listitem', 'paragraph', 'quote', 'related-stories', 'root', 'text']
        .map((t) => `"type":"${t}"`),
    );
    const after = throughEditor(body);
    expect(storyBody.parse(after)).toEqual(body);
    expect(after).toEqual(body);
  });

  it('keeps the id of every block, list item and nested list, and an old story without ids stays without', () => {
    const body = withBlockIds(everyNodeBody(), randomBlockId);
    const ids: string[] = [];
    forEachBlock(body, (node) => ids.push(node.$?.blockId ?? ''));
    expect(ids).toHaveLength(16);
    const after = storyBody.parse(throughEditor(body));
    expect(hasBlockIds(after)).toBe(true);
    expect(after).toEqual(body);
    const legacy = withoutBlockIds(body);
    expect(throughEditor(legacy)).toEqual(legacy);
  });

  it.each(SAMPLE_FILES)('keeps the sample %s intact', (file) => {
    const body = bodyFromBlocks(sampleArticle(file).blocks, { related: [{ id: null, title: 'Tin khác' }] });
    expect(throughEditor(body)).toEqual(body);
  });

  it('writes HTML with the same blocks, texts, formats, links and images as renderBodyHtml', () => {
    const body = everyNodeBody();
    const ours = readPage(renderBodyHtml(body, { mediaUrl: (sha) => `media:${sha}` }));
    const lexical = readPage(lexicalHtml(body));
    expect(ours.blocks.map((b) => b.tag)).toEqual([
      'aside', 'h2', 'p', 'figure', 'figure', 'p', 'h3', 'blockquote', 'ul', 'ol',
    ]);
    expect(lexical.blocks).toEqual(ours.blocks);
    expect(lexical.texts).toEqual(ours.texts);
    expect(lexical.formatted).toEqual(ours.formatted);
    expect(lexical.links).toEqual(ours.links);
    expect(lexical.images).toEqual(ours.images);
  });

  it('reads renderBodyHtml output back through importDOM into the same blocks', () => {
    const body = everyNodeBody();
    const html = renderBodyHtml(body, { mediaUrl: (sha) => `media:${sha}`, storyUrl: (id) => `/cong-doan/${id}.html` });
    // HTML carries no block ids: a paste from a page gets new ones in the editor.
    const back = storyBody.parse(bodyFromHtml(html));
    const plain = withoutBlockIds(body);
    // A figure without an image has no <img> to carry its alt text; everything else survives.
    const expected = blocksFromBody(body).map((b) => (b.type === 'figure' && !b.src ? { ...b, alt: undefined } : b));
    expect(blocksFromBody(back)).toEqual(expected);
    expect(back.root.children[0]).toEqual(plain.root.children[0]);
    expect(back.root.children.find((b) => b.type === 'figure')).toEqual(plain.root.children.find((b) => b.type === 'figure'));
  });
});

describe('lexicalForm', () => {
  it('writes a body as the editor writes it back: runs joined, lists joined and numbered, paragraph format from its first words', () => {
    const { bold } = TEXT_FORMAT;
    const untidy = withBlockIds(
      nodes.bodyOf([
        nodes.paragraph([nodes.textRun('Tết sum vầy', bold), nodes.textRun(' - ', bold), nodes.textRun('Xuân ơn Đảng')]),
        { ...nodes.paragraph([nodes.textRun('Phúc Thọ', bold)]), textFormat: 0 },
        nodes.list('bullet', [[nodes.textRun('Phúc Thọ')], [nodes.textRun('Ba Vì')]]),
        nodes.list('bullet', [[nodes.textRun('Sơn Tây'), nodes.list('number', [[nodes.textRun('Đường Lâm')]], 1), nodes.list('number', [[nodes.textRun('Tây Đằng')]], 1)]]),
        nodes.list('number', [[nodes.textRun('Đẩy mạnh đối thoại')]]),
      ]),
      randomBlockId,
    );
    const tidy = lexicalForm(untidy);
    expect(tidy).not.toEqual(untidy);
    expect(throughEditor(untidy)).toEqual(tidy);
    expect(throughEditor(tidy)).toEqual(tidy);
    expect(lexicalForm(tidy)).toEqual(tidy);
    expect(tidy.root.children.map((b) => b.type)).toEqual(['paragraph', 'paragraph', 'list', 'list']);
  });

  it('leaves a body the editor wrote as it is', () => {
    const body = withBlockIds(everyNodeBody(), randomBlockId);
    expect(lexicalForm(body)).toEqual(body);
  });
});

describe('FigureNode and RelatedStoriesNode', () => {
  it('turn untrusted JSON into safe fields', () => {
    const editor = newsEditor();
    editor.update(
      () => {
        const figure = FigureNode.importJSON({ type: 'figure', src: 'javascript:alert(1)', caption: 42, credit: 'H.Phong' });
        expect(figure.exportJSON()).toEqual({ type: 'figure', version: 1, src: '', alt: '', caption: '', credit: 'H.Phong' });
        const related = RelatedStoriesNode.importJSON({
          type: 'related-stories',
          stories: [{ id: STORY_A, title: 'Tin A' }, { title: 'thiếu id' }, 'Tin B', { id: null, title: '' }],
        });
        expect(related.exportJSON()).toEqual({ type: 'related-stories', version: 1, stories: [{ id: STORY_A, title: 'Tin A' }] });
      },
      { discrete: true },
    );
  });

  it('are block decorators that draw nothing until the desktop editor subclasses them', () => {
    const editor = newsEditor();
    editor.update(
      () => {
        const figure = $createFigureNode({ caption: 'Ảnh', src: 'https://laodongthudo.vn/a.jpg' });
        const related = $createRelatedStoriesNode([{ id: null, title: 'Tin khác' }]);
        $getRoot().append(figure, related);
        expect($isFigureNode(figure) && !$isFigureNode(related)).toBe(true);
        expect($isRelatedStoriesNode(related) && !$isRelatedStoriesNode(figure)).toBe(true);
        expect(figure.isInline() || related.isInline()).toBe(false);
        expect(figure.decorate()).toBeNull();
        expect(figure.setFields({ credit: 'Mạnh Quân', src: 'data:x' }).getFields()).toEqual({
          src: '', alt: '', caption: 'Ảnh', credit: 'Mạnh Quân',
        });
        expect([figure.getTextContent(), related.getTextContent()]).toEqual(['Ảnh', '']);
      },
      { discrete: true },
    );
  });
});
