// Writing a note: the @name before the caret, the colleagues it may mean, the
// chosen username put in; and "đang sửa từ 10:32" in Hanoi time.
import { describe, expect, it } from 'vitest';
import { insertMention, mentionAt, suggestPeople } from '../../renderer/notes/mention-query';
import { sinceLabel } from '../../renderer/notes/PresenceNotice';

const PEOPLE = [
  { username: 'bientap.lan', displayName: 'Nguyễn Thị Lan' },
  { username: 'bientap.hung', displayName: 'Trần Văn Hùng' },
  { username: 'hphong', displayName: 'Hoàng Phong' },
];

describe('@mentions while typing', () => {
  it('finds the partial name right before the caret, and nothing inside a word or an e-mail address', () => {
    expect(mentionAt('Nhờ @bient', 10)).toEqual({ query: 'bient', start: 4 });
    expect(mentionAt('@', 1)).toEqual({ query: '', start: 0 });
    expect(mentionAt('Nhờ @bientap.lan xem', 20)).toBeNull();
    expect(mentionAt('gửi lan@baomoi', 14)).toBeNull();
  });

  it('suggests by username or by any word of the name, accents aside', () => {
    expect(suggestPeople(PEOPLE, 'bientap').map((p) => p.username)).toEqual(['bientap.lan', 'bientap.hung']);
    expect(suggestPeople(PEOPLE, 'hung').map((p) => p.username)).toEqual(['bientap.hung']);
    expect(suggestPeople(PEOPLE, 'phong').map((p) => p.username)).toEqual(['hphong']);
    expect(suggestPeople(PEOPLE, 'xyz')).toEqual([]);
  });

  it('puts the chosen username in place of what was typed, with the caret after it', () => {
    const text = 'Nhờ @hu kiểm tra';
    const at = mentionAt(text, 7);
    expect(at).not.toBeNull();
    expect(insertMention(text, at ?? { query: '', start: 0 }, 'bientap.hung')).toEqual({ text: 'Nhờ @bientap.hung kiểm tra', caret: 18 });
  });
});

describe('đang sửa từ', () => {
  it('shows the time alone today in Hanoi, and the date with it otherwise', () => {
    // 03:32 UTC is 10:32 in Hanoi.
    expect(sinceLabel('2025-05-20T03:32:00.000Z', new Date('2025-05-20T09:00:00.000Z'))).toBe('10:32');
    // 18:00 UTC on the 19th is already 01:00 on the 20th in Hanoi.
    expect(sinceLabel('2025-05-19T18:00:00.000Z', new Date('2025-05-20T09:00:00.000Z'))).toBe('01:00');
    expect(sinceLabel('2025-05-19T10:00:00.000Z', new Date('2025-05-20T09:00:00.000Z'))).toBe('17:00 19/05/2025');
  });
});
