import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startStoreUpkeep } from '../../service/store-upkeep';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('startStoreUpkeep', () => {
  it('tidies once the writer pauses, not during a burst of writes', () => {
    const tidy = vi.fn(() => false);
    const upkeep = startStoreUpkeep(tidy, { idleMs: 1_000 });
    for (let i = 0; i < 10; i++) {
      upkeep.touch();
      vi.advanceTimersByTime(300);
    }
    expect(tidy).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1_000);
    expect(tidy).toHaveBeenCalledTimes(1);
    upkeep.stop();
  });

  it('keeps stepping while work is left, and a new write pushes the rest back', () => {
    let left = 3;
    const tidy = vi.fn(() => --left > 0);
    const upkeep = startStoreUpkeep(tidy, { idleMs: 1_000, stepGapMs: 50 });
    upkeep.touch();
    vi.advanceTimersByTime(1_000);
    expect(tidy).toHaveBeenCalledTimes(1);
    upkeep.touch(); // someone types again
    vi.advanceTimersByTime(500);
    expect(tidy).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(500 + 50 * 5);
    expect(tidy).toHaveBeenCalledTimes(3);
    upkeep.stop();
  });

  it('reports a failing step and does nothing after stop', () => {
    const errors: unknown[] = [];
    const tidy = vi.fn(() => {
      throw new Error('disk I/O error');
    });
    const upkeep = startStoreUpkeep(tidy, { idleMs: 10, onError: (error) => errors.push(error) });
    upkeep.touch();
    vi.advanceTimersByTime(10);
    expect(errors).toHaveLength(1);
    upkeep.stop();
    upkeep.touch();
    vi.advanceTimersByTime(1_000);
    expect(tidy).toHaveBeenCalledTimes(1);
  });
});
