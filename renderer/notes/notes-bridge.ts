// What the notes panel (beside the editor) and the marks plugin (inside it)
// share while a story is open: the body editor, the passage notes to mark, and
// the thread in view. One object per open story, made by the editor's layout
// and handed to the plugin through EditorServices; both sides subscribe to it,
// so the memoized body editor never re-renders.
import type { LexicalEditor } from 'lexical';
import type { PassageAnchor } from './note-marks';

export interface NotesView {
  /** Passage notes whose passages should carry a mark. */
  anchors: readonly PassageAnchor[];
  /** The thread in view (clicked in the text or in the panel), or null. */
  activeId: string | null;
  /** Passage notes whose passage is no longer in the text. */
  lost: ReadonlySet<string>;
}

export class NotesBridge {
  editor: LexicalEditor | null = null;
  private view: NotesView = { anchors: [], activeId: null, lost: new Set() };
  private readonly listeners = new Set<() => void>();
  private readonly passageRequests = new Set<() => void>();

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getView = (): NotesView => this.view;

  update(change: Partial<NotesView>): void {
    this.view = { ...this.view, ...change };
    for (const listener of [...this.listeners]) listener();
  }

  /** Ctrl+Alt+M in the text: the panel starts a note on the selected passage. */
  onPassageRequest(listener: () => void): () => void {
    this.passageRequests.add(listener);
    return () => this.passageRequests.delete(listener);
  }

  requestPassageNote(): void {
    for (const listener of [...this.passageRequests]) listener();
  }

  attach(editor: LexicalEditor | null): void {
    this.editor = editor;
    // The marks plugin marks what is already known once it has the editor.
    this.update({});
  }
}
