// One open story: loading it, the fields around the body, and saving. The body
// itself stays in Lexical and is read only when a save or a count needs it, so
// a keystroke in a long story costs no serialization.
//
// The story can change underneath the editor: sync merges the server's version
// in, or a conflict is settled. Every save says which stored text it was
// written on (`since`); a story changed meanwhile refuses it (STORY_CHANGED),
// and the editor merges the new text with its own (./document/follow) before it
// saves again. A change announced while nothing is being typed is simply shown.
import type { LexicalEditor } from 'lexical';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { SaveState } from '../../core/api';
import { describeBodyError, plainTextOfBody, storyBody, storyContent, type Story, type StoryBody, type StoryContent } from '../../core/story';
import { toServiceError, type NewsdeskClient } from '../transport/client';
import { Autosaver, type SaveKind, type Snapshot } from './document/autosave';
import { catchUp } from './document/follow';
import { replaceBody } from './document/replace-body';
import { withoutNoteMarks } from '../notes/strip-marks';
import { applyMetaEdit, contentOf, metaFromContent, type MetaEdit, type MetaState } from './document/story-meta';

/** Autosave 800 ms after typing stops: the worst case stays under one second. */
export const AUTOSAVE_DELAY_MS = 800;
const RETRY_MS = 3_000;
/** Counting a long body is cheap but not free: do it when typing pauses. */
const COUNT_DELAY_MS = 250;

export type LoadState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; story: Story };

export interface SaveStatus {
  state: SaveState;
  message: string | null;
}

export interface StoryDocument {
  load: LoadState;
  meta: MetaState;
  /** plainTextOfBody of the body, refreshed when typing pauses. */
  bodyText: string;
  save: SaveStatus;
  edit(edit: MetaEdit): void;
  /** The Lexical editor holding the body; set by the body's sync plugin. */
  attachEditor(editor: LexicalEditor | null): void;
  bodyChanged(): void;
  flush(): Promise<void>;
  saveRevision(): Promise<void>;
  reload(): void;
  /** While true (a story this user may not edit), edits are not sent: the server would refuse them. */
  setReadOnly(readOnly: boolean): void;
}

const EMPTY_META: MetaState = metaFromContent({ headline: '', sapo: '', byline: '', section: '', tags: [], slug: '', related: [] });

/** The text fields of a stored story. */
function textOf(story: StoryContent): StoryContent {
  const { headline, sapo, byline, section, tags, slug, related, body } = story;
  return { headline, sapo, byline, section, tags, slug, related, body };
}

function validate(content: StoryContent): Snapshot<StoryContent> {
  const parsed = storyContent.safeParse(content);
  if (parsed.success) return { ok: true, content: parsed.data };
  const issue = parsed.error.issues[0];
  if (issue?.path[0] === 'body') {
    const body = storyBody.safeParse(content.body);
    if (!body.success) return { ok: false, message: describeBodyError(body.error) };
  }
  return { ok: false, message: issue?.message ?? 'Nội dung bài không hợp lệ' };
}

/**
 * Everything one opened story needs to save itself. A session outlives its
 * React effect until its last save is sent, so it keeps its own fields and
 * editor: a late save can never mix in the next story's text.
 */
class Session {
  meta: MetaState = EMPTY_META;
  body: StoryBody | null = null;
  editor: LexicalEditor | null = null;
  saver: Autosaver<StoryContent> | null = null;
  readOnly = false;
  /** The stored text the editor's text is written on, and its updatedAt (a save's `since`). */
  since: string | null = null;
  synced: StoryContent | null = null;
  /** Changes announced for this story are taken one after another. */
  following: Promise<void> = Promise.resolve();

  wrote(updatedAt: string, content: StoryContent): void {
    this.since = updatedAt;
    this.synced = content;
  }

  currentBody(): StoryBody | null {
    // The editor's JSON, without the marks of noted passages, is checked against the schema before it is sent.
    return this.editor === null ? this.body : (withoutNoteMarks(this.editor.getEditorState().toJSON()) as unknown as StoryBody);
  }

  detach(): void {
    // Keep what the editor holds now, for a save still to come.
    this.body = this.currentBody();
    this.editor = null;
  }
}

export function useStoryDocument(client: NewsdeskClient, storyId: string, onChanged?: () => void): StoryDocument {
  const [load, setLoad] = useState<LoadState>({ status: 'loading' });
  const [meta, setMeta] = useState<MetaState>(EMPTY_META);
  const [bodyText, setBodyText] = useState('');
  const [save, setSave] = useState<SaveStatus>({ state: 'saved', message: null });
  const [attempt, setAttempt] = useState(0);

  const sessionRef = useRef<Session>(new Session());
  const countTimer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const onChangedRef = useRef(onChanged);
  useEffect(() => {
    onChangedRef.current = onChanged;
  }, [onChanged]);

  useEffect(() => {
    let live = true;
    const session = new Session();
    sessionRef.current = session;
    setLoad({ status: 'loading' });
    client.call('stories.get', { id: storyId }).then(
      (story) => {
        if (!live) return;
        session.meta = metaFromContent(story);
        session.body = story.body;
        session.wrote(story.updatedAt, textOf(story));
        setMeta(session.meta);
        setBodyText(plainTextOfBody(story.body));
        setSave({ state: 'saved', message: null });
        setLoad({ status: 'ready', story });
      },
      (error: unknown) => {
        if (live) setLoad({ status: 'failed', message: toServiceError(error).message });
      },
    );

    const snapshot = (): Snapshot<StoryContent> => {
      const body = session.currentBody();
      if (body === null) return { ok: false, message: 'Bài chưa mở xong' };
      return validate(contentOf(session.meta, body));
    };
    /** Shows a text the editor did not type: the fields, the body (caret kept), the counts. */
    const show = (text: StoryContent): void => {
      session.meta = metaFromContent(text);
      const current = session.currentBody();
      if (JSON.stringify(current) !== JSON.stringify(text.body)) {
        if (session.editor !== null) replaceBody(session.editor, text.body);
        else session.body = text.body;
      }
      if (!live) return;
      setMeta(session.meta);
      setBodyText(plainTextOfBody(text.body));
    };
    /**
     * Takes the stored text if it changed underneath, merged with what is typed
     * here but not saved yet; true when the editor now holds text to save.
     */
    const takeStored = async (typed: boolean): Promise<boolean> => {
      if (session.since === null || session.synced === null) return false;
      const stored = await client.call('stories.get', { id: storyId });
      if (stored.updatedAt === session.since) return false;
      const storedText = textOf(stored);
      const mine = typed || saver.hasUnsavedChanges ? snapshot() : null;
      const { text, unsaved } = mine?.ok === true ? catchUp(session.synced, mine.content, storedText) : { text: storedText, unsaved: false };
      session.wrote(stored.updatedAt, storedText);
      show(text);
      return unsaved;
    };
    const write = async (kind: SaveKind, content: StoryContent): Promise<void> => {
      const since = session.since === null ? {} : { since: session.since };
      if (kind === 'revision') session.wrote((await client.call('stories.save', { id: storyId, content, ...since })).story.updatedAt, content);
      else session.wrote((await client.call('stories.autosave', { id: storyId, content, ...since })).updatedAt, content);
    };

    const saver = new Autosaver<StoryContent>({
      delayMs: AUTOSAVE_DELAY_MS,
      retryMs: RETRY_MS,
      snapshot,
      send: async (kind, content) => {
        try {
          try {
            await write(kind, content);
          } catch (error) {
            if (toServiceError(error).code !== 'STORY_CHANGED') throw error;
            // Sync changed the story meanwhile: take that in, then save the two merged.
            await takeStored(true);
            const merged = snapshot();
            if (!merged.ok) throw new Error(merged.message);
            await write(kind, merged.content);
          }
        } catch (error) {
          throw toServiceError(error);
        }
        onChangedRef.current?.();
      },
      onState: (state, message) => {
        // Called on every keystroke: keep the same object when nothing changed, so nothing re-renders.
        if (live) setSave((old) => (old.state === state && old.message === (message ?? null) ? old : { state, message: message ?? null }));
      },
    });
    session.saver = saver;

    // Closing the window or switching away must not wait for the debounce.
    const flushNow = (): void => void saver.flush();
    const onVisibility = (): void => {
      if (document.visibilityState === 'hidden') flushNow();
    };
    window.addEventListener('beforeunload', flushNow);
    window.addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', onVisibility);
    // A change of this story made elsewhere (sync, a settled conflict): shown once what is typed here is saved.
    const offChanged = client.on('story.changed', ({ id, updatedAt }) => {
      if (id !== storyId || session.since === null || updatedAt === session.since) return;
      session.following = session.following
        .then(async () => {
          await saver.flush();
          if (live && (await takeStored(false))) saver.changed();
        })
        .catch((error: unknown) => console.error('Newsdesk: the story changed and could not be shown', error));
    });

    return () => {
      live = false;
      offChanged();
      window.removeEventListener('beforeunload', flushNow);
      window.removeEventListener('pagehide', flushNow);
      document.removeEventListener('visibilitychange', onVisibility);
      if (countTimer.current !== null) clearTimeout(countTimer.current);
      // Opening another story sends what is left of this one first.
      session.detach();
      void saver.flush().finally(() => saver.dispose());
    };
  }, [client, storyId, attempt]);

  const edit = useCallback((change: MetaEdit) => {
    const session = sessionRef.current;
    if (session.readOnly) return;
    session.meta = applyMetaEdit(session.meta, change);
    setMeta(session.meta);
    session.saver?.changed();
  }, []);

  const bodyChanged = useCallback(() => {
    const session = sessionRef.current;
    if (session.readOnly) return;
    session.saver?.changed();
    if (countTimer.current !== null) clearTimeout(countTimer.current);
    countTimer.current = setTimeout(() => {
      countTimer.current = null;
      const body = session.currentBody();
      if (body !== null) setBodyText(plainTextOfBody(body));
    }, COUNT_DELAY_MS);
  }, []);

  const attachEditor = useCallback((editor: LexicalEditor | null) => {
    if (editor === null) sessionRef.current.detach();
    else sessionRef.current.editor = editor;
  }, []);

  const flush = useCallback(() => sessionRef.current.saver?.flush() ?? Promise.resolve(), []);
  const saveRevision = useCallback(() => sessionRef.current.saver?.saveRevision() ?? Promise.resolve(), []);
  const reload = useCallback(() => setAttempt((n) => n + 1), []);
  const setReadOnly = useCallback((readOnly: boolean) => {
    sessionRef.current.readOnly = readOnly;
  }, []);

  return useMemo(
    () => ({ load, meta, bodyText, save, edit, attachEditor, bodyChanged, flush, saveRevision, reload, setReadOnly }),
    [load, meta, bodyText, save, edit, attachEditor, bodyChanged, flush, saveRevision, reload, setReadOnly],
  );
}
