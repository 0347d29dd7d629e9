// A returned story opens with the editor's reason in view. The reason is the
// note of the 'return' transition, which the server keeps in the audit log;
// offline the log cannot be asked, and the notes panel opens as it otherwise would.
import { useEffect, useState } from 'react';
import type { AuditEntry } from '../../core/workflow';
import type { WorkflowView } from '../../core/api';
import type { NewsdeskClient } from '../transport';

export interface ReturnNote {
  text: string;
  author: string;
  at: string;
}

/** The last 'return' of the log that carries a note, or null. */
export function lastReturnNote(entries: readonly AuditEntry[]): ReturnNote | null {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry?.action === 'return' && entry.note !== null) return { text: entry.note, author: entry.actor, at: entry.at };
  }
  return null;
}

export function useReturnNote(client: NewsdeskClient, view: WorkflowView | null): ReturnNote | null {
  const [note, setNote] = useState<ReturnNote | null>(null);
  const storyId = view?.storyId ?? null;
  const returned = view?.workflow.status === 'returned';
  useEffect(() => {
    setNote(null);
    if (storyId === null || !returned) return;
    let live = true;
    client.call('workflow.audit', { storyId }).then(
      (answer) => live && setNote(answer.entries === null ? null : lastReturnNote(answer.entries)),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [client, storyId, returned]);
  return note;
}
