// A browser tab on a running Newsdesk, and the waits the tests share. Every
// uncaught error in the page is collected, so that a test can insist on none.
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { TestApp } from './app';

export interface AppPage {
  context: BrowserContext;
  page: Page;
  /** Uncaught exceptions thrown in the page so far. */
  errors: string[];
  close(): Promise<void>;
}

export const VIEWPORT = { width: 1280, height: 860 };

/**
 * A fresh browser profile for Newsdesk. Functions handed to page.evaluate are
 * sent as source; under tsx (esbuild's keepNames) that source calls __name(),
 * which the page must therefore know.
 */
export async function newAppContext(browser: Browser): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: VIEWPORT, locale: 'vi-VN', colorScheme: 'light', timezoneId: 'Asia/Ho_Chi_Minh' });
  await context.addInitScript({ content: 'globalThis.__name = (fn) => fn;' });
  return context;
}

export async function openAppPage(browser: Browser, app: Pick<TestApp, 'url'>, options: { hash?: string } = {}): Promise<AppPage> {
  const context = await newAppContext(browser);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
  await page.goto(app.url + (options.hash ?? ''));
  await page.getByTestId('search-input').waitFor();
  return { context, page, errors, close: () => context.close() };
}

/** Waits until the open story's save state reads `label` ("Đã lưu" unless the UI is in English). */
export async function waitForSaveState(page: Page, label = 'Đã lưu'): Promise<void> {
  await page.waitForFunction((wanted) => document.querySelector('[data-testid="save-state"]')?.textContent?.trim() === wanted, label);
}

/** Waits until the element with this test id has the keyboard focus. */
export async function waitForFocus(page: Page, testId: string): Promise<void> {
  await page.waitForFunction((id) => document.activeElement instanceof HTMLElement && document.activeElement.dataset.testid === id, testId);
}

/** Polls an async check until it returns a value other than undefined. */
export async function eventually<T>(check: () => Promise<T | undefined>, what: string, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
