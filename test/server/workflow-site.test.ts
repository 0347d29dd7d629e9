// The public site follows the workflow, on both databases: pages, lists, feeds,
// the sitemap and images show the live copy of published stories and nothing
// else. A desk's edit to a live story stays off the site, images included,
// until "Cập nhật bài"; a story before publication is nowhere on it.
import { expect, it } from 'vitest';
import { nodes, type StoryBody } from '../../core/story';
import { slugify } from '../../core/text';
import { call, push } from '../helpers/server/api';
import { parseHtml, texts } from '../helpers/server/dom';
import { describeEachDatabase, type Harness } from '../helpers/server/harness';
import { IMAGES, sha256 } from '../helpers/server/images';
import { newId, storyPayload, toPublished, transition, upsert } from '../helpers/server/stories';

const SECTION = 'Đời sống';
const shortId = (id: string) => id.replace(/-/g, '').slice(-8);
const unique = (text: string) => `${text} ${newId().slice(-6)}`;

function withFigure(sha: string, caption: string): StoryBody {
  return nodes.bodyOf([
    nodes.paragraph(nodes.inlineFromText('Chương trình "Tết sum vầy" trao 1.250 suất quà cho đoàn viên khó khăn.')),
    nodes.figure({ src: `media:${sha}`, alt: caption, caption }),
  ]);
}

/** An image of its own, uploaded by a desk; only a published story may make it public. */
async function uploadImage(h: Harness, label: string): Promise<string> {
  const bytes = Buffer.concat([IMAGES.png, Buffer.from(unique(label))]);
  const sha = sha256(bytes);
  const reply = await call(h.url, 'PUT', `/api/media/${sha}`, { token: h.token('editor'), body: bytes });
  expect(reply.status).toBe(201);
  return sha;
}

/** What an anonymous reader finds: the site's lists, feeds and sitemap as text, and whether an image is served. */
async function site(h: Harness): Promise<string> {
  const paths = ['/', '/doi-song/', '/rss.xml', '/doi-song/rss.xml', '/sitemap.xml'];
  const replies = await Promise.all(paths.map((path) => call(h.url, 'GET', path)));
  return replies.map((r) => r.text).join('\n');
}
const imageStatus = async (h: Harness, sha: string) => (await call(h.url, 'GET', `/media/${sha}`)).status;

describeEachDatabase('the site follows the workflow', (h) => {
  it('lists, feeds and images show the live copy until "Cập nhật bài" puts the edit there', async () => {
    const [before, after] = [await uploadImage(h, 'ảnh đã đăng'), await uploadImage(h, 'ảnh sửa sau')];
    const id = newId();
    const first = unique('Tết sum vầy đến với 1.250 đoàn viên');
    const payload = storyPayload({ headline: first, section: SECTION, body: withFigure(before, 'Trao quà Tết cho đoàn viên.') });
    const published = await push(h.url, h.token('editor'), [upsert(id, 0, payload), ...toPublished(id)]);
    expect(published.results.map((r) => r.status)).toEqual(Array(5).fill('applied'));
    const page = `/doi-song/${slugify(first)}-${shortId(id)}.html`;
    expect(await site(h)).toContain(first);
    expect(await imageStatus(h, before)).toBe(200);

    // The desk rewrites the headline and swaps the image: saved, not on the site.
    const second = unique('Tết sum vầy: 1.250 suất quà đã đến tay đoàn viên');
    const edit = storyPayload({ headline: second, section: SECTION, body: withFigure(after, 'Đoàn viên nhận quà tại trụ sở.') });
    expect((await push(h.url, h.token('editor'), [upsert(id, 1, edit)])).results[0]).toMatchObject({ status: 'applied', rev: 2 });
    const pending = await site(h);
    expect(pending).toContain(first);
    expect(pending).not.toContain(second);
    expect(texts(parseHtml((await call(h.url, 'GET', page)).text), 'h1')).toEqual([first]);
    expect([await imageStatus(h, before), await imageStatus(h, after)]).toEqual([200, 401]);

    // "Cập nhật bài": the edit is live everywhere, and the image it dropped is private again.
    expect((await push(h.url, h.token('editor'), [transition(id, { action: 'update' })])).results[0]).toMatchObject({ status: 'applied', rev: 2 });
    const updated = await site(h);
    expect(updated).toContain(second);
    expect(updated).not.toContain(first);
    expect(texts(parseHtml((await call(h.url, 'GET', page)).text), 'h1')).toEqual([second]);
    expect([await imageStatus(h, before), await imageStatus(h, after)]).toEqual([401, 200]);
  });

  it('shows nothing of a story that is approved, scheduled or spiked, nor its images', async () => {
    const stories = await Promise.all(
      (['approve', 'schedule', 'spike'] as const).map(async (last) => {
        const id = newId();
        const sha = await uploadImage(h, last);
        const headline = unique(`Bài chưa đăng (${last})`);
        const steps =
          last === 'spike'
            ? [transition(id, { action: 'submit' }), transition(id, { action: 'spike' })]
            : [
                transition(id, { action: 'submit' }),
                transition(id, { action: 'take' }),
                transition(id, { action: 'approve' }),
                ...(last === 'schedule' ? [transition(id, { action: 'schedule', publishAt: new Date(Date.now() + 3_600_000).toISOString() })] : []),
              ];
        const { results } = await push(h.url, h.token('editor'), [upsert(id, 0, storyPayload({ headline, section: SECTION, body: withFigure(sha, 'Ảnh chưa đăng.') })), ...steps]);
        expect(results.map((r) => r.status)).toEqual(Array(steps.length + 1).fill('applied'));
        return { id, sha, headline };
      }),
    );
    const everything = await site(h);
    for (const { id, sha, headline } of stories) {
      expect(everything).not.toContain(headline);
      expect(everything).not.toContain(shortId(id));
      expect((await call(h.url, 'GET', `/doi-song/${slugify(headline)}-${shortId(id)}.html`)).status).toBe(404);
      expect(await imageStatus(h, sha)).toBe(401);
    }
  });
});
