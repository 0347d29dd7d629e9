// Inside the body editor: keeps a mark on the passage of every passage note
// (found again from block id and text when the story opens), shows which
// thread is in view, and opens a thread when its marked passage is clicked.
import { MarkNode } from '@lexical/mark';
import { useLexicalComposerContext } from '@lexical/react/LexicalComposerContext';
import { mergeRegister } from '@lexical/utils';
import { $getNodeByKey, COMMAND_PRIORITY_NORMAL, KEY_DOWN_COMMAND } from 'lexical';
import { useContext, useEffect, useSyncExternalStore } from 'react';
import { FOLLOW_TAG } from '../editor/document/replace-body';
import { EditorServicesContext } from '../editor/EditorServices';
import { markElement, markPassages } from './note-marks';
import type { NotesBridge } from './notes-bridge';

const MARK_SELECTOR = 'mark[data-note-ids]';

function isNoteShortcut(event: KeyboardEvent): boolean {
  return event.ctrlKey !== event.metaKey && event.altKey && !event.shiftKey && event.code === 'KeyM';
}
const noBridge = { subscribe: () => () => undefined, getView: () => null };

function useView(bridge: NotesBridge | null) {
  const source = bridge ?? noBridge;
  return useSyncExternalStore(source.subscribe, source.getView);
}

export function NoteMarksPlugin(): null {
  const [editor] = useLexicalComposerContext();
  // Absent where the body editor is used without the notes (tests, other hosts): then it does nothing.
  const bridge = useContext(EditorServicesContext)?.notes ?? null;
  const view = useView(bridge);

  useEffect(() => {
    if (bridge === null) return;
    bridge.attach(editor);
    return () => bridge.attach(null);
  }, [bridge, editor]);

  // Each mark's element names its notes, for the click below (and for tests).
  useEffect(
    () =>
      editor.registerMutationListener(MarkNode, (mutations) => {
        editor.getEditorState().read(() => {
          for (const [key, mutation] of mutations) {
            if (mutation === 'destroyed') continue;
            const node = $getNodeByKey<MarkNode>(key);
            const element = editor.getElementByKey(key);
            if (node !== null && element !== null) element.dataset.noteIds = node.getIDs().join(' ');
          }
        });
      }),
    [editor],
  );

  // Mark what is not marked yet; report what can no longer be found.
  const anchors = view?.anchors;
  useEffect(() => {
    if (bridge === null || anchors === undefined) return;
    const mark = (): void => {
      const lost = markPassages(editor, anchors);
      const before = bridge.getView().lost;
      if (lost.size !== before.size || [...lost].some((id) => !before.has(id))) bridge.update({ lost });
    };
    mark();
    // A text that came in from the store (sync, a settled conflict) replaces the body, marks and all: mark it again.
    return editor.registerUpdateListener(({ tags }) => {
      if (tags.has(FOLLOW_TAG)) mark();
    });
  }, [bridge, editor, anchors]);

  // The thread in view shows as such in the text.
  const activeId = view?.activeId ?? null;
  useEffect(() => {
    const paint = (): void => {
      const root = editor.getRootElement();
      if (root === null) return;
      for (const element of root.querySelectorAll<HTMLElement>(`${MARK_SELECTOR}.is-active`)) element.classList.remove('is-active');
      if (activeId !== null) markElement(editor, activeId)?.classList.add('is-active');
    };
    paint();
    // Lexical redraws a mark's element when its text changes: paint again after each update.
    return editor.registerUpdateListener(paint);
  }, [editor, activeId]);

  // Ctrl+Alt+M (Cmd+Option+M on macOS), as in common word processors: a note on the selected
  // passage without leaving the keyboard. Read by key position, so any keyboard layout has it.
  useEffect(() => {
    if (bridge === null) return;
    return editor.registerCommand(
      KEY_DOWN_COMMAND,
      (event) => {
        if (!isNoteShortcut(event)) return false;
        event.preventDefault();
        // After this key's update: marking the selection is an update of its own.
        setTimeout(() => bridge.requestPassageNote(), 0);
        return true;
      },
      COMMAND_PRIORITY_NORMAL,
    );
  }, [bridge, editor]);

  // A click on a marked passage opens its thread.
  useEffect(() => {
    if (bridge === null) return;
    const onClick = (event: MouseEvent): void => {
      const mark = event.target instanceof Element ? event.target.closest(MARK_SELECTOR) : null;
      const id = mark instanceof HTMLElement ? mark.dataset.noteIds?.split(' ')[0] : undefined;
      if (id) bridge.update({ activeId: id });
    };
    return mergeRegister(
      editor.registerRootListener((root, previous) => {
        previous?.removeEventListener('click', onClick);
        root?.addEventListener('click', onClick);
      }),
      () => editor.getRootElement()?.removeEventListener('click', onClick),
    );
  }, [bridge, editor]);

  return null;
}
