// The story's editorial notes, in the sidebar beside the text: threads (a note
// on the story or on a passage of it, with its replies), a note on the selected
// passage, and a new note. Notes are kept on this desk at once and sync like
// stories; they never reach the public site.
import { useEffect, useMemo, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import './notes.css';
import type { NoteThread } from '../../core/api';
import { formatVietnamDateTime } from '../../core/workflow';
import { toServiceError, type NewsdeskClient } from '../transport/client';
import type { Person } from './mention-query';
import { markElement, markSelection, unmark, type PassageAnchor } from './note-marks';
import type { NotesBridge } from './notes-bridge';
import { NoteComposer } from './NoteComposer';
import { NoteThreadView } from './NoteThreadView';
import { useNotes } from './useNotes';

/** What the story should open with in view; set by whoever opens it (the workflow's "returned" state, a mention). */
export interface NotesFocus {
  /** The editor's note when the story was returned: shown first, and in view, when the story opens. */
  returnNote?: { text: string; author: string; at: string } | null;
  /** A thread to bring into view. */
  noteId?: string | null;
}

type Draft = { id: string; blockId: string | null; passage: string };

const NO_THREADS: NoteThread[] = [];

function usePeople(client: NewsdeskClient): Person[] {
  const [people, setPeople] = useState<Person[]>([]);
  useEffect(() => {
    let live = true;
    client.call('workflow.users', {}).then(
      (answer) => live && setPeople(answer.users),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client]);
  return people;
}

export function NotesPanel(props: {
  client: NewsdeskClient;
  storyId: string;
  bridge: NotesBridge;
  focus?: NotesFocus;
  notify: (message: string, tone?: 'info' | 'error') => void;
}): ReactNode {
  const { client, storyId, bridge, notify, focus } = props;
  const { t } = useTranslation('notes');
  const notes = useNotes(client, storyId);
  const people = usePeople(client);
  const view = useSyncExternalStore(bridge.subscribe, bridge.getView);
  const [draft, setDraft] = useState<Draft | null>(null);
  const listRef = useRef<HTMLOListElement>(null);
  const returnRef = useRef<HTMLElement>(null);

  const threads = notes.state.status === 'ready' ? notes.state.threads : NO_THREADS;
  const anchors = useMemo<PassageAnchor[]>(
    () => threads.flatMap(({ root }) => (root.passage === null ? [] : [{ id: root.id, blockId: root.blockId, passage: root.passage }])),
    [threads],
  );
  useEffect(() => bridge.update({ anchors }), [bridge, anchors]);

  // The thread in view, wherever it was chosen, is scrolled to in the panel.
  useEffect(() => {
    if (view.activeId === null) return;
    listRef.current?.querySelector(`[data-testid="note-thread"][data-note-id="${view.activeId}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [view.activeId, threads]);

  // Opening with something in view: a returned story's note, or a given thread.
  const focusNoteId = focus?.noteId ?? null;
  useEffect(() => {
    if (focusNoteId !== null) bridge.update({ activeId: focusNoteId });
  }, [bridge, focusNoteId]);
  const hasReturnNote = focus?.returnNote != null;
  useEffect(() => {
    if (hasReturnNote) returnRef.current?.scrollIntoView({ block: 'start' });
  }, [hasReturnNote]);

  const failed = (error: unknown): never => {
    notify(t('writeFailed', { message: toServiceError(error).message }), 'error');
    throw error;
  };

  const startPassageNote = (): void => {
    const editor = bridge.editor;
    if (editor === null) return;
    if (draft !== null) unmark(editor, draft.id);
    const id = crypto.randomUUID();
    const selected = markSelection(editor, id);
    if (!selected.ok) {
      setDraft(null);
      notify(t(selected.reason === 'blocks' ? 'selectOneBlock' : selected.reason === 'long' ? 'selectShorter' : 'selectFirst'), 'error');
      return;
    }
    setDraft({ id, blockId: selected.blockId, passage: selected.passage });
    bridge.update({ activeId: id });
  };

  // Ctrl+Alt+M in the text starts the same note as the button (the latest panel state, through a ref).
  const startRef = useRef(startPassageNote);
  startRef.current = startPassageNote;
  useEffect(() => bridge.onPassageRequest(() => startRef.current()), [bridge]);

  const cancelDraft = (): void => {
    if (draft !== null && bridge.editor !== null) unmark(bridge.editor, draft.id);
    setDraft(null);
  };

  const showPassage = (id: string): void => {
    bridge.update({ activeId: id });
    if (bridge.editor !== null) markElement(bridge.editor, id)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  };

  return (
    <section className="nd-notes" aria-labelledby="nd-notes-title" data-testid="notes-panel">
      <header className="nd-notes-head">
        <h2 id="nd-notes-title">{t('title')}</h2>
        {threads.length > 0 ? <span className="nd-notes-count">{t('count', { count: threads.length })}</span> : null}
      </header>
      {focus?.returnNote ? (
        <aside ref={returnRef} className="nd-notes-return" data-testid="notes-return-note" aria-label={t('returnTitle')}>
          <h3>{t('returnTitle')}</h3>
          <p>{focus.returnNote.text}</p>
          <p className="nd-note-meta">{t('returnBy', { author: focus.returnNote.author, time: formatVietnamDateTime(focus.returnNote.at) })}</p>
        </aside>
      ) : null}
      <button
        type="button"
        className="button"
        data-testid="note-on-selection"
        aria-keyshortcuts="Control+Alt+M"
        title={t('onSelectionHint')}
        // Keep the editor's selection: the button must not take the focus from the text.
        onMouseDown={(event) => event.preventDefault()}
        onClick={startPassageNote}
      >
        {t('onSelection')}
      </button>
      {draft !== null ? (
        <div className="nd-note-draft" data-testid="note-draft">
          <q className="nd-note-passage">{draft.passage}</q>
          <NoteComposer
            people={people}
            placeholder={t('placeholder')}
            testId="note-passage"
            autoFocus
            onCancel={cancelDraft}
            onSend={(body) =>
              notes.add({ id: draft.id, body, blockId: draft.blockId, passage: draft.passage }).then(() => setDraft(null), failed)
            }
          />
        </div>
      ) : null}
      {notes.state.status === 'failed' ? (
        <p className="nd-notes-error" role="alert">
          {t('loadFailed', { message: notes.state.message })}
        </p>
      ) : null}
      {notes.state.status === 'ready' && threads.length === 0 ? <p className="nd-notes-empty">{t('empty')}</p> : null}
      <ol ref={listRef} className="nd-note-threads">
        {threads.map((thread) => (
          <NoteThreadView
            key={thread.root.id}
            thread={thread}
            active={view.activeId === thread.root.id}
            lost={view.lost.has(thread.root.id)}
            people={people}
            onShowPassage={showPassage}
            onReply={(parentId, body) => notes.add({ parentId, body }).then(() => undefined, failed)}
          />
        ))}
      </ol>
      <NoteComposer people={people} placeholder={t('placeholder')} testId="note-new" onSend={(body) => notes.add({ body }).then(() => undefined, failed)} />
    </section>
  );
}
