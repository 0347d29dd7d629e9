// The boxes under an article and the site's icon. A pick of the article's own
// section is the latest there too: it used to show in both "Nên xem" and "Tin
// khác". The site had no icon, so every page view ended in a 404 for /favicon.ico.
import { beforeAll, expect, it } from 'vitest';
import { call, pullAll, push } from '../helpers/server/api';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { attrs, parseHtml, texts } from '../helpers/server/dom';
import { describeEachDatabase } from '../helpers/server/harness';
import { newId, storyPayload, toPublished, upsert } from '../helpers/server/stories';

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);
const hour = (i: number) => new Date(Date.UTC(2025, 11, 20, 10) - i * 3_600_000).toISOString();

describeEachDatabase('the boxes under an article, and the icon', (h) => {
  const article = { id: newId(), headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động' };
  // Newest first: two picks of the article's own section, then plain stories of that section.
  const sectionPicks = ['Công đoàn Thủ đô trao 1.296 suất quà Tết cho người lao động', 'Hà Nội: Khởi công nhà ở xã hội cho công nhân khu công nghiệp'];
  const others = Array.from({ length: 12 }, (_, i) => `Công đoàn cơ sở số ${i + 1} chăm lo đời sống đoàn viên`);
  let articlePath = '';

  beforeAll(async () => {
    const stories = [
      ...sectionPicks.map((headline, i) => ({ id: newId(), headline, tags: ['nen-xem'], at: hour(i) })),
      ...others.map((headline, i) => ({ id: newId(), headline, tags: [] as string[], at: hour(10 + i) })),
      { ...article, tags: [] as string[], at: hour(40) },
    ];
    const ops = stories.flatMap((s) => [upsert(s.id, 0, storyPayload({ headline: s.headline, tags: s.tags })), ...toPublished(s.id, s.at)]);
    const { results } = await push(h.url, h.token('chief'), ops);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    const pulled = (await pullAll(h.url, h.token('chief'))).find((c) => c.story.id === article.id);
    articlePath = `/cong-doan/${pulled?.story.slug}-${shortId(article.id)}.html`;
  }, 60_000);

  it('never shows a story in both boxes, nor the article itself, and still fills "Tin khác"', async () => {
    const reply = await call(h.url, 'GET', articlePath);
    expect(reply.status).toBe(200);
    const doc = parseHtml(reply.text);
    const picks = texts(doc, '.box-picks .teaser-title');
    const more = texts(doc, '.box-more .teaser-title');
    expect(picks).toEqual(sectionPicks);
    expect(more.filter((title) => picks.includes(title))).toEqual([]);
    expect([...picks, ...more]).not.toContain(article.headline);
    expect(more).toEqual(others.slice(0, 10));
  });

  it('names an icon on every page, serves it, and sends /favicon.ico to it', async () => {
    for (const path of ['/', articlePath, '/cong-doan/']) {
      const doc = parseHtml((await call(h.url, 'GET', path)).text);
      expect(attrs(doc, 'link[rel=icon]', 'href')).toEqual(['/favicon.svg']);
    }
    const icon = await call(h.url, 'GET', '/favicon.svg');
    expect(icon.status).toBe(200);
    expect(icon.headers.get('content-type')).toBe('image/svg+xml');
    expect(icon.text).toMatch(/^<svg /);
    const ico = await fetch(`${h.url}/favicon.ico`, { redirect: 'manual' });
    expect(ico.status).toBe(301);
    expect(ico.headers.get('location')).toBe('/favicon.svg');
    const followed = await fetch(`${h.url}/favicon.ico`);
    expect(followed.status).toBe(200);
  });
}, { env: ARCHIVE_CHECKLIST_ENV });

