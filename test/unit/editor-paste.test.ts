// @vitest-environment happy-dom
import { createHeadlessEditor } from '@lexical/headless';
import { $getRoot, $insertNodes, $createParagraphNode, type LexicalEditor } from 'lexical';
import { describe, expect, it } from 'vitest';
import { plainTextOfBody, storyBody, TEXT_FORMAT, type StoryBody } from '../../core/story';
import { NEWS_NODES } from '../../core/story/lexical-nodes';
import { cleanPastedHtml } from '../../renderer/editor/paste/clean-html';
import { $storyNodesFromHtml } from '../../renderer/editor/paste/story-nodes';
import { GOOGLE_DOCS_HTML, WEB_PAGE_HTML, WORD_HTML } from '../fixtures/editor-paste';

const clean = (html: string): string => cleanPastedHtml(html).body.innerHTML;

describe('cleanPastedHtml on Word', () => {
  const html = clean(WORD_HTML);

  it('keeps only allowed elements, with no attribute but href', () => {
    const doc = cleanPastedHtml(WORD_HTML);
    const tags = new Set(Array.from(doc.body.querySelectorAll('*')).map((e) => e.localName));
    expect([...tags].sort()).toEqual(['a', 'b', 'h2', 'h3', 'i', 'li', 'ol', 'p', 's', 'u', 'ul']);
    for (const element of Array.from(doc.body.querySelectorAll('*'))) {
      expect(element.getAttributeNames().filter((name) => name !== 'href')).toEqual([]);
    }
    expect(html).not.toMatch(/mso|o:p|MsoNormal|font-family|StartFragment|clip_image/);
  });

  it('maps h1 to h2 and h4 to h3', () => {
    expect(html).toContain('<h2>Đa dạng hoá các hoạt động chăm lo</h2>');
    expect(html).toContain('<h3>Phát động thi đua gắn với 3 khâu đột phá</h3>');
  });

  it('keeps bold and italic, joins Word’s wrapped lines with single spaces and drops empty paragraphs', () => {
    expect(html).toContain(
      '<p>Theo <b>Chủ tịch LĐLĐ quận Hai Bà Trưng</b> Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên, CNVCLĐ là <i>nhiệm vụ quan trọng</i> của tổ chức Công đoàn.</p><ul>',
    );
  });

  it('turns list paragraphs into a nested bulleted list and a separate numbered list, without the bullet glyphs', () => {
    expect(html).toContain(
      '<ul><li>Đẩy mạnh đối thoại, thương lượng tập thể<ul><li>trọng tâm là tiền lương, tiền thưởng</li></ul></li><li>Tập trung phát triển đoàn viên</li></ul>' +
        '<ol><li>Lao động giỏi, lao động sáng tạo</li><li>Công nhân giỏi Thủ đô</li></ol>',
    );
  });

  it('turns table cells into paragraphs', () => {
    expect(html).toContain('<p>Năm 2025</p><p>1.296 CNVCLĐ</p>');
  });

  it('keeps allowed links, strike and underline, and drops a javascript: link and the local image', () => {
    expect(html).toContain(
      '<p>Xem <a href="https://laodongthudo.vn/ldld-quan-hai-ba-trung.html">bài gốc</a> và đừng bấm; <s>bản cũ</s> <u>gạch chân</u></p>',
    );
    expect(html.endsWith('</u></p>')).toBe(true);
  });
});

describe('cleanPastedHtml on Google Docs', () => {
  const html = clean(GOOGLE_DOCS_HTML);

  it('does not make everything bold because of the docs-internal-guid wrapper', () => {
    expect(html.startsWith('<h2>Phát động thi đua gắn với 3 khâu đột phá</h2><p>Ngày 21/11')).toBe(true);
  });

  it('reads bold, italic and strikethrough from CSS, and a link’s CSS underline is not an underline', () => {
    expect(html).toContain(
      '<p>Ngày 21/11, Đoàn khảo sát của <b>Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội</b><i> đã có buổi khảo sát</i> tại <a href="https://laodongthudo.vn/cum-thi-dua-so-4.html">Cụm thi đua số 4</a><s> năm 2023</s>.</p>',
    );
  });

  it('unwraps <li><p> and nests a list that Docs puts directly inside a list', () => {
    expect(html).toContain('<ol><li>Phúc Thọ, Ba Vì<ol><li>Hoài Đức</li></ol></li><li><b>Quốc Oai</b></li></ol>');
  });

  it('flattens the table and drops the trailing interchange break', () => {
    expect(html.endsWith('<p>Huyện</p><p>Quốc Oai</p>')).toBe(true);
  });
});

describe('cleanPastedHtml on a web page', () => {
  const html = clean(WEB_PAGE_HTML);

  it('turns layout divs into paragraphs and keeps the sapo’s CSS bold', () => {
    expect(html.startsWith('<p><b>Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội đã có buổi khảo sát.</b></p>')).toBe(true);
  });

  it('drops scripts, iframes and images but keeps a figure’s caption as text', () => {
    expect(html).not.toMatch(/script|dataLayer|iframe|img|figure/);
    expect(html).toContain('<p><i>Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu.</i></p>');
  });

  it('keeps a relative link’s text without the link, and a mailto link without its handlers', () => {
    expect(html).toContain('<ul><li>Kiểm tra, giám sát chuyên đề công tác nữ công</li></ul>');
    expect(html).toContain('<p>Liên hệ: <a href="mailto:toasoan@laodongthudo.vn">toasoan@laodongthudo.vn</a></p>');
  });

  it('keeps a multi-paragraph quote as one quote with line breaks, and h3 as h3', () => {
    expect(html).toContain('<h3>Kết quả nổi bật</h3><blockquote>Tất cả vì đoàn viên,<br>người lao động.</blockquote>');
  });

  it('turns non-breaking spaces into plain ones and collapses runs of spaces', () => {
    expect(html).toContain('Huyện ủy, Chủ tịch');
    expect(html.endsWith('<p>Mạnh Quân</p>')).toBe(true);
  });
});

describe('cleanPastedHtml edge cases', () => {
  it.each([
    ['', ''],
    ['<p>&nbsp;</p><p> </p>', ''],
    ['<span style="font-weight:bold">đậm</span> và thường', '<p><b>đậm</b> và thường</p>'],
    ['<p>hoa\u0300 thuận</p>', '<p>hoà thuận</p>'],
    ['<h5 style="color:red">nhỏ</h5>', '<h3>nhỏ</h3>'],
    ['<a href="data:text/html,x">dữ liệu</a>', '<p>dữ liệu</p>'],
    ['<p>một<br>hai<br></p>', '<p>một<br>hai</p>'],
  ])('%j → %j', (input, output) => {
    expect(clean(input)).toBe(output);
  });
});

function bodyAfterPaste(html: string): StoryBody {
  const editor: LexicalEditor = createHeadlessEditor({
    nodes: [...NEWS_NODES],
    onError: (error) => {
      throw error;
    },
  });
  editor.update(
    () => {
      const root = $getRoot();
      root.append($createParagraphNode());
      root.selectEnd();
      $insertNodes($storyNodesFromHtml(editor, html));
    },
    { discrete: true },
  );
  return storyBody.parse(editor.getEditorState().toJSON());
}

describe('pasting into Lexical', () => {
  it.each([
    ['Word', WORD_HTML],
    ['Google Docs', GOOGLE_DOCS_HTML],
    ['a web page', WEB_PAGE_HTML],
  ])('from %s gives a body the story schema accepts', (_source, html) => {
    const body = bodyAfterPaste(html);
    expect(body.root.children.length).toBeGreaterThan(4);
    const json = JSON.stringify(body);
    expect(json).not.toMatch(/font-|color|mso/);
  });

  it('keeps the Word structure: headings, formats, lists and links', () => {
    const body = bodyAfterPaste(WORD_HTML);
    const types = body.root.children.map((node) => (node.type === 'heading' ? node.tag : node.type === 'list' ? node.listType : node.type));
    expect(types).toContain('h2');
    expect(types).toContain('h3');
    expect(types).toContain('bullet');
    expect(types).toContain('number');
    const paragraph = body.root.children.find((n) => n.type === 'paragraph' && plainTextOfBody({ root: { ...body.root, children: [n] } }).startsWith('Theo'));
    expect(paragraph?.type).toBe('paragraph');
    if (paragraph?.type !== 'paragraph') return;
    const bold = paragraph.children.find((n) => n.type === 'text' && n.text === 'Chủ tịch LĐLĐ quận Hai Bà Trưng');
    expect(bold?.type === 'text' && bold.format).toBe(TEXT_FORMAT.bold);
    const text = plainTextOfBody(body);
    expect(text).toContain('Xem bài gốc và đừng bấm');
    expect(json(body)).toContain('"url":"https://laodongthudo.vn/ldld-quan-hai-ba-trung.html"');
    expect(json(body)).not.toContain('javascript');
  });

  it('keeps the Google Docs text unbolded except the bold run', () => {
    const body = bodyAfterPaste(GOOGLE_DOCS_HTML);
    const boldTexts = textRuns(body)
      .filter((run) => (run.format & TEXT_FORMAT.bold) !== 0)
      .map((run) => run.text);
    expect(boldTexts.sort()).toEqual(['Liên đoàn Lao động (LĐLĐ) thành phố Hà Nội', 'Quốc Oai']);
  });
});

function textRuns(value: unknown): Array<{ text: string; format: number }> {
  if (Array.isArray(value)) return value.flatMap(textRuns);
  if (typeof value !== 'object' || value === null) return [];
  const node = value as Record<string, unknown>;
  if (node.type === 'text' && typeof node.text === 'string' && typeof node.format === 'number') return [{ text: node.text, format: node.format }];
  return Object.values(node).flatMap(textRuns);
}

function json(body: StoryBody): string {
  return JSON.stringify(body);
}
