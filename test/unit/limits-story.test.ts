// The story limits (core/limits) on their own, and as the story schema applies them.
import { describe, expect, it } from 'vitest';
import { checkBodyLimits, checkStoryLimits, measureBody, STORY_LIMITS } from '../../core/limits';
import { bodyFromBlocks, describeBodyError, nodes, storyBody, storyContent, type StoryBody, type StoryContent } from '../../core/story';
import { sampleArticle } from '../fixtures/story-sample-blocks';

const article = sampleArticle('ldld-hai-ba-trung-doi-moi.txt');
const SENTENCE = 'Phó Chủ tịch LĐLĐ thành phố Hà Nội phát biểu tại buổi khảo sát. ';

function sampleContent(): StoryContent {
  return {
    headline: article.headline,
    sapo: article.sapo,
    byline: article.byline,
    section: 'Công đoàn',
    tags: ['cong-doan', 'ha-noi'],
    slug: 'ldld-quan-hai-ba-trung-tiep-tuc-doi-moi',
    related: [article.relatedLine],
    body: bodyFromBlocks(article.blocks),
  };
}

/** A list whose innermost text sits at node depth `depth` (blocks are at 1). */
function bodyWithTextAtDepth(depth: number): unknown {
  let inner: unknown[] = [nodes.textRun('Đa dạng hoá các hoạt động chăm lo')];
  let level = depth - 1;
  if (level % 2 === 1) {
    inner = [nodes.link('https://laodongthudo.vn/', inner as never)];
    level -= 1;
  }
  // Iteratively, so that 100,000 levels can be built: the test must not overflow either.
  for (; level >= 2; level -= 2) {
    inner = [{ type: 'list', version: 1, listType: 'bullet', start: 1, tag: 'ul', children: [{ type: 'listitem', version: 1, value: 1, children: inner }] }];
  }
  return { root: { type: 'root', version: 1, children: inner } };
}

function bodyOfParagraphs(count: number, text = SENTENCE): StoryBody {
  return nodes.bodyOf(Array.from({ length: count }, () => nodes.paragraph([nodes.textRun(text)])));
}

function bodyError(input: unknown): string {
  const result = storyBody.safeParse(input);
  if (result.success) throw new Error('the body was accepted');
  return describeBodyError(result.error);
}

describe('checkStoryLimits', () => {
  it('finds nothing wrong with a sample article', () => {
    expect(checkStoryLimits(sampleContent())).toEqual([]);
  });

  it.each([
    ['headline', { headline: 'Ư'.repeat(501) }, 'Tít quá dài (tối đa 500 ký tự)'],
    ['sapo', { sapo: SENTENCE.repeat(80) }, 'Sapo quá dài (tối đa 5.000 ký tự)'],
    ['byline', { byline: 'Nguyễn Thị Thu Thủy, '.repeat(10) }, 'Tên tác giả quá dài (tối đa 200 ký tự)'],
    ['section', { section: 'Công đoàn '.repeat(11) }, 'Chuyên mục quá dài (tối đa 100 ký tự)'],
    ['slug', { slug: 'cong-doan-'.repeat(20) + 'x' }, 'Slug quá dài (tối đa 200 ký tự)'],
    ['tag', { tags: ['ha-noi', 'đ'.repeat(101)] }, 'Thẻ quá dài (tối đa 100 ký tự)'],
    ['tags', { tags: Array.from({ length: 51 }, (_, i) => `the-${i}`) }, 'Quá nhiều mục thẻ (tối đa 50)'],
    ['related line', { related: [article.relatedLine.repeat(20)] }, 'Tin liên quan quá dài (tối đa 2.000 ký tự)'],
    ['related lines', { related: Array.from({ length: 51 }, () => article.headline) }, 'Quá nhiều mục tin liên quan (tối đa 50)'],
  ])('names a %s over its limit', (_field, change, reason) => {
    expect(checkStoryLimits({ ...sampleContent(), ...change })).toEqual([reason]);
    // The schema says the same, in the same words.
    const result = storyContent.safeParse({ ...sampleContent(), ...change });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.message)).toEqual([reason]);
  });

  it('takes every field exactly at its limit', () => {
    const atLimits = {
      ...sampleContent(),
      headline: 'Ư'.repeat(STORY_LIMITS.headlineChars),
      sapo: 'ộ'.repeat(STORY_LIMITS.sapoChars),
      byline: 'Đ'.repeat(STORY_LIMITS.bylineChars),
      section: 'ơ'.repeat(STORY_LIMITS.sectionChars),
      slug: 'a'.repeat(STORY_LIMITS.slugChars),
      tags: Array.from({ length: STORY_LIMITS.tags }, () => 'ư'.repeat(STORY_LIMITS.tagChars)),
      related: Array.from({ length: STORY_LIMITS.related }, () => 'ă'.repeat(STORY_LIMITS.relatedChars)),
    };
    expect(checkStoryLimits(atLimits)).toEqual([]);
    expect(storyContent.safeParse(atLimits).success).toBe(true);
  });

  it('leaves fields of the wrong type to the schema', () => {
    expect(checkStoryLimits({ headline: 42, tags: 'ha-noi', body: null })).toEqual([]);
    expect(checkStoryLimits(null)).toEqual([]);
    expect(checkStoryLimits('Hà Nội')).toEqual([]);
  });
});

describe('body limits', () => {
  const long = (n: number) => 'Hà Nội '.repeat(Math.ceil(n / 7)).slice(0, n);

  it.each([
    ['a text run', nodes.paragraph([nodes.textRun(long(100_001))]), 'Đoạn chữ ở khối 2 (đoạn văn) quá dài: 100.001 ký tự (tối đa 100.000)'],
    ['a caption', nodes.figure({ caption: long(2_001) }), 'Chú thích ảnh ở khối 2 (ảnh) quá dài: 2.001 ký tự (tối đa 2.000)'],
    ['an alt text', nodes.figure({ alt: long(1_001) }), 'Mô tả ảnh (alt) ở khối 2 (ảnh) quá dài: 1.001 ký tự (tối đa 1.000)'],
    ['a credit', nodes.figure({ credit: long(301) }), 'Nguồn ảnh ở khối 2 (ảnh) quá dài: 301 ký tự (tối đa 300)'],
    ['an image address', nodes.figure({ src: `https://laodongthudo.vn/${'a'.repeat(8_000)}` }), 'Địa chỉ ảnh ở khối 2 (ảnh) quá dài: 8.024 ký tự (tối đa 8.000)'],
    [
      'a link address',
      nodes.list('bullet', [[nodes.link(`https://laodongthudo.vn/?q=${'a'.repeat(8_000)}`, [nodes.textRun('Xem')])]]),
      'Địa chỉ liên kết ở khối 2 (danh sách) quá dài: 8.027 ký tự (tối đa 8.000)',
    ],
    ['a related title', nodes.relatedBlock([article.headline, long(501)]), 'Tít tin liên quan ở khối 2 (tin liên quan) quá dài: 501 ký tự (tối đa 500)'],
    // Second in its paragraph: a paragraph takes its own textStyle from the first run.
    ['a text style', nodes.paragraph([nodes.textRun('Tại '), { ...nodes.textRun('Hà Nội'), style: 'color: red;'.repeat(100) }]), 'Trường “style” ở khối 2 (đoạn văn) quá dài: 1.100 ký tự (tối đa 1.000)'],
  ])('names %s over its limit, and its block', (_name, block, reason) => {
    const body = nodes.bodyOf([nodes.paragraph([nodes.textRun(SENTENCE)]), block]);
    expect(checkBodyLimits(body)).toEqual([reason]);
    expect(bodyError(body)).toBe(reason);
  });

  it('takes a body nested exactly to the depth limit and refuses one level more', () => {
    expect(storyBody.safeParse(bodyWithTextAtDepth(STORY_LIMITS.bodyDepth)).success).toBe(true);
    expect(storyBody.safeParse(bodyWithTextAtDepth(STORY_LIMITS.bodyDepth - 1)).success).toBe(true);
    expect(bodyError(bodyWithTextAtDepth(STORY_LIMITS.bodyDepth + 1))).toBe(
      'Nội dung bài lồng nhau quá sâu ở khối 1 (danh sách): tối đa 24 cấp',
    );
  });

  it('refuses a list nested 100,000 levels deep before the schema walks it, without overflowing the stack', () => {
    const deep = bodyWithTextAtDepth(100_000);
    expect(checkBodyLimits(deep)).toEqual(['Nội dung bài lồng nhau quá sâu ở khối 1 (danh sách): tối đa 24 cấp']);
    expect(bodyError(deep)).toBe('Nội dung bài lồng nhau quá sâu ở khối 1 (danh sách): tối đa 24 cấp');
    expect(storyContent.safeParse({ ...sampleContent(), body: deep }).error?.issues[0]?.path).toEqual(['body']);
  });

  it('refuses JSON nested deep outside the node tree as well', () => {
    let deep: unknown = 'Hà Nội';
    for (let i = 0; i < 100_000; i++) deep = { a: [deep] };
    const body = { root: { type: 'root', version: 1, children: [{ ...nodes.paragraph([]), extra: deep }] } };
    expect(checkBodyLimits(body)).toEqual(['Nội dung bài lồng nhau quá sâu ở khối 1 (đoạn văn): tối đa 52 cấp JSON']);
  });

  it('takes exactly the node limit and refuses one node more', () => {
    // The root and each paragraph with its text run: 1 + 2n nodes, then one empty paragraph.
    const exact = nodes.bodyOf([...bodyOfParagraphs((STORY_LIMITS.bodyNodes - 2) / 2, 'Hà Nội').root.children, nodes.paragraph([])]);
    expect(measureBody(exact).nodes).toBe(STORY_LIMITS.bodyNodes);
    expect(storyBody.safeParse(exact).success).toBe(true);
    const over = nodes.bodyOf([...exact.root.children, nodes.paragraph([])]);
    expect(bodyError(over)).toBe('Nội dung bài có quá nhiều nút: tối đa 20.000');
  });

  it('stops counting a body of 200,000 nodes at the limit', () => {
    const huge = { root: { type: 'root', version: 1, children: Array.from({ length: 200_000 }, () => ({ type: 'linebreak', version: 1 })) } };
    const measure = measureBody(huge);
    expect(measure.issues).toEqual(['Nội dung bài có quá nhiều nút: tối đa 20.000']);
    expect(measure.nodes).toBe(STORY_LIMITS.bodyNodes + 1);
    expect(measure.complete).toBe(false);
  });

  it('refuses more reader text than the whole-body limit', () => {
    const body = bodyOfParagraphs(21, long(99_000));
    expect(checkBodyLimits(body)).toEqual(['Chữ trong bài quá dài: 2.079.000 ký tự (tối đa 2.000.000)']);
  });

  it('refuses a body too large to store, counted as its UTF-8 JSON', () => {
    // 3-byte letters: 15 runs of 99,000 stay under the text limit but pass 4 MB.
    const body = bodyOfParagraphs(15, 'ộ'.repeat(99_000));
    expect(checkBodyLimits(body)).toEqual(['Nội dung bài quá lớn: tối đa 4 MB khi lưu']);
  });

  it('measures the size of a body exactly as JSON.stringify writes it', () => {
    const bodies: unknown[] = [
      bodyFromBlocks(article.blocks),
      nodes.bodyOf([nodes.paragraph([nodes.textRun('Trích "dẫn" \\ tab\t xuống\ndòng \u0001 📰 \uD800 hết')])]),
      { root: { type: 'root', version: 1, format: undefined, children: [{ type: 'paragraph', version: 1.5, children: [] }] } },
    ];
    for (const body of bodies) {
      expect(measureBody(body).bytes).toBe(new TextEncoder().encode(JSON.stringify(body)).byteLength);
    }
  });
});
