// One story's notes, as threads: loaded from the service, loaded again when the
// service says they changed (written here, answered by the server, pulled).
import { useCallback, useEffect, useState } from 'react';
import type { DeskNote, HandlerArgs, NoteThread } from '../../core/api';
import { toServiceError, type NewsdeskClient } from '../transport/client';

export type NotesState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; threads: NoteThread[] };

export interface StoryNotes {
  state: NotesState;
  add(args: Omit<HandlerArgs<'notes.add'>, 'storyId'>): Promise<DeskNote>;
}

export function useNotes(client: NewsdeskClient, storyId: string): StoryNotes {
  const [state, setState] = useState<NotesState>({ status: 'loading' });

  useEffect(() => {
    let live = true;
    let asked = 0;
    const load = (): void => {
      const ask = ++asked;
      client.call('notes.list', { storyId }).then(
        ({ threads }) => live && ask === asked && setState({ status: 'ready', threads }),
        (error: unknown) => live && ask === asked && setState({ status: 'failed', message: toServiceError(error).message }),
      );
    };
    load();
    const stop = client.on('notes.changed', (payload) => {
      if (payload.storyId === storyId) load();
    });
    return () => {
      live = false;
      stop();
    };
  }, [client, storyId]);

  const add = useCallback((args: Omit<HandlerArgs<'notes.add'>, 'storyId'>) => client.call('notes.add', { ...args, storyId }), [client, storyId]);
  return { state, add };
}
