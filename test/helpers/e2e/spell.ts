// Reaching the spellchecker from a browser test: where a word is drawn, the
// syllables underlined in a part of the page, and the spelling menu opened by
// a right click (retried: the checker answers from its worker a moment later).
import type { Page } from 'playwright-core';
import { eventually } from './page';

/** The middle of the first drawing of `word` among the text nodes under `selector`. */
export function wordPoint(page: Page, selector: string, word: string): Promise<{ x: number; y: number } | null> {
  return page.evaluate(
    ({ selector, word }) => {
      const root = document.querySelector(selector);
      if (!root) return null;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.textContent?.indexOf(word) ?? -1;
        if (at < 0) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const rect = range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      }
      return null;
    },
    { selector, word },
  );
}

/** The underlined syllables whose text lies under `selector`, in page order. */
export function underlinedWords(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const root = document.querySelector(selector);
    const highlight = CSS.highlights.get('newsdesk-spelling');
    if (!root || !highlight) return [];
    return [...highlight]
      .filter((range): range is Range => range instanceof Range && root.contains(range.startContainer))
      .sort((a, b) => a.compareBoundaryPoints(Range.START_TO_START, b))
      .map((range) => range.toString());
  }, selector);
}

/**
 * Right-clicks `word` (found under `selector`, clicked where it is drawn) until
 * the spelling menu is open with its suggestions; returns their texts.
 */
export async function openSpellMenu(page: Page, selector: string, word: string): Promise<string[]> {
  await eventually(async () => {
    const point = await wordPoint(page, selector, word);
    if (point === null) return undefined;
    await page.mouse.click(point.x, point.y, { button: 'right' });
    return (await page.getByTestId('spell-menu').isVisible()) ? true : undefined;
  }, `the spelling menu on “${word}”`, 20_000);
  const menu = page.getByTestId('spell-menu');
  await page.waitForFunction(() => !document.querySelector('[data-testid="spell-menu"]')?.textContent?.includes('Đang tìm gợi ý'));
  return menu.locator('[role="menuitem"]:not([data-testid="spell-add"])').allTextContents();
}
