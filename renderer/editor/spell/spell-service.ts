// One spellchecker for the open story: one worker, one personal dictionary,
// one set of underlines. The body (Lexical) and the headline and sapo fields
// each paint their misspellings under their own name; the service shows them
// all at once, since the CSS Custom Highlight registry holds one highlight per
// name for the whole window.
import { paintMisspellings } from './highlight';
import type { SpellClient } from './spell-client';

export interface PersonalDictionaryStore {
  /** The words stored now (another story may have added some since this one opened). */
  load(): Promise<string[]>;
  save(words: string[]): Promise<void>;
}

export class SpellService {
  readonly checker: SpellClient;
  private readonly store: PersonalDictionaryStore;
  private readonly painted = new Map<string, readonly Range[]>();
  private readonly wordListeners = new Set<() => void>();
  private personal: string[];

  constructor(checker: SpellClient, personal: readonly string[], store: PersonalDictionaryStore) {
    this.checker = checker;
    this.personal = [...personal];
    this.store = store;
    // Words added from another story since the app loaded its settings.
    void store.load().then(
      (words) => {
        for (const word of words) if (!this.personal.includes(word)) this.learn(word);
      },
      () => undefined,
    );
  }

  /** Underlines `ranges` for `source` ('body', 'headline', 'sapo'), keeping the other sources' underlines. */
  paint(source: string, ranges: readonly Range[]): void {
    if (ranges.length === 0) this.painted.delete(source);
    else this.painted.set(source, ranges);
    paintMisspellings([...this.painted.values()].flat());
  }

  /** Called after a word joins the dictionary: the sources read their text again. */
  onWordAdded(listener: () => void): () => void {
    this.wordListeners.add(listener);
    return () => this.wordListeners.delete(listener);
  }

  /** Known from now on, and stored in settings, merged with what other stories stored meanwhile. */
  async addWord(typed: string): Promise<void> {
    this.learn(typed.normalize('NFC'));
    const stored = await this.store.load();
    const merged = [...new Set([...stored, ...this.personal])];
    this.personal = merged;
    await this.store.save(merged);
  }

  dispose(): void {
    this.wordListeners.clear();
    this.painted.clear();
    paintMisspellings([]);
    this.checker.dispose();
  }

  private learn(word: string): void {
    this.personal = [...this.personal, word];
    this.checker.addToPersonal(word);
    for (const listener of this.wordListeners) listener();
  }
}
