// One story's history and its current text, as the panel shows them: asked
// when the panel opens and again whenever the story changes (a save, a sync, a
// restore), one request at a time however many events arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { RevisionSummary } from '../../core/api';
import type { Revision, Story } from '../../core/story';
import { toServiceError, type NewsdeskClient } from '../transport';
import { coalescedRequest } from '../transport/coalesced';

export type HistoryLoad =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; revisions: RevisionSummary[]; current: Story };

export function useRevisionHistory(client: NewsdeskClient, storyId: string): { load: HistoryLoad; refresh: () => void } {
  const [load, setLoad] = useState<HistoryLoad>({ status: 'loading' });
  const askRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    const { ask, stop } = coalescedRequest(() =>
      Promise.all([client.call('revisions.list', { storyId }), client.call('stories.get', { id: storyId })]).then(
        ([revisions, current]) => {
          if (live) setLoad({ status: 'ready', revisions, current });
        },
        (error: unknown) => {
          // A history already shown stays; a failed refresh is retried by the next change.
          if (live) setLoad((old) => (old.status === 'ready' ? old : { status: 'failed', message: toServiceError(error).message }));
        },
      ),
    );
    askRef.current = ask;
    const off = client.on('story.changed', ({ id }) => {
      if (id === storyId) ask();
    });
    ask();
    return () => {
      live = false;
      stop();
      off();
    };
  }, [client, storyId]);

  const refresh = useCallback(() => askRef.current(), []);
  return { load, refresh };
}

/**
 * The full text of the revisions asked for. Sealed revisions never change, so
 * each is fetched once; the open autosave is fetched again whenever its time moves.
 */
export function useRevisionTexts(client: NewsdeskClient, wanted: readonly RevisionSummary[]): {
  texts: ReadonlyMap<string, Revision>;
  failure: string | null;
} {
  const cache = useRef(new Map<string, { savedAt: string; revision: Revision }>());
  const [, setVersion] = useState(0);
  const [failure, setFailure] = useState<string | null>(null);
  const key = wanted.map((summary) => `${summary.id}@${summary.createdAt}`).join(',');

  useEffect(() => {
    let live = true;
    const missing = wanted.filter((summary) => cache.current.get(summary.id)?.savedAt !== summary.createdAt);
    if (missing.length === 0) return;
    Promise.all(missing.map((summary) => client.call('revisions.get', { id: summary.id }))).then(
      (revisions) => {
        for (const revision of revisions) cache.current.set(revision.id, { savedAt: revision.createdAt, revision });
        if (live) {
          setFailure(null);
          setVersion((n) => n + 1);
        }
      },
      (error: unknown) => {
        if (live) setFailure(toServiceError(error).message);
      },
    );
    return () => {
      live = false;
    };
    // `key` names exactly the revisions and times in `wanted`, so it stands for it here.
  }, [client, key]);

  const texts = new Map<string, Revision>();
  for (const summary of wanted) {
    const cached = cache.current.get(summary.id);
    if (cached !== undefined && cached.savedAt === summary.createdAt) texts.set(summary.id, cached.revision);
  }
  return { texts, failure };
}
