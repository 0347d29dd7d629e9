// The pre-publication checklist on real Vietnamese articles.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseArticleText, toStoryContent } from '../../core/import';
import { nodes, type StoryContent } from '../../core/story';
import {
  blockingFailures,
  checklistConfig,
  checklistFor,
  DEFAULT_CHECKLIST_CONFIG,
  DEFAULT_SECTION_CHECKLIST,
  effectiveSlug,
  runChecklist,
  type ChecklistContext,
  type SectionChecklist,
} from '../../core/workflow';
import { sampleContent, STORY_ID } from '../helpers/workflow-stories';

const OTHER_ID = '0196f0a2-0000-7000-8000-000000000001';
const noSlugs: ChecklistContext = { slugOwner: () => null };

function run(content: StoryContent, config: SectionChecklist = DEFAULT_SECTION_CHECKLIST, ctx: ChecklistContext = noSlugs) {
  return runChecklist({ ...content, id: STORY_ID }, config, ctx);
}
const resultOf = (content: StoryContent, check: string, config?: SectionChecklist, ctx?: ChecklistContext) =>
  run(content, config, ctx).find((r) => r.check === check);

describe('the sample articles', () => {
  it('a sample ready for the site passes every check', () => {
    const results = run(sampleContent());
    expect(results.map((r) => [r.check, r.level, r.ok])).toEqual([
      ['headline', 'blocking', true],
      ['sapo', 'warning', true],
      ['byline', 'blocking', true],
      ['section', 'blocking', true],
      ['figures', 'blocking', true],
      ['slug', 'warning', true],
    ]);
    expect(results.map((r) => r.message)).toEqual([
      'Tít dài 76/120 ký tự',
      'Sapo có 60 chữ (20–100 chữ)',
      'Tác giả: Mạnh Quân',
      'Chuyên mục: Công đoàn',
      'Cả 2 ảnh đều có tệp, chú thích và alt',
      'Đường dẫn “cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien” chưa bài nào khác dùng',
    ]);
  });

  it('a sample just imported from text is blocked: no section, figures without image or alt', () => {
    const url = new URL('../../../shared/samples/articles/ldld-hai-ba-trung-doi-moi.txt', import.meta.url);
    const imported = toStoryContent(parseArticleText(readFileSync(url, 'utf8')));
    expect(blockingFailures(run(imported)).map((r) => r.message)).toEqual([
      'Bài chưa có chuyên mục',
      'Ảnh 1 thiếu tệp ảnh và văn bản thay thế (alt); ảnh 2 thiếu tệp ảnh và văn bản thay thế (alt); ' +
        'ảnh 3 thiếu tệp ảnh và văn bản thay thế (alt); ảnh 4 thiếu tệp ảnh và văn bản thay thế (alt)',
    ]);
  });
});

describe('headline', () => {
  const limit = { ...DEFAULT_SECTION_CHECKLIST, headline: { level: 'blocking' as const, maxLength: 20 } };
  it.each([
    ['Giá vàng hôm nay', true, 'Tít dài 16/20 ký tự'],
    ['Hà Nội mưa lớn cả tuần', false, 'Tít dài 22 ký tự, vượt giới hạn 20 ký tự'],
    // Written decomposed (NFD), it is still 20 letters once composed.
    ['Đoàn viên được chăm lo'.normalize('NFD').slice(0, 24), true, null],
    ['   ', false, 'Bài chưa có tít'],
    ['', false, 'Bài chưa có tít'],
  ])('%j', (headline, ok, message) => {
    const result = resultOf({ ...sampleContent(), headline }, 'headline', limit);
    expect(result?.ok).toBe(ok);
    if (message !== null) expect(result?.message).toBe(message);
  });

  it('counts exactly at the limit as within it', () => {
    expect(resultOf({ ...sampleContent(), headline: 'Chăm lo cho đoàn viên' }, 'headline', { ...limit, headline: { level: 'blocking', maxLength: 21 } })?.ok).toBe(true);
  });
});

describe('sapo, counted in syllables', () => {
  const range = { ...DEFAULT_SECTION_CHECKLIST, sapo: { level: 'warning' as const, minWords: 5, maxWords: 8 } };
  it.each([
    ['Công đoàn chăm lo đoàn viên', true, 'Sapo có 6 chữ (5–8 chữ)'],
    // A dash standing alone is not a word.
    ['Hà Nội – mưa lớn', false, 'Sapo có 4 chữ, ít hơn mức 5–8 chữ'],
    ['Ngày 21/11, Đoàn khảo sát của LĐLĐ thành phố Hà Nội', false, 'Sapo có 11 chữ, nhiều hơn mức 5–8 chữ'],
    ['Đúng — năm chữ — tối thiểu', true, 'Sapo có 5 chữ (5–8 chữ)'],
    ['', false, 'Bài chưa có sapo'],
  ])('%j', (sapo, ok, message) => {
    expect(resultOf({ ...sampleContent(), sapo }, 'sapo', range)).toEqual({ check: 'sapo', level: 'warning', ok, message });
  });
});

describe('byline and section', () => {
  it.each([
    ['byline', { byline: ' ' }, 'Bài chưa có tên tác giả'],
    ['section', { section: '' }, 'Bài chưa có chuyên mục'],
  ] as const)('%s missing', (check, change, message) => {
    expect(resultOf({ ...sampleContent(), ...change }, check)).toEqual({ check, level: 'blocking', ok: false, message });
  });
});

describe('figures', () => {
  const withFigures = (...figures: Array<Parameters<typeof nodes.figure>[0]>): StoryContent => ({
    ...sampleContent(),
    body: nodes.bodyOf([nodes.paragraph([nodes.textRun('Phó Chủ tịch LĐLĐ phát biểu.')]), ...figures.map((f) => nodes.figure(f))]),
  });
  const image = `media:${'b'.repeat(64)}`;

  it.each([
    [[], true, 'Bài không có ảnh'],
    [[{ src: image, caption: 'Quang cảnh buổi khảo sát', alt: 'Quang cảnh buổi khảo sát' }], true, 'Ảnh có tệp, chú thích và alt'],
    [[{ src: image, caption: ' ', alt: 'Hội nghị' }], false, 'Ảnh 1 thiếu chú thích'],
    [
      [
        { src: image, caption: 'Trao quà Tết', alt: 'Trao quà Tết' },
        { src: '', caption: '', alt: '' },
      ],
      false,
      'Ảnh 2 thiếu tệp ảnh, chú thích và văn bản thay thế (alt)',
    ],
  ] as const)('%j', (figures, ok, message) => {
    expect(resultOf(withFigures(...figures), 'figures')).toMatchObject({ ok, message });
  });
});

describe('slug unique in its section', () => {
  const story = sampleContent();
  const slug = 'cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien';

  it('asks about the section and the slug the story would be published under', () => {
    const asked: Array<[string, string]> = [];
    resultOf({ ...story, slug: '' }, 'slug', undefined, { slugOwner: (section, s) => (asked.push([section, s]), null) });
    expect(asked).toEqual([['Công đoàn', slug]]);
    expect(effectiveSlug({ slug: '', headline: story.headline })).toBe(slug);
    expect(effectiveSlug({ slug: 'cum-thi-dua-4', headline: story.headline })).toBe('cum-thi-dua-4');
  });

  it('another story with the slug fails; the story itself does not', () => {
    expect(resultOf(story, 'slug', undefined, { slugOwner: () => OTHER_ID })).toMatchObject({
      ok: false,
      message: `Đường dẫn “${slug}” đã có bài khác dùng trong chuyên mục này`,
    });
    expect(resultOf(story, 'slug', undefined, { slugOwner: () => STORY_ID })?.ok).toBe(true);
  });

  it('a headline with no letters or digits makes no slug', () => {
    expect(resultOf({ ...story, headline: '— … —', slug: '' }, 'slug')).toMatchObject({ ok: false, message: 'Không tạo được đường dẫn (slug) từ tít bài' });
  });
});

describe('levels and configuration', () => {
  it('"off" leaves a check out; "warning" never blocks', () => {
    const config: SectionChecklist = { ...DEFAULT_SECTION_CHECKLIST, sapo: { level: 'off', minWords: 0, maxWords: 0 }, byline: { level: 'warning' } };
    const results = run({ ...sampleContent(), byline: '' }, config);
    expect(results.map((r) => r.check)).not.toContain('sapo');
    expect(results.find((r) => r.check === 'byline')).toMatchObject({ level: 'warning', ok: false });
    expect(blockingFailures(results)).toEqual([]);
  });

  it('a section’s own checklist is found whatever the case or tone marks; others use the default', () => {
    const strict: SectionChecklist = { ...DEFAULT_SECTION_CHECKLIST, headline: { level: 'blocking', maxLength: 80 } };
    const config = checklistConfig.parse({ default: DEFAULT_SECTION_CHECKLIST, sections: { 'Thời sự': strict } });
    expect(checklistFor(config, 'thời sự')).toEqual(strict);
    expect(checklistFor(config, 'THỜI SỰ')).toEqual(strict);
    expect(checklistFor(config, 'Công đoàn')).toEqual(DEFAULT_SECTION_CHECKLIST);
    expect(checklistFor(config, '')).toEqual(DEFAULT_SECTION_CHECKLIST);
  });

  it('the default configuration is valid', () => {
    expect(checklistConfig.parse(DEFAULT_CHECKLIST_CONFIG)).toEqual(DEFAULT_CHECKLIST_CONFIG);
  });

  it.each([
    [{ ...DEFAULT_SECTION_CHECKLIST, sapo: { level: 'warning', minWords: 90, maxWords: 20 } }, 'Số chữ tối thiểu của sapo lớn hơn số chữ tối đa'],
    [{ ...DEFAULT_SECTION_CHECKLIST, byline: { level: 'maybe' } }, 'Mức kiểm tra phải là blocking, warning hoặc off'],
  ])('an invalid configuration is refused in words', (section, message) => {
    const parsed = checklistConfig.safeParse({ default: section, sections: {} });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues.map((i) => i.message)).toContain(message);
  });
});
