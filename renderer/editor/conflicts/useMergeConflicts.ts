// The open story's places waiting after a merge (sync.conflicts): asked when the
// story opens, and again when the story changes (a merge, a settled place) or
// the number of stories with conflicts changes. One request at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncConflict } from '../../../core/api';
import type { NewsdeskClient } from '../../transport/client';
import { coalescedRequest } from '../../transport/coalesced';

export function useMergeConflicts(client: NewsdeskClient, storyId: string): { conflicts: SyncConflict[]; refresh: () => void } {
  // Kept with the story they belong to, so that another story never shows these.
  const [found, setFound] = useState<{ storyId: string; conflicts: SyncConflict[] } | null>(null);
  const askRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    let knownCount: number | undefined;
    // A service that cannot say has nothing to show; the next event asks again.
    const { ask, stop } = coalescedRequest(() =>
      client.call('sync.conflicts', { storyId }).then((conflicts) => {
        if (live) setFound({ storyId, conflicts });
      }),
    );
    askRef.current = ask;
    const offStory = client.on('story.changed', ({ id }) => {
      if (id === storyId) ask();
    });
    const offSync = client.on('sync.state', ({ conflicts }) => {
      // Progress events come often during a large upload; only a new count can mean a new conflict.
      if (conflicts !== undefined && conflicts === knownCount) return;
      knownCount = conflicts;
      ask();
    });
    ask();
    return () => {
      live = false;
      stop();
      offStory();
      offSync();
    };
  }, [client, storyId]);

  const refresh = useCallback(() => askRef.current(), []);
  return { conflicts: found?.storyId === storyId ? found.conflicts : [], refresh };
}
