// Offline Vietnamese spellcheck. Checking happens in a worker and painting
// when typing pauses, so a keystroke never waits for it; misspelled syllables
// are underlined with the CSS Custom Highlight API, leaving the document alone.
// A right click (or the context-menu key) on one offers suggestions and "add
// to dictionary", which goes to the personal dictionary in settings.
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { $getNearestNodeFromDOMNode, $isTextNode } from 'lexical';
import { useEffect, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { toServiceError } from '../../transport/client';
import { caretAtPoint } from '../dom/caret';
import { useEditorServices } from '../EditorServices';
import { clearMisspellings, highlightsSupported, MisspellingScanner, paintMisspellings, tokenAt, type Caret } from '../spell/highlight';
import { SpellClient, startSpellWorker } from '../spell/spell-client';
import { SpellMenu } from '../spell/SpellMenu';
import { focusEditor } from '../dom/focus-editor';

/** Quiet time after an edit before re-painting; the worker's answers repaint sooner. */
const REPAINT_AFTER_EDIT_MS = 350;
const REPAINT_AFTER_ANSWER_MS = 30;

interface MenuState {
  word: string;
  node: Text;
  start: number;
  end: number;
  x: number;
  y: number;
  suggestions: Promise<string[]>;
}

function selectionCaret(root: HTMLElement): Caret | null {
  const selection = window.getSelection();
  if (selection === null || !selection.isCollapsed || selection.anchorNode === null || !root.contains(selection.anchorNode)) return null;
  return { node: selection.anchorNode, offset: selection.anchorOffset };
}

export function SpellcheckPlugin(props: { personalDictionary: readonly string[] }): ReactNode {
  const [editor] = useLexicalComposerContext();
  const { client, notify } = useEditorServices();
  const { t } = useTranslation('editor');
  const spell = useRef<SpellClient | null>(null);
  const scannerRef = useRef<MisspellingScanner | null>(null);
  const personal = useRef<string[]>([...props.personalDictionary]);
  const [menu, setMenu] = useState<MenuState | null>(null);

  useEffect(() => {
    if (!highlightsSupported() || typeof Worker === 'undefined') return;
    const checker = new SpellClient(startSpellWorker(), personal.current);
    const scanner = new MisspellingScanner();
    spell.current = checker;
    scannerRef.current = scanner;
    let timer: ReturnType<typeof setTimeout> | null = null;

    const paint = (): void => {
      const root = editor.getRootElement();
      if (root === null) return;
      paintMisspellings(scanner.scan(root, (token) => checker.verdict(token), selectionCaret(root)));
    };
    const schedule = (delay: number): void => {
      if (timer !== null) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        paint();
      }, delay);
    };

    // Words added from another story since the app loaded its settings.
    void client.call('settings.get', {}).then(
      ({ personalDictionary }) => {
        for (const word of personalDictionary) {
          if (personal.current.includes(word)) continue;
          personal.current = [...personal.current, word];
          checker.addToPersonal(word);
        }
      },
      () => undefined,
    );

    const stopUpdates = editor.registerUpdateListener(({ dirtyElements, dirtyLeaves }) => {
      if (dirtyElements.size > 0 || dirtyLeaves.size > 0) schedule(REPAINT_AFTER_EDIT_MS);
    });
    const stopAnswers = checker.onChange(() => {
      scanner.verdictsChanged();
      schedule(REPAINT_AFTER_ANSWER_MS);
    });
    schedule(0);

    return () => {
      stopUpdates();
      stopAnswers();
      if (timer !== null) clearTimeout(timer);
      checker.dispose();
      spell.current = null;
      scannerRef.current = null;
      clearMisspellings();
    };
  }, [editor, client]);

  useEffect(() => {
    const openAt = (node: Node, offset: number, x: number, y: number): boolean => {
      const checker = spell.current;
      const token = tokenAt(node, offset);
      if (checker === null || token === null || checker.verdict(token.text) !== true) return false;
      setMenu({ word: token.text, node: node as Text, start: token.start, end: token.end, x, y, suggestions: checker.suggest(token.text) });
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
  }, [editor]);

  if (menu === null) return null;

  const close = (): void => {
    setMenu(null);
    focusEditor(editor);
  };
  const replace = (replacement: string): void => {
    editor.update(() => {
      const node = $getNearestNodeFromDOMNode(menu.node);
      // Only if the text is still what was right-clicked.
      if ($isTextNode(node) && node.getTextContent().slice(menu.start, menu.end) === menu.word) {
        node.spliceText(menu.start, menu.end - menu.start, replacement, true);
      }
    });
    close();
  };
  const add = (): void => {
    const word = menu.word.normalize('NFC');
    scannerRef.current?.invalidate();
    spell.current?.addToPersonal(word);
    personal.current = [...personal.current, word];
    // Read the stored list first, so that words added from other stories since are kept.
    client
      .call('settings.get', {})
      .then(({ personalDictionary }) => {
        const merged = [...new Set([...personalDictionary, ...personal.current])];
        personal.current = merged;
        return client.call('settings.set', { personalDictionary: merged });
      })
      .catch((error: unknown) => {
        notify(t('spellAddFailed', { message: toServiceError(error).message }), 'error');
      });
    close();
  };

  return createPortal(
    <SpellMenu word={menu.word} x={menu.x} y={menu.y} suggestions={menu.suggestions} onReplace={replace} onAdd={add} onClose={close} />,
    document.body,
  );
}
