// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { createI18n } from '../../renderer/i18n';
import { formatRelativeTime, relativeTime } from '../../renderer/list/relative-time';

const NOW = Date.parse('2025-02-10T09:30:00+07:00');
const before = (ms: number): string => new Date(NOW - ms).toISOString();
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

describe('relativeTime', () => {
  it.each([
    [before(0), { unit: 'now' }],
    [before(59_999), { unit: 'now' }],
    [before(MIN), { unit: 'minutes', count: 1 }],
    [before(59 * MIN + 59_000), { unit: 'minutes', count: 59 }],
    [before(HOUR), { unit: 'hours', count: 1 }],
    [before(23 * HOUR + 59 * MIN), { unit: 'hours', count: 23 }],
    [before(DAY), { unit: 'days', count: 1 }],
    [before(6 * DAY + 23 * HOUR), { unit: 'days', count: 6 }],
    [new Date(NOW + 5 * MIN).toISOString(), { unit: 'now' }],
  ])('%s', (iso, expected) => {
    expect(relativeTime(iso, NOW)).toEqual(expected);
  });

  it('turns into a date from a week back', () => {
    expect(relativeTime(before(7 * DAY), NOW)).toEqual({ unit: 'date', date: new Date(NOW - 7 * DAY) });
  });

  it('is null for something that is not a time', () => {
    expect(relativeTime('hôm qua', NOW)).toBeNull();
  });
});

describe('formatRelativeTime', () => {
  const vi = createI18n('vi');
  const en = createI18n('en');
  const zone = 'Asia/Ho_Chi_Minh';

  it.each([
    [before(10_000), 'vừa xong', 'just now'],
    [before(MIN), '1 phút trước', '1 minute ago'],
    [before(5 * MIN), '5 phút trước', '5 minutes ago'],
    [before(HOUR), '1 giờ trước', '1 hour ago'],
    [before(3 * HOUR), '3 giờ trước', '3 hours ago'],
    [before(DAY), '1 ngày trước', '1 day ago'],
    [before(2 * DAY), '2 ngày trước', '2 days ago'],
    // The sample article's date, as the paper prints it: 08:49 | 06/08/2021.
    ['2021-08-06T08:49:00+07:00', '06/08/2021', '6 Aug 2021'],
    // Late evening in Hà Nội is already the next day in UTC terms: the zone decides the date.
    ['2025-01-01T23:30:00+07:00', '01/01/2025', '1 Jan 2025'],
  ])('%s', (iso, inVietnamese, inEnglish) => {
    expect(formatRelativeTime(iso, NOW, vi.t.bind(vi), 'vi', zone)).toBe(inVietnamese);
    expect(formatRelativeTime(iso, NOW, en.t.bind(en), 'en', zone)).toBe(inEnglish);
  });

  it('is empty for a malformed time rather than "NaN"', () => {
    expect(formatRelativeTime('', NOW, vi.t.bind(vi), 'vi', zone)).toBe('');
  });
});
