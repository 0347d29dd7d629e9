// A figure's caption input sits inside Lexical's contenteditable, so every key
// typed there would also reach Lexical (Backspace would delete the figure,
// Enter would split a paragraph). Marking those events as handled before they
// bubble to the editor root keeps them in the input.
import { stopLexicalPropagation } from 'lexical';

const EVENTS = [
  'keydown', 'keyup', 'beforeinput', 'input', 'compositionstart', 'compositionend',
  'paste', 'cut', 'copy', 'drop', 'dragstart', 'dragover', 'pointerdown', 'click',
] as const;

function isFormControl(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && target.closest('input, textarea, button, select, a[href], [role="menu"]') !== null;
}

/** Keeps events from form controls inside `element` away from Lexical; returns the cleanup. */
export function isolateControls(element: HTMLElement): () => void {
  const stop = (event: Event): void => {
    if (isFormControl(event.target)) stopLexicalPropagation(event);
  };
  for (const name of EVENTS) element.addEventListener(name, stop);
  return () => {
    for (const name of EVENTS) element.removeEventListener(name, stop);
  };
}
