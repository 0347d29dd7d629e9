// The two sample articles, imported with the real importer and published on a
// test server, with their 34 teasers as an archive: "Nên xem" teasers become
// editors' picks in section "Thời sự", "Tin khác" teasers stories in "Công đoàn".
import { readFileSync } from 'node:fs';
import { parseArticleText } from '../../../core/import/txt';
import { bodyFromBlocks, nodes, type StoryBody, type StoryContent } from '../../../core/story';
import type { UpsertPayload } from '../../../server/sync/protocol';
import { pullAll, push, type Op } from './api';
import { newId, upsert, toPublished } from './stories';

const SAMPLES_DIR = new URL('../../../../shared/samples/articles/', import.meta.url);

export const SAMPLE_FILES = {
  ldld: 'ldld-hai-ba-trung-doi-moi.txt',
  cum: 'cum-thi-dua-so-4-cham-lo-doan-vien.txt',
} as const;
type SampleKey = keyof typeof SAMPLE_FILES;

/** The related-story lines of the samples, split into their titles. */
export const RELATED_TITLES: Record<SampleKey, string[]> = {
  ldld: [
    'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025',
    'LĐLĐ quận Hai Bà Trưng: Phát động thi đua gắn với 3 khâu đột phá',
    'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động',
  ],
  cum: [
    'Kiểm tra, giám sát chuyên đề công tác nữ công tại Công đoàn ngành Công Thương Hà Nội',
    'Ba Đình: Chú trọng công tác phát triển đoàn viên, thành lập Công đoàn cơ sở',
    'Tổng LĐLĐ Việt Nam tập huấn nâng cao năng lực cho cán bộ tham mưu công tác truyền thông Công đoàn',
  ],
};

/** 08:49 on 6 August 2021 in Hanoi: the time the article page must print as "08:49 | 06/08/2021". */
export const LDLD_PUBLISHED_AT = '2021-08-06T01:49:00.000Z';
const CUM_PUBLISHED_AT = '2024-11-21T03:15:00.000Z';

export type SeededStory = { id: string; headline: string; sapo: string; section: string; slug: string; path: string };

export type Seed = {
  ldld: SeededStory;
  cum: SeededStory;
  picks: SeededStory[];
  more: SeededStory[];
  related: SeededStory[];
  all: SeededStory[];
};

export function sampleArticle(key: SampleKey) {
  return parseArticleText(readFileSync(new URL(SAMPLE_FILES[key], SAMPLES_DIR), 'utf8'), { knownTitles: RELATED_TITLES[key] });
}

/** Story i of a synthetic backlog, as of its given edit: the samples alternate, and each edit changes the sapo. */
export function editedSampleContent(i: number, edit: number): StoryContent {
  const article = sampleArticle(i % 2 === 0 ? 'ldld' : 'cum');
  return {
    headline: `${article.headline} (${i})`,
    sapo: edit === 0 ? article.sapo : `${article.sapo} Bản sửa ${edit}.`,
    byline: article.byline,
    section: 'Công đoàn',
    tags: [],
    slug: '',
    related: [],
    body: bodyFromBlocks(article.blocks),
  };
}

const shortId = (id: string) => id.replace(/-/g, '').slice(-8);

function content(fields: { headline: string; sapo: string; section: string; byline?: string; tags?: string[]; body?: StoryBody; related?: string[] }): UpsertPayload {
  return {
    headline: fields.headline,
    sapo: fields.sapo,
    byline: fields.byline ?? '',
    section: fields.section,
    tags: fields.tags ?? [],
    slug: '',
    related: fields.related ?? [],
    body: fields.body ?? nodes.bodyOf(fields.sapo ? [nodes.paragraph(nodes.inlineFromText(fields.sapo))] : []),
  };
}

/** Publishes everything as `token` (an editor or the chief); returns where each story lives. */
export async function seedSamples(baseUrl: string, token: string, options: { firstFigureSrc?: string } = {}): Promise<Seed> {
  const published: SeededStory[] = [];
  const publishAll = async (items: Array<{ id: string; payload: UpsertPayload; publishedAt: string }>) => {
    const ops: Op[] = items.flatMap((item) => [upsert(item.id, 0, item.payload), ...toPublished(item.id, item.publishedAt)]);
    for (let i = 0; i < ops.length; i += 200) {
      const { results } = await push(baseUrl, token, ops.slice(i, i + 200));
      const failed = results.find((r) => r.status !== 'applied');
      if (failed) throw new Error(`seeding failed: ${JSON.stringify(failed)}`);
    }
    const ids = new Set(items.map((item) => item.id));
    for (const { story: s } of await pullAll(baseUrl, token)) {
      if (!ids.has(s.id)) continue;
      const sectionSlug = s.section === 'Công đoàn' ? 'cong-doan' : s.section === 'Thời sự' ? 'thoi-su' : null;
      if (!sectionSlug) throw new Error(`unexpected section ${s.section}`);
      published.push({ id: s.id, headline: s.headline, sapo: s.sapo, section: s.section, slug: s.slug, path: `/${sectionSlug}/${s.slug}-${shortId(s.id)}.html` });
    }
  };

  const archiveTime = (i: number) => new Date(Date.UTC(2025, 11, 25, 10) - i * 3_600_000).toISOString();
  const teasers = new Map<string, { box: string; sapo: string }>();
  for (const key of ['ldld', 'cum'] as const) for (const t of sampleArticle(key).teasers) teasers.set(t.headline, { box: t.box, sapo: t.sapo });
  const archive = [...teasers].map(([headline, t], i) => ({
    id: newId(),
    publishedAt: archiveTime(i),
    payload: content({
      headline,
      sapo: t.sapo,
      section: t.box === 'Nên xem' ? 'Thời sự' : 'Công đoàn',
      tags: t.box === 'Nên xem' ? ['nen-xem'] : [],
    }),
  }));
  const relatedIds = new Map<string, string>();
  const relatedItems = [...RELATED_TITLES.ldld, ...RELATED_TITLES.cum].map((headline, i) => {
    const id = newId();
    relatedIds.set(headline, id);
    return { id, publishedAt: archiveTime(40 + i), payload: content({ headline, sapo: '', section: 'Công đoàn' }) };
  });
  await publishAll([...archive, ...relatedItems]);

  const mains = (['ldld', 'cum'] as const).map((key) => {
    const article = sampleArticle(key);
    const body = bodyFromBlocks(article.blocks, {
      related: RELATED_TITLES[key].map((title) => ({ id: relatedIds.get(title) ?? null, title })),
    });
    if (key === 'ldld' && options.firstFigureSrc) {
      const first = body.root.children.find((b) => b.type === 'figure');
      if (first?.type === 'figure') first.src = options.firstFigureSrc;
    }
    return {
      id: newId(),
      publishedAt: key === 'ldld' ? LDLD_PUBLISHED_AT : CUM_PUBLISHED_AT,
      payload: content({ headline: article.headline, sapo: article.sapo, byline: article.byline, section: 'Công đoàn', body, related: article.related }),
    };
  });
  await publishAll(mains);

  const byHeadline = (h: string) => published.find((s) => s.headline === h) as SeededStory;
  return {
    ldld: byHeadline(mains[0]?.payload.headline ?? ''),
    cum: byHeadline(mains[1]?.payload.headline ?? ''),
    picks: archive.filter((a) => a.payload.tags.includes('nen-xem')).map((a) => byHeadline(a.payload.headline)),
    more: archive.filter((a) => !a.payload.tags.includes('nen-xem')).map((a) => byHeadline(a.payload.headline)),
    related: relatedItems.map((r) => byHeadline(r.payload.headline)),
    all: published,
  };
}
