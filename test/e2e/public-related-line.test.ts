// The related-story line, from an imported sample to the public page, in a real
// browser: the editor's desk imports the sample (knowing none of its related
// titles), the story syncs and is published; the public article shows the
// related line after the sapo, as the sample does, with a link for the title
// that matches a published story, and that link leads to it.
import { describe, expect, test } from 'vitest';
import { contentOf } from '../../db';
import { eventually } from '../helpers/e2e/page';
import { importSample, LDLD, LDLD_FILE } from '../helpers/e2e/samples';
import { useDeskServer } from '../helpers/e2e/desk-server';
import { useAppSession } from '../helpers/e2e/session';
import { login, pullAll, push } from '../helpers/server/api';
import { RELATED_TITLES } from '../helpers/server/samples';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { newId, storyPayload, toPublished, upsert } from '../helpers/server/stories';
import { EDITOR, PASSWORD } from '../helpers/sync-server';

const session = useAppSession();
// The sample's figures come without their photos: the checklist only warns of it here.
const server = useDeskServer({ env: ARCHIVE_CHECKLIST_ENV });

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);

describe('the related-story line of an imported sample', () => {
  test('reaches the public page, with a link where a title is published', async () => {
    const token = await login(server.url, EDITOR.username, PASSWORD);
    // One of the three related titles is already a published story.
    const relatedId = newId();
    const linked = RELATED_TITLES.ldld[1] as string;
    const seeded = await push(server.url, token, [upsert(relatedId, 0, storyPayload({ headline: linked, section: 'Công đoàn', byline: 'H.Phong' })), ...toPublished(relatedId)]);
    expect(seeded.results.filter((r) => r.status !== 'applied')).toEqual([]);

    const app = await session.startApp();
    await app.rpc('sync.signIn', { serverUrl: server.url, username: EDITOR.username, password: PASSWORD });
    const id = await importSample(app, LDLD_FILE);
    const imported = await app.rpc('stories.get', { id });
    await app.rpc('stories.save', { id, content: { ...contentOf(imported), section: 'Công đoàn' } });
    await eventually(async () => {
      const status = await app.rpc('sync.now', {});
      return status.pending === 0 && (await app.rpc('stories.get', { id })).rev > 0 ? true : undefined;
    }, 'the imported story on the server', 30_000);
    const published = await push(server.url, token, toPublished(id));
    expect(published.results.filter((r) => r.status !== 'applied')).toEqual([]);

    const copies = await pullAll(server.url, token);
    const pathOf = (storyId: string) => {
      const story = copies.find((c) => c.story.id === storyId)?.story;
      return `/cong-doan/${story?.slug}-${shortId(storyId)}.html`;
    };
    const { page, errors } = await session.openUrl(`${server.url}${pathOf(id)}`);
    expect(await page.locator('h1').textContent()).toBe(LDLD.headline);
    const line = page.locator('.related-stories');
    await line.waitFor();
    expect(await line.isVisible()).toBe(true);
    expect((await line.locator('li').allTextContents()).map((t) => t.trim())).toEqual(RELATED_TITLES.ldld);
    // After the sapo, before the body, as on the sample's site.
    const [sapoBottom, lineTop, lineBottom, bodyTop] = await page.evaluate(() => {
      const box = (selector: string) => document.querySelector(selector)?.getBoundingClientRect();
      return [box('.sapo')?.bottom, box('.related-stories')?.top, box('.related-stories')?.bottom, box('.body h2')?.top];
    });
    expect(lineTop).toBeGreaterThanOrEqual(sapoBottom ?? Infinity);
    expect(bodyTop).toBeGreaterThanOrEqual(lineBottom ?? Infinity);

    const link = line.getByRole('link', { name: linked });
    expect(await line.getByRole('link').count()).toBe(1);
    await link.click();
    await page.waitForURL(`${server.url}${pathOf(relatedId)}`);
    expect(await page.locator('h1').textContent()).toBe(linked);
    expect(errors).toEqual([]);
  });
});
