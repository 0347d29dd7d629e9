import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import nspell from 'nspell';
import { describe, expect, it } from 'vitest';
import { createSyllableChecker } from '../../core/text';
import { fromWorker, toWorker, type FromWorker, type ToWorker } from '../../renderer/editor/spell/protocol';
import { SpellClient, type SpellWorker } from '../../renderer/editor/spell/spell-client';

const dictionaryDir = join(import.meta.dirname, '../../node_modules/dictionary-vi');
const speller = nspell(readFileSync(join(dictionaryDir, 'index.aff'), 'utf8'), readFileSync(join(dictionaryDir, 'index.dic'), 'utf8'));

/** The worker's protocol over the real checker, answering when the test says so. */
class FakeWorker implements SpellWorker {
  sent: ToWorker[] = [];
  private listener: ((event: MessageEvent<unknown>) => void) | null = null;
  private checker = createSyllableChecker((w) => speller.correct(w));
  private queue: FromWorker[] = [];

  postMessage(message: ToWorker): void {
    const parsed = toWorker.parse(message);
    this.sent.push(parsed);
    if (parsed.type === 'init') this.checker = createSyllableChecker((w) => speller.correct(w), parsed.personal);
    if (parsed.type === 'add') this.checker.addPersonal(parsed.word);
    if (parsed.type === 'check') this.queue.push({ type: 'checked', id: parsed.id, misspelled: parsed.words.filter((w) => this.checker.isMisspelled(w)) });
    if (parsed.type === 'suggest') this.queue.push({ type: 'suggestions', id: parsed.id, suggestions: ['người'] });
  }
  addEventListener(_type: 'message', listener: (event: MessageEvent<unknown>) => void): void {
    this.listener = listener;
  }
  terminate(): void {}
  answer(): void {
    for (const message of this.queue.splice(0)) this.listener?.({ data: fromWorker.parse(message) } as MessageEvent<unknown>);
  }
}

const tick = () => new Promise<void>((resolve) => queueMicrotask(resolve));

describe('SpellClient', () => {
  it('answers at once for acronyms and numbers, and asks the worker about the rest in one batch', async () => {
    const worker = new FakeWorker();
    const client = new SpellClient(worker, ['Lotte']);
    expect(client.verdict('CNVCLĐ')).toBe(false);
    expect(client.verdict('2025')).toBe(false);
    expect(client.verdict('nguơi')).toBeUndefined();
    expect(client.verdict('người')).toBeUndefined();
    expect(client.verdict('Lotte')).toBeUndefined();
    await tick();
    const checks = worker.sent.filter((m) => m.type === 'check');
    expect(checks).toEqual([{ type: 'check', id: expect.any(Number), words: ['nguơi', 'người', 'Lotte'] }]);
    // Asked once: a second question before the answer does not ask again.
    expect(client.verdict('nguơi')).toBeUndefined();
    await tick();
    expect(worker.sent.filter((m) => m.type === 'check')).toHaveLength(1);

    let changes = 0;
    client.onChange(() => changes++);
    worker.answer();
    expect(changes).toBe(1);
    expect(client.verdict('nguơi')).toBe(true);
    expect(client.verdict('người')).toBe(false);
    expect(client.verdict('Lotte')).toBe(false);
  });

  it('treats decomposed input like NFC', async () => {
    const worker = new FakeWorker();
    const client = new SpellClient(worker, []);
    client.verdict('hòa');
    await tick();
    worker.answer();
    expect(client.verdict('hòa'.normalize('NFD'))).toBe(false);
  });

  it('adds to the personal dictionary at once, whatever the tone placement', async () => {
    const worker = new FakeWorker();
    const client = new SpellClient(worker, []);
    client.verdict('Vingroup');
    await tick();
    worker.answer();
    expect(client.verdict('Vingroup')).toBe(true);
    let changes = 0;
    client.onChange(() => changes++);
    client.addToPersonal('Vingroup');
    expect(changes).toBe(1);
    expect(client.verdict('Vingroup')).toBe(false);
    expect(worker.sent.at(-1)).toEqual({ type: 'add', word: 'Vingroup' });
  });

  it('passes suggestions through', async () => {
    const worker = new FakeWorker();
    const client = new SpellClient(worker, []);
    const suggestions = client.suggest('nguơi');
    worker.answer();
    await expect(suggestions).resolves.toEqual(['người']);
  });
});
