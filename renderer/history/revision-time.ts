// When a revision was written, both ways a person reads it: "5 phút trước"
// (the list's relative time) and the exact moment, to the second, since several
// revisions are often saved within one minute.
import type { Settings } from '../../core/api';
import { formatRelativeTime, type Translate } from '../list/relative-time';

type Language = Settings['language'];

const LOCALE: Record<Language, string> = { vi: 'vi-VN', en: 'en-GB' };
const formatters = new Map<string, Intl.DateTimeFormat>();

/** "08:05:13 01/03/2025" in Vietnamese; "01/03/2025, 08:05:13" in English. */
export function formatRevisionTime(iso: string, language: Language, timeZone?: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const key = `${language}|${timeZone ?? ''}`;
  let formatter = formatters.get(key);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat(LOCALE[language], {
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hourCycle: 'h23',
      timeZone,
    });
    formatters.set(key, formatter);
  }
  return formatter.format(time);
}

export interface RevisionTime {
  relative: string;
  absolute: string;
}

/** `t` is the app namespace's, which holds the relative-time strings the list uses. */
export function revisionTime(iso: string, now: number, t: Translate, language: Language, timeZone?: string): RevisionTime {
  return { relative: formatRelativeTime(iso, now, t, language, timeZone), absolute: formatRevisionTime(iso, language, timeZone) };
}
