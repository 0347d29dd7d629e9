// The personal dictionary from the spellcheck menu: a word added in one story
// stays when another word is added from a second story opened before the first
// was added (each story starts from the settings the window loaded).
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { nodes } from '../../core/story';
import { eventually } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';

const session = useAppSession();

const story = (headline: string, text: string) => ({
  content: { headline, body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText(text))]) },
});

/** Right-clicks the word in the editor body until the spellcheck menu offers it (the checker loads in a worker). */
async function addToDictionary(page: Page, word: string): Promise<void> {
  await eventually(async () => {
    const point = await page.evaluate((target) => {
      const body = document.querySelector('[data-testid="editor-body"]');
      if (!body) return null;
      const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(target) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at + 1);
        range.setEnd(node, at + 2);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    }, word);
    if (point === null) return undefined;
    await page.mouse.click(point.x, point.y, { button: 'right' });
    return (await page.getByTestId('spell-menu').isVisible()) ? true : undefined;
  }, `the spellcheck menu on “${word}”`, 20_000);
  await page.getByTestId('spell-add').click();
}

describe('the personal dictionary', () => {
  test('keeps words added from different stories', async () => {
    const app = await session.startApp();
    const first = await app.rpc('stories.create', story('Bài thứ nhất', 'Hôm nay nguơi lao động nghỉ.'));
    const second = await app.rpc('stories.create', story('Bài thứ hai', 'Công nhân trườg học về sớm.'));
    const tab = await session.openPage(app, { hash: `#/story/${first.id}` });

    await addToDictionary(tab.page, 'nguơi');
    await eventually(async () => ((await app.rpc('settings.get', {})).personalDictionary.includes('nguơi') ? true : undefined), 'the first word stored');

    await tab.page.locator(`[data-story-id="${second.id}"]`).click();
    await addToDictionary(tab.page, 'trườg');
    const stored = await eventually(async () => {
      const words = (await app.rpc('settings.get', {})).personalDictionary;
      return words.includes('trườg') ? words : undefined;
    }, 'the second word stored');
    expect(stored).toEqual(expect.arrayContaining(['nguơi', 'trườg']));
  });
});
