// Offline Vietnamese spellcheck of the body. Checking happens in a worker and
// painting when typing pauses, so a keystroke never waits for it; misspelled
// syllables are underlined with the CSS Custom Highlight API, leaving the
// document alone. A right click (or the context-menu key) on one opens the
// story's spelling menu (../spell/SpellcheckProvider): suggestions, and "add
// to dictionary", which goes to the personal dictionary in settings.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $isTextNode } from 'lexical';
import { useEffect, type ReactNode } from 'react';
import { caretAtPoint } from '../dom/caret';
import { focusEditor } from '../dom/focus-editor';
import { MisspellingScanner, tokenAt, type Caret } from '../spell/highlight';
import { useSpellcheck } from '../spell/SpellcheckProvider';
import { repaintTimer } from '../spell/repaint-timer';

/** Quiet time after an edit before re-painting; the worker's answers repaint sooner. */
const REPAINT_AFTER_EDIT_MS = 350;
const REPAINT_AFTER_ANSWER_MS = 30;

function selectionCaret(root: HTMLElement): Caret | null {
  const selection = window.getSelection();
  if (selection === null || !selection.isCollapsed || selection.anchorNode === null || !root.contains(selection.anchorNode)) return null;
  return { node: selection.anchorNode, offset: selection.anchorOffset };
}

export function SpellcheckPlugin(): ReactNode {
  const [editor] = useLexicalComposerContext();
  const { service, openMenu } = useSpellcheck();

  useEffect(() => {
    if (service === null) return;
    const checker = service.checker;
    const scanner = new MisspellingScanner();

    const paint = (): void => {
      const root = editor.getRootElement();
      if (root === null) return;
      service.paint('body', scanner.scan(root, (token) => checker.verdict(token), selectionCaret(root)));
    };
    const repaint = repaintTimer(paint);
    const schedule = (delay: number): void => repaint.schedule(delay);

    const stopUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule(REPAINT_AFTER_EDIT_MS);
    });
    const stopAnswers = checker.onChange(() => {
      scanner.verdictsChanged();
      schedule(REPAINT_AFTER_ANSWER_MS);
    });
    const stopWords = service.onWordAdded(() => {
      scanner.invalidate();
      schedule(REPAINT_AFTER_ANSWER_MS);
    });
    schedule(0);

    return () => {
      stopUpdates();
      stopAnswers();
      stopWords();
      repaint.cancel();
      service.paint('body', []);
    };
  }, [editor, service]);

  useEffect(() => {
    if (service === null) return;
    const openAt = (node: Node, offset: number, x: number, y: number): boolean => {
      const token = tokenAt(node, offset);
      if (token === null || service.checker.verdict(token.text) !== true) return false;
      const word = token.text;
      openMenu({
        word,
        x,
        y,
        replace: (replacement) =>
          editor.update(() => {
            const lexicalNode = $getNearestNodeFromDOMNode(node);
            // Only if the text is still what was right-clicked.
            if ($isTextNode(lexicalNode) && lexicalNode.getTextContent().slice(token.start, token.end) === word) {
              lexicalNode.spliceText(token.start, token.end - token.start, replacement, true);
            }
          }),
        restoreFocus: () => focusEditor(editor),
      });
      return true;
    };
    const onContextMenu = (event: MouseEvent): void => {
      const root = editor.getRootElement();
      if (root === null) return;
      // A mouse names a point; the context-menu key means "where the caret is".
      const fromMouse = event.button === 2 && (event.clientX !== 0 || event.clientY !== 0);
      const caret = fromMouse ? caretAtPoint(event.clientX, event.clientY) : selectionCaret(root);
      if (caret === null || !root.contains(caret.node)) return;
      let { clientX: x, clientY: y } = event;
      if (!fromMouse) {
        const rect = window.getSelection()?.getRangeAt(0).getBoundingClientRect();
        x = rect?.left ?? x;
        y = rect?.bottom ?? y;
      }
      if (openAt(caret.node, caret.offset, x, y)) event.preventDefault();
    };
    return editor.registerRootListener((root, previous) => {
      previous?.removeEventListener('contextmenu', onContextMenu);
      root?.addEventListener('contextmenu', onContextMenu);
    });
  }, [editor, service, openMenu]);

  return null;
}
