// The related-story line survives to the public page. A sample imported on a
// desk that knew none of its titles keeps the line as one piece; the article
// page shows it after the sapo, as the sample does, and links each title that
// matches a published story, the rest of the line staying as plain titles.
import { readFileSync } from 'node:fs';
import { beforeAll, expect, it } from 'vitest';
import { parseArticleText, toStoryContent } from '../../core/import';
import { push, pullAll } from '../helpers/server/api';
import { documentOrder, parseHtml, texts, attrs } from '../helpers/server/dom';
import { ARCHIVE_CHECKLIST_ENV } from '../helpers/server/checklists';
import { describeEachDatabase } from '../helpers/server/harness';
import { RELATED_TITLES, SAMPLE_FILES } from '../helpers/server/samples';
import { newId, storyPayload, toPublished, upsert } from '../helpers/server/stories';

const SAMPLES = new URL('../../../shared/samples/articles/', import.meta.url);
const imported = (file: string) => toStoryContent(parseArticleText(readFileSync(new URL(file, SAMPLES), 'utf8')));

describeEachDatabase('the related-story line on the public page', (h) => {
  const paths = new Map<string, string>();

  async function publishStory(payload: ReturnType<typeof storyPayload>): Promise<string> {
    const id = newId();
    const { results } = await push(h.url, h.token('chief'), [upsert(id, 0, payload), ...toPublished(id)]);
    expect(results.filter((r) => r.status !== 'applied')).toEqual([]);
    const copy = (await pullAll(h.url, h.token('chief'))).find((c) => c.story.id === id);
    const path = `/cong-doan/${copy?.story.slug}-${id.replace(/-/g, '').slice(-8)}.html`;
    paths.set(id, path);
    return id;
  }

  let ldld: string;
  let cum: string;
  let linkedTitle: string;
  beforeAll(async () => {
    linkedTitle = await publishStory(storyPayload({ headline: RELATED_TITLES.ldld[1] as string, section: 'Công đoàn' }));
    ldld = await publishStory({ ...imported(SAMPLE_FILES.ldld), section: 'Công đoàn' });
    cum = await publishStory({ ...imported(SAMPLE_FILES.cum), section: 'Công đoàn' });
  }, 60_000);

  const page = async (id: string) => {
    const reply = await fetch(`${h.url}${paths.get(id)}`);
    expect(reply.status).toBe(200);
    return parseHtml(await reply.text());
  };

  it('shows the line after the sapo, its titles linked where a published story has that headline', async () => {
    const doc = await page(ldld);
    expect(texts(doc, '.related-stories li')).toEqual(RELATED_TITLES.ldld);
    expect(texts(doc, '.related-stories a')).toEqual([RELATED_TITLES.ldld[1]]);
    expect(attrs(doc, '.related-stories a', 'href')).toEqual([paths.get(linkedTitle)]);
    const order = documentOrder(doc, ['h1', '.sapo', '.related-stories', '.body h2', '.byline']);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('shows a line none of whose titles is published as it was imported, without links', async () => {
    const doc = await page(cum);
    expect(texts(doc, '.related-stories li')).toEqual([RELATED_TITLES.cum.join(' ')]);
    expect(doc.querySelectorAll('.related-stories a')).toHaveLength(0);
  });

  it('links a title as soon as its story is published', async () => {
    const ba = await publishStory(storyPayload({ headline: RELATED_TITLES.cum[1] as string, section: 'Công đoàn' }));
    const doc = await page(cum);
    expect(texts(doc, '.related-stories li')).toEqual(RELATED_TITLES.cum);
    expect(attrs(doc, '.related-stories a', 'href')).toEqual([paths.get(ba)]);
  });
}, { env: ARCHIVE_CHECKLIST_ENV });
