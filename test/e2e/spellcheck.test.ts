// Spellcheck that helps, in Chromium with the real worker and dictionary: the
// first suggestion for "nguời" is "người"; the menu opened on a word at the
// bottom of the window lies wholly inside it (it ran 23 px off the bottom,
// hiding "Thêm vào từ điển"); the headline and the sapo are checked too, with
// the same menu, and a suggestion chosen there lands in the field and the store.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { nodes } from '../../core/story';
import { eventually } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';
import { openSpellMenu, underlinedWords, wordPoint } from '../helpers/e2e/spell';
import { ROOT } from '../helpers/service-web';

const session = useAppSession();
const BODY = '[data-testid="editor-body"]';
const paragraph = (text: string) => nodes.paragraph(nodes.inlineFromText(text));
const FILLER = 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên là nhiệm vụ quan trọng của tổ chức Công đoàn.';

describe('spellcheck', () => {
  test('suggests “người” first for “nguời”, and keeps its menu inside the window at the bottom edge', async () => {
    const app = await session.startApp();
    const story = await app.rpc('stories.create', {
      content: {
        headline: 'Công đoàn chăm lo Tết cho người lao động',
        body: nodes.bodyOf([...Array.from({ length: 12 }, () => paragraph(FILLER)), paragraph('Nhiều nguời lao động được tặng quà Tết.')]),
      },
    });
    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    await page.setViewportSize({ width: 1280, height: 640 });
    await eventually(async () => ((await underlinedWords(page, BODY)).includes('nguời') ? true : undefined), 'the underline on “nguời”');
    // The misspelled word's line at the very bottom of the window.
    await page.locator(`${BODY} p`).last().evaluate((element) => element.scrollIntoView({ block: 'end' }));
    const word = await wordPoint(page, BODY, 'nguời');
    expect(word?.y).toBeGreaterThan(640 - 40);
    expect(word?.y).toBeLessThan(640);

    const suggestions = await openSpellMenu(page, BODY, 'nguời');
    expect(suggestions[0]).toBe('người');
    const viewport = page.viewportSize() ?? { width: 0, height: 0 };
    const menu = await page.getByTestId('spell-menu').boundingBox();
    const add = await page.getByTestId('spell-add').boundingBox();
    expect(menu).not.toBeNull();
    for (const box of [menu, add]) {
      expect(box?.y).toBeGreaterThanOrEqual(0);
      expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(viewport.height);
      expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(viewport.width);
    }
    expect(await page.getByTestId('spell-add').isVisible()).toBe(true);

    await page.getByTestId('spell-menu').getByRole('menuitem', { name: 'người', exact: true }).click();
    await expect.poll(() => page.locator(`${BODY} p`).last().textContent()).toBe('Nhiều người lao động được tặng quà Tết.');
    expect(errors).toEqual([]);
  });

  test('checks the headline and the sapo, and a suggestion chosen there is saved', async () => {
    const app = await session.startApp();
    const story = await app.rpc('stories.create', {
      content: {
        headline: 'Công nhân trườg học về sớm',
        sapo: 'Hôm nay nguời lao động quận Hai Bà Trưng được nghỉ.',
        body: nodes.bodyOf([paragraph(FILLER)]),
      },
    });
    const { page, errors } = await session.openPage(app, { hash: `#/story/${story.id}` });
    const headlineMirror = '[data-testid="headline-spell-mirror"]';
    const sapoMirror = '[data-testid="sapo-spell-mirror"]';
    await eventually(async () => ((await underlinedWords(page, headlineMirror)).length > 0 ? true : undefined), 'the headline’s underline');
    await eventually(async () => ((await underlinedWords(page, sapoMirror)).length > 0 ? true : undefined), 'the sapo’s underline');
    expect(await underlinedWords(page, headlineMirror)).toEqual(['trườg']);
    expect(await underlinedWords(page, sapoMirror)).toEqual(['nguời']);
    // The underline is drawn where the field draws the word: the mirror lies exactly under the field.
    for (const [input, mirrorOf] of [['headline-input', headlineMirror], ['sapo-input', sapoMirror]] as const) {
      const [field, mirror] = await Promise.all([page.getByTestId(input).boundingBox(), page.locator(mirrorOf).boundingBox()]);
      const round = (box: typeof field) => box && [box.x, box.y, box.width, box.height].map(Math.round);
      expect(round(mirror), input).toEqual(round(field));
    }
    mkdirSync(path.join(ROOT, 'test-results'), { recursive: true });
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'spellcheck-headline-sapo.png'), clip: { x: 380, y: 90, width: 620, height: 260 } });

    expect((await openSpellMenu(page, headlineMirror, 'trườg'))[0]).toBe('trường');
    await page.getByTestId('spell-menu').getByRole('menuitem', { name: 'trường', exact: true }).click();
    await expect.poll(() => page.getByTestId('headline-input').inputValue()).toBe('Công nhân trường học về sớm');
    await expect.poll(async () => ((await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))) ?? '')).toBe('headline-input');

    expect((await openSpellMenu(page, sapoMirror, 'nguời'))[0]).toBe('người');
    await page.getByTestId('spell-menu').getByRole('menuitem', { name: 'người', exact: true }).click();
    await expect.poll(() => page.getByTestId('sapo-input').inputValue()).toBe('Hôm nay người lao động quận Hai Bà Trưng được nghỉ.');
    await eventually(async () => ((await underlinedWords(page, sapoMirror)).length === 0 ? true : undefined), 'no underline left in the sapo');

    await expect
      .poll(async () => {
        const stored = await app.rpc('stories.get', { id: story.id });
        return [stored.headline, stored.sapo];
      })
      .toEqual(['Công nhân trường học về sớm', 'Hôm nay người lao động quận Hai Bà Trưng được nghỉ.']);
    expect(errors).toEqual([]);
  });
});
