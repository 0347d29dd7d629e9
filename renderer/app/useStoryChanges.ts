import { useCallback, useEffect, useRef, useState } from 'react';
import type { NewsdeskClient } from '../transport';

const COALESCE_MS = 250;

/**
 * A number that goes up when stories change (service events, or `bump()` after
 * this window created or trashed one). Autosave reports a change every second
 * while someone types; bursts are coalesced so the list re-reads once.
 */
export function useStoryChanges(client: NewsdeskClient): { revision: number; bump: () => void } {
  const [revision, setRevision] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const bump = useCallback(() => {
    if (timer.current !== null) return;
    timer.current = setTimeout(() => {
      timer.current = null;
      setRevision((n) => n + 1);
    }, COALESCE_MS);
  }, []);

  useEffect(() => {
    const off = client.on('story.changed', bump);
    return () => {
      off();
      if (timer.current !== null) clearTimeout(timer.current);
      timer.current = null;
    };
  }, [client, bump]);

  return { revision, bump };
}
