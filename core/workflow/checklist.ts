// The pre-publication checklist. Each section of the site may set its own limits
// and say, per check, whether a failure blocks approval and publication or only
// warns. The desk shows the results when approving or publishing; the server runs
// the same function again and refuses a transition whose blocking checks fail.
import { z } from 'zod';
import type { StoryContent } from '../story';
import { countWords, normalizeText, slugify } from '../text';

export const CHECK_NAMES = ['headline', 'sapo', 'byline', 'section', 'figures', 'slug'] as const;
export type CheckName = (typeof CHECK_NAMES)[number];

/** 'off' drops a check for a section that has no use for it. */
export const checkLevel = z.enum(['blocking', 'warning', 'off'], { message: 'Mức kiểm tra phải là blocking, warning hoặc off' });
export type CheckLevel = z.infer<typeof checkLevel>;

const words = z.number().int().min(0).max(1_000);

export const sectionChecklist = z.strictObject({
  headline: z.strictObject({ level: checkLevel, maxLength: z.number().int().min(10).max(500) }),
  sapo: z
    .strictObject({ level: checkLevel, minWords: words, maxWords: words })
    .refine((s) => s.minWords <= s.maxWords, { message: 'Số chữ tối thiểu của sapo lớn hơn số chữ tối đa' }),
  byline: z.strictObject({ level: checkLevel }),
  section: z.strictObject({ level: checkLevel }),
  /** Each figure has its image, a caption and alt text. */
  figures: z.strictObject({ level: checkLevel }),
  slug: z.strictObject({ level: checkLevel }),
});
export type SectionChecklist = z.infer<typeof sectionChecklist>;

/** The server's configuration: one default and, by section name, the sections that differ. */
export const checklistConfig = z.strictObject({
  default: sectionChecklist,
  sections: z.record(z.string().min(1).max(100), sectionChecklist),
});
export type ChecklistConfig = z.infer<typeof checklistConfig>;

/**
 * A duplicate slug never breaks a link, since every address carries the story's
 * short id; it only makes two addresses look alike. So it warns by default.
 */
export const DEFAULT_SECTION_CHECKLIST: SectionChecklist = {
  headline: { level: 'blocking', maxLength: 120 },
  sapo: { level: 'warning', minWords: 20, maxWords: 100 },
  byline: { level: 'blocking' },
  section: { level: 'blocking' },
  figures: { level: 'blocking' },
  slug: { level: 'warning' },
};

export const DEFAULT_CHECKLIST_CONFIG: ChecklistConfig = { default: DEFAULT_SECTION_CHECKLIST, sections: {} };

/** The checklist of a section; names match without regard to case or tone marks ("Thời sự" = "thời sự"). */
export function checklistFor(config: ChecklistConfig, section: string): SectionChecklist {
  const key = slugify(section);
  if (key === '') return config.default;
  const match = Object.entries(config.sections).find(([name]) => slugify(name) === key);
  return match ? match[1] : config.default;
}

export interface CheckResult {
  check: CheckName;
  level: 'blocking' | 'warning';
  ok: boolean;
  message: string;
}

export interface ChecklistContext {
  /**
   * The id of a story other than this one that already uses `slug` in `section`,
   * or null. The server answers from its addresses; PostgreSQL callers load the
   * section's slugs first, since this must answer synchronously.
   */
  slugOwner: (section: string, slug: string) => string | null;
}

/** The slug a story is published under: its own, or one made from its headline. */
export function effectiveSlug(story: Pick<StoryContent, 'slug' | 'headline'>): string {
  return story.slug !== '' ? story.slug : slugify(story.headline);
}

type Outcome = { ok: boolean; message: string };
const pass = (message: string): Outcome => ({ ok: true, message });
const fail = (message: string): Outcome => ({ ok: false, message });

function checkHeadline(story: StoryContent, maxLength: number): Outcome {
  const headline = normalizeText(story.headline).trim();
  if (headline === '') return fail('Bài chưa có tít');
  const length = [...headline].length;
  if (length > maxLength) return fail(`Tít dài ${length} ký tự, vượt giới hạn ${maxLength} ký tự`);
  return pass(`Tít dài ${length}/${maxLength} ký tự`);
}

function checkSapo(story: StoryContent, minWords: number, maxWords: number): Outcome {
  const count = countWords(story.sapo);
  if (count === 0) return fail('Bài chưa có sapo');
  const range = `${minWords}–${maxWords} chữ`;
  if (count < minWords) return fail(`Sapo có ${count} chữ, ít hơn mức ${range}`);
  if (count > maxWords) return fail(`Sapo có ${count} chữ, nhiều hơn mức ${range}`);
  return pass(`Sapo có ${count} chữ (${range})`);
}

function listed(items: readonly string[]): string {
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} và ${items.at(-1)}`;
}

/** A figure goes out with its image, a caption for every reader and alt text for those who cannot see it. */
function checkFigures(story: StoryContent): Outcome {
  const figures = story.body.root.children.filter((block) => block.type === 'figure');
  if (figures.length === 0) return pass('Bài không có ảnh');
  const problems: string[] = [];
  figures.forEach((figure, i) => {
    const missing = [
      ...(figure.src === '' ? ['tệp ảnh'] : []),
      ...(figure.caption.trim() === '' ? ['chú thích'] : []),
      ...(figure.alt.trim() === '' ? ['văn bản thay thế (alt)'] : []),
    ];
    if (missing.length > 0) problems.push(`ảnh ${i + 1} thiếu ${listed(missing)}`);
  });
  const text = problems.join('; ');
  if (text !== '') return fail(text.charAt(0).toUpperCase() + text.slice(1));
  return pass(figures.length === 1 ? 'Ảnh có tệp, chú thích và alt' : `Cả ${figures.length} ảnh đều có tệp, chú thích và alt`);
}

function checkSlug(story: StoryContent & { id: string }, ctx: ChecklistContext): Outcome {
  const slug = effectiveSlug(story);
  if (slug === '') return fail('Không tạo được đường dẫn (slug) từ tít bài');
  const owner = ctx.slugOwner(story.section, slug);
  if (owner !== null && owner !== story.id) return fail(`Đường dẫn “${slug}” đã có bài khác dùng trong chuyên mục này`);
  return pass(`Đường dẫn “${slug}” chưa bài nào khác dùng`);
}

/** Runs the section's checks on a story's text, in a fixed order; checks set to 'off' are left out. */
export function runChecklist(
  story: StoryContent & { id: string },
  config: SectionChecklist,
  ctx: ChecklistContext,
): CheckResult[] {
  const outcomes: Record<CheckName, () => Outcome> = {
    headline: () => checkHeadline(story, config.headline.maxLength),
    sapo: () => checkSapo(story, config.sapo.minWords, config.sapo.maxWords),
    byline: () => (story.byline.trim() === '' ? fail('Bài chưa có tên tác giả') : pass(`Tác giả: ${story.byline.trim()}`)),
    section: () => (story.section.trim() === '' ? fail('Bài chưa có chuyên mục') : pass(`Chuyên mục: ${story.section.trim()}`)),
    figures: () => checkFigures(story),
    slug: () => checkSlug(story, ctx),
  };
  const results: CheckResult[] = [];
  for (const check of CHECK_NAMES) {
    const level = config[check].level;
    if (level === 'off') continue;
    results.push({ check, level, ...outcomes[check]() });
  }
  return results;
}

/** The checks that stop approval and publication. */
export function blockingFailures(results: readonly CheckResult[]): CheckResult[] {
  return results.filter((r) => r.level === 'blocking' && !r.ok);
}
