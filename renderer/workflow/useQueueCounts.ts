// How many stories each of the desk's views holds, from the local store: asked
// again whenever stories change here or arrive from the server, and when
// someone signs in or out (whose views these are).
import { useEffect, useState } from 'react';
import type { QueueCounts } from '../../core/api';
import type { NewsdeskClient } from '../transport';

export function useQueueCounts(client: NewsdeskClient, revision: number): QueueCounts | null {
  const [counts, setCounts] = useState<QueueCounts | null>(null);
  const [signedIn, setSignedIn] = useState<boolean | null>(null);
  useEffect(
    () =>
      client.on('sync.state', (state) => {
        if (state.signedIn !== undefined) setSignedIn(state.signedIn);
      }),
    [client],
  );
  useEffect(() => {
    let live = true;
    client.call('workflow.queues', {}).then(
      (answer) => live && setCounts(answer),
      // Without counts the list still works; the views are simply not offered.
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, revision, signedIn]);
  return counts;
}
