// "5 phút trước" for a story's last change. Recent changes read as elapsed
// time; anything a week old or more reads as a date, as newsrooms write it.
import type { Settings } from '../../core/api';

export type RelativeTime =
  | { unit: 'now' }
  | { unit: 'minutes' | 'hours' | 'days'; count: number }
  | { unit: 'date'; date: Date };

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** Null when `iso` is not a time. A time in the future (a skewed clock) reads as now. */
export function relativeTime(iso: string, now: number): RelativeTime | null {
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return null;
  const elapsed = now - then;
  if (elapsed < MINUTE) return { unit: 'now' };
  if (elapsed < HOUR) return { unit: 'minutes', count: Math.floor(elapsed / MINUTE) };
  if (elapsed < DAY) return { unit: 'hours', count: Math.floor(elapsed / HOUR) };
  if (elapsed < 7 * DAY) return { unit: 'days', count: Math.floor(elapsed / DAY) };
  return { unit: 'date', date: new Date(then) };
}

type Language = Settings['language'];
export type Translate = (key: string, options: { count: number }) => string;

const DATE_LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const DATE_FORMAT: Record<Language, Intl.DateTimeFormatOptions> = {
  vi: { day: '2-digit', month: '2-digit', year: 'numeric' },
  en: { day: 'numeric', month: 'short', year: 'numeric' },
};

// Building an Intl formatter costs far more than using one, and every visible row formats a time.
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(kind: 'date' | 'dateTime', language: Language, timeZone: string | undefined): Intl.DateTimeFormat {
  const key = `${kind}|${language}|${timeZone ?? ''}`;
  let found = formatters.get(key);
  if (found === undefined) {
    const options: Intl.DateTimeFormatOptions =
      kind === 'date' ? { ...DATE_FORMAT[language], timeZone } : { dateStyle: 'short', timeStyle: 'short', timeZone };
    found = new Intl.DateTimeFormat(DATE_LOCALE[language], options);
    formatters.set(key, found);
  }
  return found;
}

export function formatDate(date: Date, language: Language, timeZone?: string): string {
  return formatter('date', language, timeZone).format(date);
}

export function formatDateTime(iso: string, language: Language, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return formatter('dateTime', language, timeZone).format(time);
}

export function formatRelativeTime(iso: string, now: number, t: Translate, language: Language, timeZone?: string): string {
  const relative = relativeTime(iso, now);
  if (relative === null) return '';
  switch (relative.unit) {
    case 'now':
      return t('time.now', { count: 0 });
    case 'minutes':
      return t('time.minutesAgo', { count: relative.count });
    case 'hours':
      return t('time.hoursAgo', { count: relative.count });
    case 'days':
      return t('time.daysAgo', { count: relative.count });
    case 'date':
      return formatDate(relative.date, language, timeZone);
  }
}
