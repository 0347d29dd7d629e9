// The sync worker's retry delays (core/sync/backoff) and server addresses as kept.
import { describe, expect, it } from 'vitest';
import { backoffCeiling, backoffDelay, normalizeServerUrl } from '../../core/sync';

describe('backoff with full jitter', () => {
  it.each([
    [1, 1_000],
    [2, 2_000],
    [3, 4_000],
    [6, 32_000],
    [7, 60_000],
    [50, 60_000],
    [5_000, 60_000],
  ])('after %i failures the wait is at most %i ms', (failures, ceiling) => {
    expect(backoffCeiling(failures)).toBe(ceiling);
    expect(backoffDelay(failures, () => 0)).toBe(0);
    expect(backoffDelay(failures, () => 0.999_999)).toBe(Math.floor(0.999_999 * ceiling));
    expect(backoffDelay(failures, () => 0.5)).toBe(ceiling / 2);
  });

  it('takes its base and cap from the policy, and never leaves [0, cap]', () => {
    const policy = { baseMs: 20, capMs: 250 };
    expect([1, 2, 3, 4, 5].map((n) => backoffCeiling(n, policy))).toEqual([20, 40, 80, 160, 250]);
    expect(backoffDelay(3, () => 7, policy)).toBe(80);
    expect(backoffDelay(3, () => -1, policy)).toBe(0);
  });
});

describe('server addresses', () => {
  it.each([
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['  https://toasoan.example.vn/ ', 'https://toasoan.example.vn'],
    ['https://toasoan.example.vn/newsdesk//', 'https://toasoan.example.vn/newsdesk'],
    ['HTTPS://TOASOAN.EXAMPLE.VN', 'https://toasoan.example.vn'],
    ['ftp://toasoan.example.vn', null],
    ['toasoan.example.vn', null],
    ['https://hphong:matkhau@toasoan.example.vn', null],
    ['https://toasoan.example.vn/?token=x', null],
    ['máy chủ toà soạn', null],
  ])('%j is kept as %j', (input, kept) => {
    expect(normalizeServerUrl(input)).toBe(kept);
  });
});
