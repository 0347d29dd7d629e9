// The right-hand pane: the open story in the editor, or a way to start one.
// The editor (Lexical and friends) loads on first use, so that the list paints
// without waiting for it.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../core/api';
import { useDeskChanges } from '../changes/useDeskChanges';
import { useHistoryPanel } from '../history';
import type { NewsdeskClient } from '../transport';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { useAuditPanel } from '../workflow/useAuditPanel';

const FIRST_FIELD = '[data-testid="story-editor"] :is(input, textarea, [contenteditable="true"])';

const loadEditor = () => import('../editor/StoryEditor');
const StoryEditor = lazy(() => loadEditor().then((module) => ({ default: module.StoryEditor })));

/**
 * Fetches and compiles the editor's code once the list has painted and the
 * page is idle, so that opening the first story does not wait for it.
 */
export function preloadEditor(): void {
  const idle = window.requestIdleCallback ?? ((callback: () => void) => window.setTimeout(callback, 200));
  idle(() => void loadEditor());
}

export function EditorPane(props: {
  client: NewsdeskClient;
  storyId: string | null;
  settings: Settings;
  onChanged: () => void;
  /** A story the writer just created: put the caret in its first field once the editor shows it. */
  focusStoryId: string | null;
  onFocused: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const { storyId, focusStoryId, onFocused } = props;
  const paneRef = useRef<HTMLElement>(null);
  // Bumped when a revision is restored: the editor loads the story's text again.
  const [loads, setLoads] = useState(0);
  const reload = useCallback(() => setLoads((n) => n + 1), []);
  const history = useHistoryPanel({ client: props.client, storyId, onRestored: reload });
  const audit = useAuditPanel({ client: props.client, storyId });
  const deskChanges = useDeskChanges({ client: props.client, storyId, me: props.settings.userName });
  const statusTools = useMemo(
    () => (
      <>
        {deskChanges.button}
        {history.button}
        {audit.button}
      </>
    ),
    [deskChanges.button, history.button, audit.button],
  );

  useEffect(() => {
    const pane = paneRef.current;
    if (pane === null || storyId === null || focusStoryId !== storyId) return;
    const focusFirstField = (): boolean => {
      const field = pane.querySelector<HTMLElement>(FIRST_FIELD);
      if (field === null) return false;
      if (!pane.contains(document.activeElement)) field.focus();
      onFocused();
      return true;
    };
    if (focusFirstField()) return;
    // The editor loads its code and the story first; wait for its fields to appear.
    const observer = new MutationObserver(() => {
      if (focusFirstField()) observer.disconnect();
    });
    observer.observe(pane, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [storyId, focusStoryId, onFocused]);

  if (storyId === null) {
    return (
      <main className="editor-pane is-empty" aria-label={t('pane.region')}>
        <div className="empty-pane">
          <h1>{t('pane.emptyTitle')}</h1>
          <p>{t('pane.emptyText')}</p>
        </div>
      </main>
    );
  }
  return (
    <main ref={paneRef} className="editor-pane" aria-label={t('pane.region')}>
      <ErrorBoundary key={`${storyId}:${loads}`} fallback={<p className="pane-error" role="alert">{t('pane.editorFailed')}</p>}>
        <Suspense fallback={<p className="pane-loading" role="status">{t('pane.loadingEditor')}</p>}>
          <StoryEditor
            client={props.client}
            storyId={storyId}
            settings={props.settings}
            onChanged={props.onChanged}
            statusTools={statusTools}
          />
        </Suspense>
      </ErrorBoundary>
      {history.panel}
      {audit.panel}
      {deskChanges.dialog}
    </main>
  );
}
