// A stand-in for the app service behind the renderer's client, for component
// tests in happy-dom: a subclass answers the handlers its test needs, records
// every call, and emits events the way the service does.
import type { EventName, EventPayloads, HandlerArgs, HandlerName, HandlerResults } from '../../core/api';
import type { Story, StoryContent } from '../../core/story';
import type { NewsdeskClient } from '../../renderer/transport/client';

type Listener = (payload: never) => void;

export abstract class FakeServiceDesk {
  calls: Array<{ name: HandlerName; args: unknown }> = [];
  private listeners = new Map<EventName, Set<Listener>>();

  /** The handler's result; throwing rejects the call. */
  protected abstract answer(name: HandlerName, args: unknown): unknown;

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of this.listeners.get(event) ?? []) (listener as (p: EventPayloads[E]) => void)(payload);
  }

  client(): NewsdeskClient {
    return {
      transport: 'http',
      call: <N extends HandlerName>(name: N, args: HandlerArgs<N>): Promise<HandlerResults[N]> => {
        this.calls.push({ name, args });
        try {
          return Promise.resolve(this.answer(name, args) as HandlerResults[N]);
        } catch (error) {
          return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
      },
      on: <E extends EventName>(event: E, listener: (payload: EventPayloads[E]) => void): (() => void) => {
        const set = this.listeners.get(event) ?? new Set<Listener>();
        this.listeners.set(event, set);
        set.add(listener as Listener);
        return () => set.delete(listener as Listener);
      },
    };
  }

  /** The arguments of every call to one handler, in order. */
  named(name: HandlerName): unknown[] {
    return this.calls.filter((call) => call.name === name).map((call) => call.args);
  }
}

/** The story a fake desk holds, as the service returns it: its text plus the fields a test sets. */
export function storedStory(content: StoryContent, fields: Pick<Story, 'id' | 'status' | 'rev'> & Partial<Story>): Story {
  return {
    ...structuredClone(content),
    author: 'hphong',
    assignee: null,
    publishAt: null,
    publishedAt: null,
    createdAt: '2025-03-01T07:00:00.000Z',
    updatedAt: new Date().toISOString(),
    baseRev: fields.rev,
    ...fields,
  };
}
