// The sidebar's stories, fetched a page at a time as the user scrolls. A
// change of filters starts over; replies meant for older filters are dropped.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { StorySummary } from '../../core/api';
import { toServiceError, type NewsdeskClient, type ServiceError } from '../transport';
import { listArgs, type ListFilters } from './filters';
import { appendPage, mergeHead } from './pages';
import { firstPageArgs, type PrefetchedPage } from './prefetch';

const NEXT_PAGE = 300;

export interface StoryPages {
  items: StorySummary[];
  hasMore: boolean;
  loading: boolean;
  loaded: boolean;
  error: ServiceError | null;
  loadMore: () => void;
  /** Re-reads the first page, after a story was created or saved. */
  refresh: () => void;
  remove: (id: string) => void;
}

interface State {
  items: StorySummary[];
  nextCursor: string | null;
  loaded: boolean;
  error: ServiceError | null;
}

const EMPTY: State = { items: [], nextCursor: null, loaded: false, error: null };

export function useStoryPages(
  client: NewsdeskClient,
  filters: ListFilters,
  userName: string,
  prefetched?: PrefetchedPage,
): StoryPages {
  const [state, setState] = useState<State>(EMPTY);
  const [loading, setLoading] = useState(false);
  const generation = useRef(0);
  const inFlight = useRef(false);
  const cursor = useRef<string | null>(null);
  const unusedPrefetch = useRef(prefetched);
  const { mine, status, section, trashed, queue } = filters;
  const baseArgs = useMemo(
    () => listArgs({ mine, status, section, trashed, queue }, userName),
    [mine, status, section, trashed, queue, userName],
  );

  const fetchFirst = useCallback(
    (mode: 'reset' | 'merge') => {
      const asked = generation.current;
      if (mode === 'reset') setLoading(true);
      const args = firstPageArgs(baseArgs);
      const early = unusedPrefetch.current;
      unusedPrefetch.current = undefined;
      const request = mode === 'reset' && early?.key === JSON.stringify(args) ? early.page : client.call('stories.list', args);
      request.then(
        (page) => {
          if (generation.current !== asked) return;
          setState((old) => {
            // With only the first page shown, or when the fresh page is the whole list (a story that
            // left a filter or a queue must go), the fresh page simply replaces it.
            if (mode === 'reset' || old.items.length <= page.items.length || page.nextCursor === null) {
              return { items: page.items, nextCursor: page.nextCursor, loaded: true, error: null };
            }
            return { ...old, items: mergeHead(old.items, page.items), error: null };
          });
          if (mode === 'reset') setLoading(false);
        },
        (error: unknown) => {
          if (generation.current !== asked) return;
          setState((old) => ({ ...old, loaded: true, error: toServiceError(error) }));
          if (mode === 'reset') setLoading(false);
        },
      );
    },
    [client, baseArgs],
  );

  useEffect(() => {
    cursor.current = state.nextCursor;
  }, [state.nextCursor]);

  useEffect(() => {
    generation.current += 1;
    inFlight.current = false;
    cursor.current = null;
    setState(EMPTY);
    fetchFirst('reset');
  }, [fetchFirst]);

  const loadMore = useCallback(() => {
    const from = cursor.current;
    if (inFlight.current || from === null) return;
    inFlight.current = true;
    setLoading(true);
    const asked = generation.current;
    client.call('stories.list', { ...baseArgs, limit: NEXT_PAGE, cursor: from }).then(
      (page) => {
        if (generation.current !== asked) return;
        inFlight.current = false;
        cursor.current = page.nextCursor;
        setLoading(false);
        setState((old) => ({ ...old, items: appendPage(old.items, page.items), nextCursor: page.nextCursor, error: null }));
      },
      (error: unknown) => {
        if (generation.current !== asked) return;
        inFlight.current = false;
        setLoading(false);
        setState((old) => ({ ...old, error: toServiceError(error) }));
      },
    );
  }, [client, baseArgs]);

  const refresh = useCallback(() => fetchFirst('merge'), [fetchFirst]);
  const remove = useCallback((id: string) => {
    setState((old) => ({ ...old, items: old.items.filter((item) => item.id !== id) }));
  }, []);

  return {
    items: state.items,
    hasMore: state.nextCursor !== null,
    loading,
    loaded: state.loaded,
    error: state.error,
    loadMore,
    refresh,
    remove,
  };
}
