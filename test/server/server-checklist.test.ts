// The pre-publication checklist as the server applies it, on both databases:
// the newsroom's file gives each section its own limits, the server serves it
// to the desks and runs its blocking checks again on every gated transition,
// including the slug check against the addresses stories already hold.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { slugify } from '../../core/text';
import { call, push, type Op } from '../helpers/server/api';
import { describeEachDatabase, type AccountName, type Harness } from '../helpers/server/harness';
import { startServer } from '../helpers/server/process';
import { newId, storyPayload, toPublished, transition, upsert } from '../helpers/server/stories';

const CHECKLIST_FILE = fileURLToPath(new URL('../fixtures/checklist-sections.json', import.meta.url));

async function act(h: Harness, who: AccountName, ops: Op[]): Promise<string[]> {
  const { results } = await push(h.url, h.token(who), ops);
  return results.map((r) => (r.status === 'rejected' ? `${r.code}: ${r.message}` : r.status));
}

/** A headline no other test of this file uses, so that only the check under test can refuse it. */
const headline = (text: string) => `${text} (${newId().slice(-6)})`;

describeEachDatabase(
  'the pre-publication checklist on the server',
  (h) => {
    it('serves the newsroom\'s checklist file to signed-in desks', async () => {
      const reply = await call(h.url, 'GET', '/api/workflow/checklist', { token: h.token('reporter') });
      expect(reply.status).toBe(200);
      expect(reply.json()).toEqual(JSON.parse(readFileSync(CHECKLIST_FILE, 'utf8')));
      expect((await call(h.url, 'GET', '/api/workflow/checklist')).status).toBe(401);
    });

    it('applies a section\'s own limits, the section named without regard to case or tone marks', async () => {
      const long = headline('LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá');
      const news = newId();
      const union = newId();
      await act(h, 'editor', [upsert(news, 0, storyPayload({ headline: long, section: 'thời sự' })), transition(news, { action: 'submit' }), transition(news, { action: 'take' })]);
      // Its sapo is short of the default's 20 words, which only warns.
      const short = storyPayload({ headline: long, sapo: 'Tin ngắn về đợt thi đua.' });
      await act(h, 'editor', [upsert(union, 0, short), transition(union, { action: 'submit' }), transition(union, { action: 'take' })]);
      expect(await act(h, 'editor', [transition(news, { action: 'approve' })])).toEqual([
        `CHECKLIST_BLOCKED: Bài chưa đạt yêu cầu: Tít dài ${[...long].length} ký tự, vượt giới hạn 60 ký tự`,
      ]);
      // The default's 120 characters hold for "Công đoàn", and a warning never blocks.
      expect(await act(h, 'editor', [transition(union, { action: 'approve' })])).toEqual(['applied']);
    });

    it('refuses an address another story of the section holds, also when the same push renames the story', async () => {
      const taken = headline('Hà Nội ra mắt mô hình Công đoàn cơ sở kiểu mẫu');
      const first = newId();
      expect(await act(h, 'editor', [upsert(first, 0, storyPayload({ headline: taken })), ...toPublished(first)])).toEqual(
        Array(5).fill('applied'),
      );
      const second = newId();
      await act(h, 'editor', [upsert(second, 0, storyPayload({ headline: headline('Bản nháp chưa đặt tít') })), transition(second, { action: 'submit' }), transition(second, { action: 'take' })]);
      // Renamed and approved in one push: the check sees the name the push gives it.
      expect(await act(h, 'editor', [upsert(second, 1, storyPayload({ headline: taken })), transition(second, { action: 'approve' })])).toEqual([
        'applied',
        `CHECKLIST_BLOCKED: Bài chưa đạt yêu cầu: Đường dẫn “${slugify(taken)}” đã có bài khác dùng trong chuyên mục này`,
      ]);
      // The same address in another section is another address.
      expect(await act(h, 'editor', [upsert(second, 2, storyPayload({ headline: taken, section: 'Bạn đọc' })), transition(second, { action: 'approve' })])).toEqual([
        'applied',
        'applied',
      ]);
    });

    it('refuses to start with a checklist file that is not one, and says why in Vietnamese', async () => {
      const broken = join(tmpdir(), `checklist-${newId()}.json`);
      const config = JSON.parse(readFileSync(CHECKLIST_FILE, 'utf8')) as { default: { sapo: object } };
      config.default.sapo = { level: 'blocking', minWords: 80, maxWords: 20 };
      writeFileSync(broken, JSON.stringify(config));
      await expect(startServer({ DATABASE_URL: h.db.url, CHECKLIST_FILE: broken })).rejects.toThrow(
        /Tệp danh sách kiểm tra .* không hợp lệ: default\.sapo Số chữ tối thiểu của sapo lớn hơn số chữ tối đa/,
      );
    });
  },
  { env: { CHECKLIST_FILE } },
);
