// Every dialog of the app looks like the app: the UI's sans-serif (never the
// story's serif, which a dialog opened from inside the editor used to inherit),
// room around its content, labels on their own line above their fields. Each
// dialog is also kept as a picture in test-results/dialogs/NAME.png.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT } from '../service-web';

export const DIALOG_SHOTS = path.join(ROOT, 'test-results', 'dialogs');

export interface DialogLook {
  /** The UI font of the page, as the top bar's buttons use it. */
  uiFont: string;
  dialogFont: string;
  /** Font family of every button and field in the dialog. */
  controlFonts: string[];
  /** Inner padding of the dialog's content and of its actions row, in px. */
  bodyPadding: { top: number; right: number; bottom: number; left: number } | null;
  actionsPadding: { top: number; right: number; bottom: number; left: number } | null;
  /** Labels of text fields placed beside (not above) their field, or with no room under them. */
  crampedLabels: string[];
}

// Runs inside the page: everything it uses is defined within it.
function readLook(testId: string): DialogLook | null {
  const dialog = document.querySelector<HTMLElement>(`[data-testid="${testId}"]`);
  if (dialog === null) return null;
  const font = (element: Element) => getComputedStyle(element).fontFamily;
  const padding = (element: Element | null) => {
    if (element === null) return null;
    const style = getComputedStyle(element);
    return { top: parseFloat(style.paddingTop), right: parseFloat(style.paddingRight), bottom: parseFloat(style.paddingBottom), left: parseFloat(style.paddingLeft) };
  };
  const crampedLabels: string[] = [];
  for (const label of dialog.querySelectorAll('label[for]')) {
    const field = document.getElementById(label.getAttribute('for') ?? '');
    if (!(field instanceof HTMLInputElement) || !['text', 'search', 'url', 'password'].includes(field.type)) continue;
    if (label.classList.contains('visually-hidden')) continue;
    const [l, f] = [label.getBoundingClientRect(), field.getBoundingClientRect()];
    if (f.top - l.bottom < 2) crampedLabels.push(label.textContent?.trim() ?? '');
  }
  const uiButton = document.querySelector('[data-testid="new-story"]');
  return {
    uiFont: uiButton === null ? font(document.body) : font(uiButton),
    dialogFont: font(dialog),
    // Controls a reader sees (a file input lies invisible over the button that stands for it).
    controlFonts: [
      ...new Set(
        [...dialog.querySelectorAll('button, input, select, textarea')]
          .filter((control) => getComputedStyle(control).opacity !== '0' && control.getClientRects().length > 0)
          .map(font),
      ),
    ],
    bodyPadding: padding(dialog.querySelector('.dialog-body')),
    actionsPadding: padding(dialog.querySelector('.dialog-actions')),
    crampedLabels,
  };
}

/** Asserts that the open dialog `testId` has the app's look, and keeps its picture as `name`.png. */
export async function expectAppDialog(page: Page, testId: string, name: string): Promise<DialogLook> {
  const dialog = page.getByTestId(testId);
  await dialog.waitFor();
  const look = await page.evaluate(readLook, testId);
  if (look === null) throw new Error(`No dialog [data-testid=${testId}]`);
  mkdirSync(DIALOG_SHOTS, { recursive: true });
  await page.screenshot({ path: path.join(DIALOG_SHOTS, `${name}.png`) });
  expect(look.uiFont).toMatch(/sans-serif/);
  expect(look.dialogFont, `${name}: the dialog's font`).toBe(look.uiFont);
  expect(look.controlFonts, `${name}: the fonts of its buttons and fields`).toEqual([look.uiFont]);
  expect(look.bodyPadding, `${name}: its content has padding`).not.toBeNull();
  expect(look.actionsPadding, `${name}: its buttons sit in an actions row`).not.toBeNull();
  for (const side of ['left', 'right'] as const) {
    expect(look.bodyPadding?.[side], `${name}: padding ${side} of the content`).toBeGreaterThanOrEqual(16);
    expect(look.actionsPadding?.[side], `${name}: padding ${side} of the actions`).toBeGreaterThanOrEqual(16);
  }
  expect(look.crampedLabels, `${name}: labels above their fields`).toEqual([]);
  return look;
}
