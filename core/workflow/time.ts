// "Hẹn giờ đăng" is typed as a date and a time in Hanoi, wherever the desk's
// computer thinks it is. Vietnam has kept UTC+7 without daylight saving since
// 1975, so the conversion is plain arithmetic and needs no time-zone database.
export const NEWSROOM_TIME_ZONE = 'Asia/Ho_Chi_Minh';
const OFFSET_MS = 7 * 60 * 60 * 1000;

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^(\d{2}):(\d{2})(?::(\d{2}))?$/;

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A Hanoi wall-clock date ("2025-05-20") and time ("10:32", seconds optional)
 * as an ISO instant ("2025-05-20T03:32:00.000Z"); null when either is not real
 * (31 April, 24:00, a malformed field).
 */
export function vietnamLocalToInstant(date: string, time: string): string | null {
  const d = DATE.exec(date.trim());
  const t = TIME.exec(time.trim());
  if (!d || !t) return null;
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute, second] = [Number(t[1]), Number(t[2]), Number(t[3] ?? '0')];
  if (hour > 23 || minute > 59 || second > 59 || month < 1 || month > 12 || day < 1) return null;
  const wall = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC rolls 31 April over to 1 May: a date that does not round-trip is not real.
  if (wall.getUTCFullYear() !== year || wall.getUTCMonth() !== month - 1 || wall.getUTCDate() !== day) return null;
  return new Date(wall.getTime() - OFFSET_MS).toISOString();
}

/** An instant as the Hanoi date and time that a date and a time input show. */
export function instantToVietnamLocal(iso: string): { date: string; time: string } {
  const wall = new Date(Date.parse(iso) + OFFSET_MS);
  return {
    date: `${pad(wall.getUTCFullYear(), 4)}-${pad(wall.getUTCMonth() + 1)}-${pad(wall.getUTCDate())}`,
    time: `${pad(wall.getUTCHours())}:${pad(wall.getUTCMinutes())}`,
  };
}

/** "10:32 20/05/2025", Hanoi time: how the desk writes a schedule, a deadline or "đang sửa từ". */
export function formatVietnamDateTime(iso: string): string {
  const { date, time } = instantToVietnamLocal(iso);
  const [year, month, day] = date.split('-');
  return `${time} ${day}/${month}/${year}`;
}
