// A real sample article in the UI: imported through the import dialog (whose
// preview shows what the importer found, warnings included, before anything is
// created), found again by an unaccented search, and kept as a screenshot.
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { foldForSearch } from '../../core/text';
import { ROOT } from '../helpers/service-web';
import { editorOutline } from '../helpers/e2e/outline';
import { useAppSession } from '../helpers/e2e/session';
import { pngSize } from '../helpers/e2e/png';
import { CUM_THI_DUA_FILE, importSample, LDLD, LDLD_FILE, sampleBytes } from '../helpers/e2e/samples';

const SCREENSHOT = path.join(ROOT, 'test-results', 'editor-sample.png');
const SHOT_SIZE = { width: 1280, height: 1600 };

const session = useAppSession();

/** The sample without its byline line: the importer must warn that it found no author. */
function withoutByline(): Buffer {
  const lines = sampleBytes(LDLD_FILE).toString('utf8').split('\n');
  return Buffer.from(lines.filter((line) => line.trim() !== LDLD.byline).join('\n'), 'utf8');
}

describe('importing a sample article through the UI', () => {
  test('the preview shows headline, subheadings, figures, byline and warnings; the story then opens with them', async () => {
    const app = await session.startApp();
    const tab = await session.openPage(app);
    const { page } = tab;

    await page.getByTestId('import-button').click();
    const dialog = page.getByTestId('import-dialog');
    await dialog.waitFor();

    // First a copy with no byline: the importer's warning is listed.
    await page.getByTestId('import-file-input').setInputFiles({ name: 'ldld-khong-tac-gia.txt', mimeType: 'text/plain', buffer: withoutByline() });
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-warnings').locator('li').allTextContents()).toEqual([
      'Không tìm thấy tên tác giả (dòng ký tên ngắn ở cuối bài)',
    ]);
    await dialog.getByRole('button', { name: 'Chọn tệp khác' }).click();

    // Then the real file: no warnings, and everything the importer found.
    await page.getByTestId('import-file-input').setInputFiles(LDLD.path);
    await page.getByTestId('import-preview').waitFor();
    const preview = page.getByTestId('import-preview');
    expect(await preview.getAttribute('aria-label')).toContain(LDLD_FILE);
    expect(await page.getByTestId('import-headline').textContent()).toBe(LDLD.headline);
    expect(await page.getByTestId('import-headings').locator('li').allTextContents()).toEqual(LDLD.subheadings);
    expect(await page.getByTestId('import-figures').locator('li').allTextContents()).toEqual(LDLD.captions);
    expect(await page.getByTestId('import-byline').textContent()).toBe(LDLD.byline);
    expect(await page.getByTestId('import-body-summary').textContent()).toMatch(/15 đoạn văn · 2 tiêu đề phụ · 4 ảnh/);
    expect(await page.getByTestId('import-warnings').count()).toBe(0);

    await page.getByTestId('import-confirm').click();
    await dialog.waitFor({ state: 'detached' });

    const body = page.getByTestId('editor-body');
    await body.locator('h2').nth(1).waitFor();
    expect(await page.getByTestId('headline-input').inputValue()).toBe(LDLD.headline);
    expect(await page.getByTestId('byline-input').inputValue()).toBe(LDLD.byline);
    expect(await body.locator('h2').allTextContents()).toEqual(LDLD.subheadings);
    expect(await body.locator('[data-testid="figure"]').count()).toBe(4);

    const outline = await editorOutline(page);
    expect(outline.blocks.flatMap((block) => (block.kind === 'h2' ? [block.text] : []))).toEqual(LDLD.subheadings);
    expect(outline.blocks.flatMap((block) => (block.kind === 'figure' ? [block.caption] : []))).toEqual(LDLD.captions);
    // Every block where the article has it: 15 paragraphs around the subheadings and figures.
    expect(outline.blocks.map((block) => block.kind).join(' ')).toBe('h2 p p p figure p p p figure p h2 p p figure p p p figure p p p');

    // The list shows the new story, and it is the one open.
    const row = page.getByTestId('story-row').filter({ hasText: LDLD.headline });
    expect(await row.getAttribute('aria-selected')).toBe('true');
    expect(tab.errors).toEqual([]);
  });
});

interface ShownHit {
  headline: string;
  marks: string[];
}

/** Types a query into the search box and returns the hits the list shows for that whole query. */
async function searchFor(page: Page, query: string): Promise<ShownHit[]> {
  // Search runs as you type; the answer that counts is the one to the full query.
  const answered = page.waitForResponse((response) => {
    if (!response.url().endsWith('/rpc/search.query')) return false;
    const asked: unknown = JSON.parse(response.request().postData() ?? '{}');
    return typeof asked === 'object' && asked !== null && 'query' in asked && asked.query === query;
  });
  const box = page.getByTestId('search-input');
  await box.fill('');
  await box.click();
  await page.keyboard.type(query);
  const reply = (await (await answered).json()) as { ok: boolean; value?: Array<{ headline: string }> };
  expect(reply.ok).toBe(true);
  const first = reply.value?.[0]?.headline ?? null;
  await page.waitForFunction(
    (headline) =>
      headline === null
        ? document.querySelector('.list-status')?.textContent?.startsWith('Không tìm thấy') === true
        : document.querySelector('[data-testid="story-row"] .is-hit .story-row-headline')?.textContent === headline,
    first,
  );
  return page.getByTestId('story-row').evaluateAll((rows) =>
    rows.map((row) => ({
      headline: row.querySelector('.story-row-headline')?.textContent ?? '',
      marks: Array.from(row.querySelectorAll('.story-row-snippet mark')).map((mark) => mark.textContent ?? ''),
    })),
  );
}

describe('searching the store from the UI', () => {
  test('an unaccented query finds the imported sample and highlights the matched words', async () => {
    const app = await session.startApp();
    await importSample(app, LDLD_FILE);
    await importSample(app, CUM_THI_DUA_FILE);
    const tab = await session.openPage(app);
    const { page } = tab;
    await page.getByTestId('story-row').nth(1).waitFor();

    for (const query of ['hai ba trung', 'doan vien']) {
      const hits = await searchFor(page, query);
      const hit = hits.find((shown) => shown.headline === LDLD.headline);
      expect(hit, `"${query}" should find the sample`).toBeDefined();
      const folded = new Set(hit?.marks.map((mark) => foldForSearch(mark)));
      for (const term of query.split(' ')) expect(folded, `a <mark> for "${term}"`).toContain(term);
      // The highlighted words are the article's own, accents and all.
      expect(hit?.marks.some((mark) => mark !== foldForSearch(mark))).toBe(true);
    }

    expect(await searchFor(page, 'khong co bai nao nhu vay')).toEqual([]);
    expect(await page.locator('.list-status').textContent()).toContain('Không tìm thấy bài nào');

    // A hit opens its story.
    await searchFor(page, 'hai ba trung');
    await page.getByTestId('story-row').filter({ hasText: LDLD.headline }).click();
    await page.getByTestId('headline-input').waitFor();
    expect(await page.getByTestId('headline-input').inputValue()).toBe(LDLD.headline);
    expect(tab.errors).toEqual([]);
  });
});

describe('a screenshot of the editor', () => {
  test('the sample article open in the editor is kept as test-results/editor-sample.png', async () => {
    const app = await session.startApp();
    const id = await importSample(app, LDLD_FILE);
    const tab = await session.openPage(app, { hash: `#/story/${id}` });
    const { page } = tab;
    // Tall enough to show headline, sapo, the first subheading and the first figure at once.
    await page.setViewportSize(SHOT_SIZE);
    await page.getByTestId('editor-body').locator('[data-testid="figure"]').nth(3).waitFor();
    await page.getByTestId('save-state').waitFor();
    // Let the spellchecker's worker answer and paint before the picture is taken.
    await page.waitForTimeout(1_000);

    mkdirSync(path.dirname(SCREENSHOT), { recursive: true });
    await page.screenshot({ path: SCREENSHOT });
    const bytes = readFileSync(SCREENSHOT);
    expect(pngSize(bytes)).toEqual(SHOT_SIZE);
    expect(statSync(SCREENSHOT).size).toBeGreaterThan(30_000);
    expect(tab.errors).toEqual([]);
  });
});
