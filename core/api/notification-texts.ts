// What a notification says, in Vietnamese and English: one source for the
// desk's list, the desktop's OS notification and the browser's.
import { SCHEDULER_ACTOR, type NotificationKind } from '../workflow';

export type NotificationLanguage = 'vi' | 'en';

interface Parts {
  actor: string;
  headline: string;
}

type Texts = Record<NotificationKind, { title: string; body: (p: Parts) => string }>;

const VI: Texts = {
  returned: { title: 'Bài bị trả lại', body: (p) => `${p.actor} đã trả bài “${p.headline}”. Hãy xem ghi chú rồi sửa bài.` },
  approved: { title: 'Bài đã được duyệt', body: (p) => `${p.actor} đã duyệt bài “${p.headline}”.` },
  published: { title: 'Bài đã đăng', body: (p) => `${p.actor} đã đăng bài “${p.headline}”.` },
  assigned: { title: 'Bạn được giao bài', body: (p) => `${p.actor} giao cho bạn bài “${p.headline}”.` },
  mentioned: { title: 'Bạn được nhắc tên', body: (p) => `${p.actor} nhắc đến bạn trong ghi chú của bài “${p.headline}”.` },
  'taken-over': {
    title: 'Bài đã được người khác nhận',
    body: (p) => `${p.actor} đã nhận bài “${p.headline}” bạn đang biên tập. Bản của bạn vẫn còn trong lịch sử phiên bản.`,
  },
  'schedule-failed': {
    title: 'Không đăng được theo lịch',
    body: (p) => `Bài “${p.headline}” chưa đăng được vào giờ hẹn và đã trở về “Đã duyệt”.`,
  },
};

const EN: Texts = {
  returned: { title: 'Story returned', body: (p) => `${p.actor} returned “${p.headline}”. Read the note, then revise the story.` },
  approved: { title: 'Story approved', body: (p) => `${p.actor} approved “${p.headline}”.` },
  published: { title: 'Story published', body: (p) => `${p.actor} published “${p.headline}”.` },
  assigned: { title: 'Story assigned to you', body: (p) => `${p.actor} assigned “${p.headline}” to you.` },
  mentioned: { title: 'You were mentioned', body: (p) => `${p.actor} mentioned you in a note on “${p.headline}”.` },
  'taken-over': {
    title: 'Story taken over',
    body: (p) => `${p.actor} took over “${p.headline}”, which you were editing. Your text is kept in the story’s history.`,
  },
  'schedule-failed': {
    title: 'Scheduled publication failed',
    body: (p) => `“${p.headline}” could not be published at its time and is back in “Approved”.`,
  },
};

const UNTITLED: Record<NotificationLanguage, string> = { vi: 'Chưa có tít', en: 'Untitled' };
const SCHEDULER: Record<NotificationLanguage, string> = { vi: 'Lịch đăng bài', en: 'The scheduler' };

export function notificationText(
  kind: NotificationKind,
  parts: { actor: string; headline: string },
  language: NotificationLanguage,
): { title: string; body: string } {
  const texts = language === 'en' ? EN : VI;
  const actor = parts.actor === SCHEDULER_ACTOR ? SCHEDULER[language] : parts.actor;
  const headline = parts.headline.trim() === '' ? UNTITLED[language] : parts.headline.trim();
  const text = texts[kind];
  return { title: text.title, body: text.body({ actor, headline }) };
}
