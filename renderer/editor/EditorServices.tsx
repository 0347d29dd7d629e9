// What the editor's plugins and decorators need from outside Lexical: the
// service client, the open story's id, and a way to tell the writer something.
import { createContext, useContext } from 'react';
import type { NewsdeskClient } from '../transport/client';
import type { NotesBridge } from '../notes/notes-bridge';

export interface EditorServices {
  client: NewsdeskClient;
  storyId: string;
  /** A short message for the writer; errors stay until dismissed. */
  notify(message: string, tone?: 'info' | 'error'): void;
  /** Marks background work (an image upload) as started; the returned function ends it. */
  beginWork(label: string): () => void;
  /** The open story's notes, shared by the notes panel and the body's note marks. */
  notes?: NotesBridge;
}

export const EditorServicesContext = createContext<EditorServices | null>(null);

export function useEditorServices(): EditorServices {
  const services = useContext(EditorServicesContext);
  if (services === null) throw new Error('EditorServicesContext is missing');
  return services;
}
