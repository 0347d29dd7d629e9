// The hooks every browser test file shares: one Chromium per file, and a fresh
// app (its own data folder, so its own database) per test, stopped after it.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { startApp, type StartAppOptions, type TestApp } from './app';
import { launchChromium } from './chromium';
import { newAppContext, openAppPage, type AppPage } from './page';

export interface AppSession {
  startApp(options?: StartAppOptions): Promise<TestApp>;
  openPage(app: TestApp, options?: { hash?: string }): Promise<AppPage>;
  /** A tab on any address (a page of the public site), closed after the test like the others. */
  openUrl(url: string): Promise<AppPage>;
}

export function useAppSession(): AppSession {
  let browser: Browser | null = null;
  const apps: TestApp[] = [];
  const tabs: AppPage[] = [];

  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterEach(async () => {
    for (const tab of tabs.splice(0)) await tab.close();
    for (const app of apps.splice(0)) await app.stop();
  });
  afterAll(async () => {
    await browser?.close();
  });

  return {
    async startApp(options) {
      const app = await startApp(inject('rendererDir'), options);
      apps.push(app);
      return app;
    },
    async openPage(app, options) {
      if (browser === null) throw new Error('Chromium is not running');
      const tab = await openAppPage(browser, app, options);
      tabs.push(tab);
      return tab;
    },
    async openUrl(url) {
      if (browser === null) throw new Error('Chromium is not running');
      const context = await newAppContext(browser);
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (error) => errors.push(error.stack ?? error.message));
      const tab = { context, page, errors, close: () => context.close() };
      tabs.push(tab);
      await page.goto(url);
      return tab;
    },
  };
}
