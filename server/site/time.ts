// Times on the site are Hanoi time, whatever the server's own zone: the
// newspaper's readers and its archive both count in Asia/Ho_Chi_Minh.
export const SITE_TIME_ZONE = 'Asia/Ho_Chi_Minh';

const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: SITE_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/** "08:49 | 06/08/2021", as the sample articles print it. */
export function formatPublishedTime(iso: string): string {
  const parts: Partial<Record<Intl.DateTimeFormatPartTypes, string>> = {};
  for (const part of formatter.formatToParts(new Date(iso))) parts[part.type] = part.value;
  return `${parts.hour}:${parts.minute} | ${parts.day}/${parts.month}/${parts.year}`;
}

/** RFC 822 date for RSS <pubDate>. */
export function rssDate(iso: string): string {
  return new Date(iso).toUTCString();
}
