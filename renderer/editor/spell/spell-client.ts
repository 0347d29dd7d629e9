// The editor's side of the spellcheck worker: a cache of verdicts per syllable,
// filled in the background. Asking about a syllable never waits; an unknown
// one is sent to the worker in the next batch and listeners hear when answers
// arrive, so the underline appears a moment later instead of typing pausing.
import { isExemptFromSpellcheck, personalDictionaryKey } from '../../../core/text';
import { fromWorker, type ToWorker } from './protocol';

export interface SpellWorker {
  postMessage(message: ToWorker): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<unknown>) => void): void;
  terminate(): void;
}

export class SpellClient {
  private readonly worker: SpellWorker;
  private readonly verdicts = new Map<string, boolean>();
  private readonly asked = new Set<string>();
  private readonly waitingSuggestions = new Map<number, (suggestions: string[]) => void>();
  /** The words of each check in flight; the worker answers with the misspelled ones only. */
  private readonly pendingChecks = new Map<number, string[]>();
  private readonly listeners = new Set<() => void>();
  private nextId = 1;
  private batchQueued = false;
  private queued = new Set<string>();

  constructor(worker: SpellWorker, personal: readonly string[]) {
    this.worker = worker;
    worker.addEventListener('message', (event) => this.receive(event.data));
    worker.postMessage({ type: 'init', personal: [...personal] });
  }

  /** true misspelled, false fine, undefined not known yet (and now asked for). */
  verdict(token: string): boolean | undefined {
    if (isExemptFromSpellcheck(token)) return false;
    const key = token.normalize('NFC');
    const known = this.verdicts.get(key);
    if (known !== undefined || this.asked.has(key)) return known;
    this.queued.add(key);
    if (!this.batchQueued) {
      this.batchQueued = true;
      queueMicrotask(() => this.sendBatch());
    }
    return undefined;
  }

  suggest(token: string): Promise<string[]> {
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.waitingSuggestions.set(id, resolve);
      this.worker.postMessage({ type: 'suggest', id, word: token.normalize('NFC') });
    });
  }

  /** Known from now on, in this window; the caller stores it in settings. */
  addToPersonal(word: string): void {
    this.worker.postMessage({ type: 'add', word });
    const key = personalDictionaryKey(word);
    for (const cached of this.verdicts.keys()) {
      if (personalDictionaryKey(cached) === key) this.verdicts.set(cached, false);
    }
    this.notify();
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  dispose(): void {
    this.listeners.clear();
    this.worker.terminate();
  }

  private sendBatch(): void {
    this.batchQueued = false;
    const words = [...this.queued];
    this.queued = new Set();
    if (words.length === 0) return;
    for (const word of words) this.asked.add(word);
    const id = this.nextId++;
    this.pendingChecks.set(id, words);
    this.worker.postMessage({ type: 'check', id, words });
  }

  private receive(data: unknown): void {
    const parsed = fromWorker.safeParse(data);
    if (!parsed.success) return;
    const message = parsed.data;
    if (message.type === 'checked') {
      const words = this.pendingChecks.get(message.id) ?? [];
      this.pendingChecks.delete(message.id);
      const misspelled = new Set(message.misspelled);
      for (const word of words) {
        this.verdicts.set(word, misspelled.has(word));
        this.asked.delete(word);
      }
      if (misspelled.size > 0) this.notify();
    } else if (message.type === 'suggestions') {
      this.waitingSuggestions.get(message.id)?.(message.suggestions);
      this.waitingSuggestions.delete(message.id);
    }
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The real worker, bundled by Vite as a module worker. */
export function startSpellWorker(): SpellWorker {
  return new Worker(new URL('./worker.ts', import.meta.url), { type: 'module', name: 'newsdesk-spellcheck' });
}
