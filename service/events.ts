// The service's events, typed by the contract. A listener that throws is the
// transport's bug, not the save's: it is logged and the other listeners still run.
import type { EventName, EventPayloads } from '../core/api';

export type EventListener<E extends EventName> = (payload: EventPayloads[E]) => void;

export class ServiceEvents {
  private readonly listeners = new Map<EventName, Set<(payload: never) => void>>();

  on<E extends EventName>(event: E, listener: EventListener<E>): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  emit<E extends EventName>(event: E, payload: EventPayloads[E]): void {
    for (const listener of [...(this.listeners.get(event) ?? [])]) {
      try {
        (listener as EventListener<E>)(payload);
      } catch (error) {
        console.error(`Newsdesk: a listener of "${event}" failed`, error);
      }
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
