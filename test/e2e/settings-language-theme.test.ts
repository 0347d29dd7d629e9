// Settings in the UI: English instead of Vietnamese, and the dark theme. Both
// apply at once to the open window and stay after a reload.
import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { waitForSaveState } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';

const session = useAppSession();

interface Looks {
  lang: string;
  theme: string | undefined;
  newStory: string;
  importButton: string;
  bold: string | null;
  heading: string | null;
  saveState: string;
  /** Relative luminance (0 black … 1 white) of the page background and of the headline's text. */
  background: number;
  headlineText: number;
}

/** Labels and colours a writer sees, with a story open. */
function looks(page: Page): Promise<Looks> {
  return page.evaluate(() => {
    const luminance = (color: string): number => {
      const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).map((c) => c / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4));
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const byId = (id: string): HTMLElement | null => document.querySelector(`[data-testid="${id}"]`);
    return {
      lang: document.documentElement.lang,
      theme: document.documentElement.dataset.theme,
      newStory: byId('new-story')?.textContent?.trim() ?? '',
      importButton: byId('import-button')?.textContent?.trim() ?? '',
      bold: byId('toolbar-bold')?.getAttribute('aria-label') ?? null,
      heading: byId('toolbar-h2')?.getAttribute('aria-label') ?? null,
      saveState: byId('save-state')?.textContent?.trim() ?? '',
      background: luminance(getComputedStyle(document.body).backgroundColor),
      headlineText: luminance(getComputedStyle(byId('headline-input') ?? document.body).color),
    };
  });
}

describe('settings', () => {
  test('English and the dark theme apply to the open window and persist', async () => {
    const app = await session.startApp();
    const story = await app.rpc('stories.create', { content: { headline: 'Công đoàn quận Hai Bà Trưng' } });
    const tab = await session.openPage(app, { hash: `#/story/${story.id}` });
    const { page } = tab;
    await page.getByTestId('toolbar-bold').waitFor();

    const before = await looks(page);
    expect(before).toMatchObject({ lang: 'vi', theme: 'light', newStory: 'Bài mới', importButton: 'Nhập bài', bold: 'In đậm (Ctrl+B)', saveState: 'Đã lưu' });
    expect(before.background).toBeGreaterThan(0.6);
    expect(before.headlineText).toBeLessThan(0.1);

    await page.getByTestId('settings-button').click();
    const dialog = page.getByTestId('settings-dialog');
    await dialog.getByLabel('Ngôn ngữ giao diện').selectOption('en');
    await dialog.getByLabel('Tối').check();
    await page.getByTestId('settings-save').click();
    await dialog.waitFor({ state: 'detached' });
    await page.waitForFunction(() => document.querySelector('[data-testid="new-story"]')?.textContent?.trim() === 'New story');

    const after = await looks(page);
    expect(after).toMatchObject({ lang: 'en', theme: 'dark', newStory: 'New story', importButton: 'Import', bold: 'Bold (Ctrl+B)', heading: 'Subheading (##)', saveState: 'Saved' });
    expect(after.background).toBeLessThan(0.05);
    expect(after.headlineText).toBeGreaterThan(0.6);
    expect(await app.rpc('settings.get', {})).toMatchObject({ language: 'en', theme: 'dark' });

    // Typing still saves, and says so in English.
    await page.getByTestId('headline-input').press('End');
    await page.keyboard.type(' đổi mới');
    await waitForSaveState(page, 'Saved');

    await page.reload();
    await page.getByTestId('toolbar-bold').waitFor();
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    expect(await looks(page)).toEqual(after);
    expect(tab.errors).toEqual([]);
  });
});
