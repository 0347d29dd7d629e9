// Spellcheck for a plain text field (the headline, the sapo). A <textarea>
// cannot hold highlights, so a mirror lies under it: the same text in the same
// box and type, transparent, with the misspelled syllables underlined by the
// CSS Custom Highlight API. The textarea above it is transparent too, so the
// underline shows through, and the writer types in the real field as ever.
// A right click on an underlined syllable (or the context-menu key at the
// caret) opens the story's spelling menu.
import { useEffect, useRef, type ReactNode, type RefObject } from 'react';
import { tokenizeSyllables, type SyllableToken } from '../../../core/text';
import { useSpellcheck } from './SpellcheckProvider';
import { repaintTimer } from './repaint-timer';

const REPAINT_AFTER_EDIT_MS = 350;
const REPAINT_AFTER_ANSWER_MS = 30;

function tokenAtOffset(text: string, offset: number): SyllableToken | null {
  return tokenizeSyllables(text).find((token) => offset >= token.start && offset <= token.end) ?? null;
}

/** Lays the mirror exactly over the field's box (the field's margins may collapse; the mirror's would not). */
function alignMirror(mirror: HTMLElement, field: HTMLTextAreaElement): void {
  Object.assign(mirror.style, {
    top: `${field.offsetTop}px`,
    left: `${field.offsetLeft}px`,
    width: `${field.offsetWidth}px`,
    height: `${field.offsetHeight}px`,
  });
}

function rangeOver(node: Text, token: SyllableToken): Range {
  const range = document.createRange();
  range.setStart(node, token.start);
  range.setEnd(node, token.end);
  return range;
}

/**
 * The mirror of `field`, to render in the same positioned box just before the
 * field. `className` gives it the field's own type and padding.
 */
export function FieldSpellcheck(props: {
  source: 'headline' | 'sapo';
  field: RefObject<HTMLTextAreaElement | null>;
  value: string;
  onChange: (value: string) => void;
  className: string;
}): ReactNode {
  const { source, field, value, onChange } = props;
  const { service, openMenu } = useSpellcheck();
  const mirror = useRef<HTMLDivElement>(null);
  const latest = useRef({ value, onChange });
  latest.current = { value, onChange };
  const repaintAfterEdit = useRef<(() => void) | null>(null);

  useEffect(() => {
    if (service === null) return;
    const checker = service.checker;
    const paint = (): void => {
      const text = mirror.current?.firstChild;
      const input = field.current;
      if (mirror.current !== null && input !== null) alignMirror(mirror.current, input);
      if (!(text instanceof Text) || input === null) {
        service.paint(source, []);
        return;
      }
      // The syllable at the caret is still being typed.
      const caret = document.activeElement === input && input.selectionStart === input.selectionEnd ? input.selectionStart : null;
      const ranges = tokenizeSyllables(text.data)
        .filter((token) => !(caret !== null && caret >= token.start && caret <= token.end))
        .filter((token) => checker.verdict(token.text) === true)
        .map((token) => rangeOver(text, token));
      service.paint(source, ranges);
    };
    const repaint = repaintTimer(paint);
    const schedule = (delay: number): void => repaint.schedule(delay);
    repaintAfterEdit.current = () => schedule(REPAINT_AFTER_EDIT_MS);
    const input = field.current;
    // Leaving the field: the syllable that was at the caret is finished.
    const onBlur = (): void => schedule(0);
    input?.addEventListener('blur', onBlur);
    // The field grows with its text and the window: the mirror follows.
    const resized = new ResizeObserver(() => {
      if (mirror.current !== null && input !== null) alignMirror(mirror.current, input);
    });
    if (input !== null) resized.observe(input);
    const stopAnswers = checker.onChange(() => schedule(REPAINT_AFTER_ANSWER_MS));
    const stopWords = service.onWordAdded(() => schedule(REPAINT_AFTER_ANSWER_MS));
    schedule(0);
    return () => {
      repaintAfterEdit.current = null;
      input?.removeEventListener('blur', onBlur);
      resized.disconnect();
      stopAnswers();
      stopWords();
      repaint.cancel();
      service.paint(source, []);
    };
  }, [service, source, field]);

  // Typed, pasted, or a suggestion put in: the text changed.
  useEffect(() => repaintAfterEdit.current?.(), [value]);

  useEffect(() => {
    const input = field.current;
    if (service === null || input === null) return;
    const onContextMenu = (event: MouseEvent): void => {
      const text = mirror.current?.firstChild;
      if (!(text instanceof Text)) return;
      const fromMouse = event.button === 2 && (event.clientX !== 0 || event.clientY !== 0);
      let token: SyllableToken | null = null;
      let at = { x: event.clientX, y: event.clientY };
      if (fromMouse) {
        // The syllable drawn under the pointer, read off the mirror, which lies exactly under the field.
        token =
          tokenizeSyllables(text.data).find((candidate) =>
            [...rangeOver(text, candidate).getClientRects()].some(
              (rect) => event.clientX >= rect.left && event.clientX <= rect.right && event.clientY >= rect.top && event.clientY <= rect.bottom,
            ),
          ) ?? null;
      } else {
        token = tokenAtOffset(text.data, input.selectionStart);
        const rect = token === null ? null : rangeOver(text, token).getBoundingClientRect();
        if (rect) at = { x: rect.left, y: rect.bottom };
      }
      if (token === null || service.checker.verdict(token.text) !== true) return;
      event.preventDefault();
      const found = token;
      openMenu({
        word: found.text,
        x: at.x,
        y: at.y,
        replace: (replacement) => {
          const { value: now, onChange: change } = latest.current;
          if (now.slice(found.start, found.end) !== found.text) return;
          change(now.slice(0, found.start) + replacement + now.slice(found.end));
          const caret = found.start + replacement.length;
          requestAnimationFrame(() => field.current?.setSelectionRange(caret, caret));
        },
        restoreFocus: () => field.current?.focus({ preventScroll: true }),
      });
    };
    input.addEventListener('contextmenu', onContextMenu);
    return () => input.removeEventListener('contextmenu', onContextMenu);
  }, [service, field, openMenu]);

  if (service === null) return null;
  return (
    <div ref={mirror} className={`${props.className} nd-spell-mirror`} aria-hidden="true" data-testid={`${source}-spell-mirror`}>
      {value}
    </div>
  );
}
