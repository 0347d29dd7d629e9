// The sync status for the UI: asked once, then kept current by 'sync.state'
// events. An event carries the four fields every transport knows; when a
// transport drops the rest (progress, conflicts…), the full status is asked
// again, one request at a time however many events arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncStatus } from '../../core/api';
import type { NewsdeskClient } from '../transport';
import { coalescedRequest } from '../transport/coalesced';

export function useSyncStatus(client: NewsdeskClient): { status: SyncStatus | null; refresh: () => void } {
  const [status, setStatus] = useState<SyncStatus | null>(null);
  const askRef = useRef<() => void>(() => undefined);
  const signedInRef = useRef<boolean | null>(null);

  useEffect(() => {
    let live = true;
    const { ask, stop } = coalescedRequest(() =>
      client.call('sync.status', {}).then((full) => {
        signedInRef.current = full.signedIn;
        if (live) setStatus(full);
      }),
    );
    askRef.current = ask;
    const off = client.on('sync.state', (state) => {
      // Who is signed in travels only in the full status: asked again when sign-in changes.
      const signedInChanged = state.signedIn !== undefined && state.signedIn !== signedInRef.current;
      setStatus((old) => (old === null ? old : { ...old, ...state }));
      if (state.signedIn === undefined || state.progress === undefined || signedInChanged) ask();
    });
    ask();
    return () => {
      live = false;
      stop();
      off();
    };
  }, [client]);

  const refresh = useCallback(() => askRef.current(), []);
  return { status, refresh };
}
