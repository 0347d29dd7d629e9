// Search as the user types. Each keystroke asks again after a short pause; a
// reply that arrives after a newer question was asked is dropped, so results
// never flicker back to an older query.
import { useEffect, useRef, useState } from 'react';
import type { SearchHit } from '../../core/api';
import { toServiceError, type NewsdeskClient, type ServiceError } from '../transport';

const PAUSE_MS = 80;
const LIMIT = 200;

export interface SearchState {
  /** Null when there is no query: the sidebar shows the filtered list instead. */
  hits: SearchHit[] | null;
  searching: boolean;
  error: ServiceError | null;
}

export function useSearch(client: NewsdeskClient, query: string, revision: number): SearchState {
  const [state, setState] = useState<SearchState>({ hits: null, searching: false, error: null });
  const asked = useRef(0);
  const trimmed = query.trim();

  useEffect(() => {
    asked.current += 1;
    const question = asked.current;
    if (trimmed === '') {
      setState({ hits: null, searching: false, error: null });
      return;
    }
    setState((old) => ({ ...old, searching: true }));
    const timer = setTimeout(() => {
      client.call('search.query', { query: trimmed, limit: LIMIT }).then(
        (hits) => {
          if (asked.current === question) setState({ hits, searching: false, error: null });
        },
        (error: unknown) => {
          if (asked.current === question) setState({ hits: [], searching: false, error: toServiceError(error) });
        },
      );
    }, PAUSE_MS);
    return () => clearTimeout(timer);
  }, [client, trimmed, revision]);

  return state;
}
