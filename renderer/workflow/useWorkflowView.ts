// The open story's workflow as the desk shows it: asked once, and again when
// the story changes (a transition here, or an answer or a pull from the server).
import { useCallback, useEffect, useState } from 'react';
import type { WorkflowView } from '../../core/api';
import { toServiceError, type NewsdeskClient } from '../transport';

export type WorkflowLoad = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; view: WorkflowView };

export function useWorkflowView(client: NewsdeskClient, storyId: string): { load: WorkflowLoad; set: (view: WorkflowView) => void } {
  const [load, setLoad] = useState<WorkflowLoad>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    const ask = (): void => {
      client.call('workflow.view', { storyId }).then(
        (view) => {
          if (live) setLoad({ status: 'ready', view });
        },
        (error: unknown) => {
          if (live) setLoad((old) => (old.status === 'ready' ? old : { status: 'failed', message: toServiceError(error).message }));
        },
      );
    };
    ask();
    const offChanged = client.on('story.changed', ({ id }) => {
      if (id === storyId) ask();
    });
    // Signing in or out changes who acts.
    const offSync = client.on('sync.state', ask);
    return () => {
      live = false;
      offChanged();
      offSync();
    };
  }, [client, storyId]);

  const set = useCallback((view: WorkflowView) => setLoad({ status: 'ready', view }), []);
  return { load, set };
}
