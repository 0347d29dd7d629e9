// Selecting text in the story body as a person does, for tests that act on a
// passage (a note on it, a link), and reading the note marks back.
import type { Page } from 'playwright-core';

/** Selects `text` inside the body's paragraph that holds it, as a mouse drag would, and lets Lexical take the selection. */
export async function selectInBody(page: Page, text: string): Promise<void> {
  await page.getByTestId('editor-body').click();
  await page.evaluate((wanted) => {
    const body = document.querySelector('[data-testid="editor-body"]');
    const walker = document.createTreeWalker(body as Node, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node !== null; node = walker.nextNode()) {
      const at = node.textContent?.indexOf(wanted) ?? -1;
      if (at < 0) continue;
      const range = document.createRange();
      range.setStart(node, at);
      range.setEnd(node, at + wanted.length);
      const selection = window.getSelection();
      selection?.removeAllRanges();
      selection?.addRange(range);
      return;
    }
    throw new Error(`"${wanted}" is not in the body`);
  }, text);
  await page.waitForFunction((wanted) => window.getSelection()?.toString() === wanted, text);
  // Lexical reads the selection on 'selectionchange', a task later.
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 50)));
}

export const markTexts = (page: Page) => page.locator('[data-testid="editor-body"] mark[data-note-ids]').allTextContents();
