import { describe, expect, it } from 'vitest';
import { Autosaver, type SaveKind, type Snapshot, type Timers } from '../../renderer/editor/document/autosave';

/** Timers the test advances by hand, so that no assertion depends on the clock. */
class ManualTimers implements Timers {
  now = 0;
  private queue: Array<{ at: number; callback: () => void; id: number }> = [];
  private nextId = 1;
  set(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.queue.push({ at: this.now + ms, callback, id });
    return id;
  }
  clear(handle: unknown): void {
    this.queue = this.queue.filter((t) => t.id !== handle);
  }
  advance(ms: number): void {
    const until = this.now + ms;
    for (;;) {
      const due = this.queue.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
      if (due === undefined) break;
      this.queue = this.queue.filter((t) => t !== due);
      this.now = due.at;
      due.callback();
    }
    this.now = until;
  }
}

interface Sent {
  kind: SaveKind;
  content: string;
  at: number;
  finish(): void;
  fail(message: string): void;
}

function setup(initial = 'Tít') {
  const timers = new ManualTimers();
  let text = initial;
  let valid = true;
  const sent: Sent[] = [];
  const states: string[] = [];
  const saver = new Autosaver<string>({
    delayMs: 800,
    retryMs: 3000,
    timers,
    snapshot: (): Snapshot<string> => (valid ? { ok: true, content: text } : { ok: false, message: 'Slug chỉ gồm chữ thường' }),
    send: (kind, content) =>
      new Promise<void>((resolve, reject) => {
        sent.push({ kind, content, at: timers.now, finish: resolve, fail: (m) => reject(new Error(m)) });
      }),
    onState: (state, message) => states.push(message === undefined ? state : `${state}: ${message}`),
  });
  const type = (more: string): void => {
    text += more;
    saver.changed();
  };
  return {
    saver, timers, sent, states, type,
    setValid: (v: boolean) => { valid = v; },
  };
}

const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

describe('Autosaver', () => {
  it('saves 800 ms after the last keystroke, not before', () => {
    const t = setup();
    t.type(' L');
    t.timers.advance(500);
    t.type('Đ');
    t.timers.advance(799);
    expect(t.sent).toHaveLength(0);
    t.timers.advance(1);
    expect(t.sent.map((s) => [s.kind, s.content, s.at])).toEqual([['autosave', 'Tít LĐ', 1300]]);
  });

  it('keeps one save in flight and coalesces everything typed meanwhile into the next', async () => {
    const t = setup();
    t.type(' quận');
    t.timers.advance(800);
    expect(t.sent).toHaveLength(1);
    t.type(' Hai');
    t.timers.advance(800);
    t.type(' Bà');
    t.timers.advance(800);
    t.type(' Trưng');
    t.timers.advance(800);
    expect(t.sent).toHaveLength(1);
    t.sent[0]?.finish();
    await settle();
    expect(t.sent.map((s) => s.content)).toEqual(['Tít quận', 'Tít quận Hai Bà Trưng']);
    t.sent[1]?.finish();
    await settle();
    expect(t.sent).toHaveLength(2);
    expect(t.states.at(-1)).toBe('saved');
  });

  it('shows saving while changes wait, and saved only when nothing is pending', async () => {
    const t = setup();
    t.type('a');
    expect(t.states).toEqual(['saving']);
    t.timers.advance(800);
    t.type('b');
    t.sent[0]?.finish();
    await settle();
    expect(t.states.at(-1)).toBe('saving');
    t.timers.advance(800);
    t.sent[1]?.finish();
    await settle();
    expect(t.states.at(-1)).toBe('saved');
    expect(t.saver.hasUnsavedChanges).toBe(false);
  });

  it('flushes at once on blur or close and resolves when the store has everything', async () => {
    const t = setup();
    t.type(' mới');
    let flushed = false;
    void t.saver.flush().then(() => { flushed = true; });
    expect(t.sent.map((s) => s.content)).toEqual(['Tít mới']);
    await settle();
    expect(flushed).toBe(false);
    t.sent[0]?.finish();
    await settle();
    expect(flushed).toBe(true);
  });

  it('a flush sends what was typed before it; typing after it keeps its debounce', async () => {
    const t = setup();
    t.type(' a');
    void t.saver.flush();
    t.type('b');
    t.sent[0]?.finish();
    await settle();
    t.type('c');
    t.timers.advance(100);
    t.type('d');
    expect(t.sent.map((s) => s.content)).toEqual(['Tít a']);
    t.timers.advance(800);
    expect(t.sent.map((s) => s.content)).toEqual(['Tít a', 'Tít abcd']);
  });

  it('a flush during a send waits for the follow-up send that carries its changes', async () => {
    const t = setup();
    t.type(' 1');
    t.timers.advance(800);
    t.type(' 2');
    let flushed = false;
    void t.saver.flush().then(() => { flushed = true; });
    t.sent[0]?.finish();
    await settle();
    expect(flushed).toBe(false);
    expect(t.sent.map((s) => s.content)).toEqual(['Tít 1', 'Tít 1 2']);
    t.sent[1]?.finish();
    await settle();
    expect(flushed).toBe(true);
  });

  it('flush with nothing unsaved sends nothing', async () => {
    const t = setup();
    await t.saver.flush();
    expect(t.sent).toHaveLength(0);
  });

  it('queues an explicit revision behind the autosave in flight, with the newest content', async () => {
    const t = setup();
    t.type(' 1');
    t.timers.advance(800);
    t.type(' 2');
    let done = false;
    void t.saver.saveRevision().then(() => { done = true; });
    expect(t.sent).toHaveLength(1);
    t.sent[0]?.finish();
    await settle();
    expect(t.sent.map((s) => [s.kind, s.content])).toEqual([['autosave', 'Tít 1'], ['revision', 'Tít 1 2']]);
    t.timers.advance(5000);
    expect(t.sent).toHaveLength(2);
    t.sent[1]?.finish();
    await settle();
    expect(done).toBe(true);
  });

  it('reports a failed save with its message and retries, keeping the content', async () => {
    const t = setup();
    t.type(' x');
    t.timers.advance(800);
    t.sent[0]?.fail('Không kết nối được với dịch vụ');
    await settle();
    expect(t.states.at(-1)).toBe('error: Không kết nối được với dịch vụ');
    expect(t.saver.hasUnsavedChanges).toBe(true);
    t.timers.advance(3000);
    expect(t.sent.map((s) => s.content)).toEqual(['Tít x', 'Tít x']);
    t.sent[1]?.finish();
    await settle();
    expect(t.states.at(-1)).toBe('saved');
  });

  it('does not send content that fails validation, and says why', async () => {
    const t = setup();
    t.setValid(false);
    t.type('!');
    t.timers.advance(800);
    expect(t.sent).toHaveLength(0);
    expect(t.states.at(-1)).toBe('error: Slug chỉ gồm chữ thường');
    await expect(t.saver.saveRevision()).rejects.toThrow('Slug chỉ gồm chữ thường');
  });
  it('keeps retrying a closed story\'s last save until it lands, as many times as it is allowed', async () => {
    const t = setup();
    t.type(' cuối');
    // Another story opens: the last changes are flushed, the send fails, the saver is disposed.
    const flushed = t.saver.flush().finally(() => t.saver.dispose());
    t.sent[0]?.fail('Không kết nối được với dịch vụ');
    await flushed;
    expect(t.saver.hasUnsavedChanges).toBe(true);
    t.timers.advance(3000);
    expect(t.sent.map((s) => s.content)).toEqual(['Tít cuối', 'Tít cuối']);
    t.sent[1]?.finish();
    await settle();
    expect(t.saver.hasUnsavedChanges).toBe(false);
    t.timers.advance(60_000);
    expect(t.sent).toHaveLength(2);
  });

  it('gives a closed story\'s failing save up after a bounded number of retries', async () => {
    const t = setup();
    t.type(' cuối');
    const flushed = t.saver.flush().finally(() => t.saver.dispose());
    t.sent[0]?.fail('Bài đã ở trong thùng rác');
    await flushed;
    for (let i = 1; i < 30; i++) {
      t.timers.advance(3000);
      t.sent[i]?.fail('Bài đã ở trong thùng rác');
      await settle();
    }
    // The first send, its retry, then one retry for each of the 20 failures allowed after closing.
    expect(t.sent).toHaveLength(22);
  });
});
