// Presence while a story is open: "I am editing this story" now and every
// heartbeat, "I left" when it closes, and who else is editing it meanwhile.
// A story open read-only ('viewing') only asks who is editing it, at the same
// pace. Offline the service answers an empty list. Editing never waits on this.
import { useEffect, useState } from 'react';
import type { PresentEditor } from '../../core/api';
import { PRESENCE_HEARTBEAT_MS } from '../../core/sync';
import type { NewsdeskClient } from '../transport/client';

export type PresenceMode = 'editing' | 'viewing';

export function usePresence(client: NewsdeskClient, storyId: string, mode: PresenceMode = 'editing', heartbeatMs = PRESENCE_HEARTBEAT_MS): PresentEditor[] {
  const [present, setPresent] = useState<PresentEditor[]>([]);
  useEffect(() => {
    let live = true;
    const beat = (): void => {
      client.call(mode === 'editing' ? 'presence.enter' : 'presence.list', { storyId }).then(
        (answer) => live && setPresent(answer.present),
        // Presence is a courtesy: a failure shows nobody, and the next heartbeat tries again.
        () => live && setPresent([]),
      );
    };
    beat();
    const timer = window.setInterval(beat, heartbeatMs);
    return () => {
      live = false;
      window.clearInterval(timer);
      if (mode === 'editing') void client.call('presence.leave', { storyId }).catch(() => undefined);
    };
  }, [client, storyId, mode, heartbeatMs]);
  return present;
}
