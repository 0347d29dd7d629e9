// The open story's sync conflict, if it has one: asked when the story opens,
// and again when the story changes (a save here, a pull, a resolution) or the
// number of conflicts changes. One request at a time, however many events arrive.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { SyncConflict } from '../../core/api';
import type { NewsdeskClient } from '../transport';
import { coalescedRequest } from '../transport/coalesced';

export function useStoryConflict(client: NewsdeskClient, storyId: string): { conflict: SyncConflict | null; refresh: () => void } {
  // Kept with the story it belongs to, so that another story never shows this one's banner.
  const [found, setFound] = useState<{ storyId: string; conflict: SyncConflict | null } | null>(null);
  const askRef = useRef<() => void>(() => undefined);

  useEffect(() => {
    let live = true;
    let knownCount: number | undefined;
    // A service that cannot say has nothing to show; the next event asks again.
    const { ask, stop } = coalescedRequest(() =>
      client.call('sync.conflicts', { storyId }).then((conflicts) => {
        if (live) setFound({ storyId, conflict: conflicts[0] ?? null });
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
  return { conflict: found?.storyId === storyId ? found.conflict : null, refresh };
}
