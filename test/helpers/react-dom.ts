// Rendering React components in happy-dom for component tests, with the app's
// i18n, and the small queries those tests share. Call unmountAll in afterEach.
import { act, createElement, type ReactElement } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { I18nextProvider } from 'react-i18next';
import { createI18n } from '../../renderer/i18n';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

const mounted: Array<{ root: Root; host: HTMLElement }> = [];

export async function unmountAll(): Promise<void> {
  for (const { root, host } of mounted.splice(0)) {
    await act(async () => root.unmount());
    host.remove();
  }
}

export async function render(element: ReactElement, language: 'vi' | 'en' = 'vi'): Promise<HTMLElement> {
  const host = document.createElement('div');
  document.body.append(host);
  const root = createRoot(host);
  mounted.push({ root, host });
  await act(async () => root.render(createElement(I18nextProvider, { i18n: createI18n(language) }, element)));
  return host;
}

export const find = (host: ParentNode, testId: string): HTMLElement | null => host.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
export const get = (host: ParentNode, testId: string): HTMLElement => {
  const element = find(host, testId);
  if (element === null) throw new Error(`no [data-testid=${testId}]`);
  return element;
};
export const all = (host: ParentNode, testId: string): HTMLElement[] => [...host.querySelectorAll<HTMLElement>(`[data-testid="${testId}"]`)];
export const click = (element: HTMLElement) => act(async () => element.click());
export const press = (element: HTMLElement, key: string, options: KeyboardEventInit = {}) =>
  act(async () => void element.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true, ...options })));

/** Lets time pass inside act until `check` passes, so that loading updates are applied as they come. */
export async function settle(check: () => void, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    await act(() => new Promise((resolve) => setTimeout(resolve, 20)));
    try {
      check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}
