// The local store at newsroom scale: 100,000 stories recombined from the sample
// articles, then search and save latency on top of them.
//
// The store leaves merging its search index and checkpointing its WAL to
// tidyStore(), which the app runs when idle (db/maintenance.ts). The benchmark
// does the same: once the import is done (timed apart from the import), and
// between saves (untimed, as an editor's saves are seconds apart; each step's
// own time is reported). CPU times come with the wall-clock figures because this
// machine is shared: wall time includes waiting for the other processes' turn.
import { mkdtempSync, rmSync, statSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { nodes } from '../../core/story';
import { openStoreDatabase, searchStories, tidyStore } from '../../db';
import { StoryRepository } from '../../db/stories/repository';
import { importStories } from '../helpers/db-import';
import { sampleLines, storyContentOf, syntheticStories } from '../helpers/db-story-content';
import { percentile, round, writeResult } from './stats';

const STORY_COUNT = Number(process.env.BENCH_STORIES ?? 100_000);
const SAVE_ROUNDS = 200;

const QUERIES = [
  'hai ba trung', 'Hai Bà Trưng', 'đoàn viên', 'doan vien', 'LĐLĐ', 'ldld', 'cum thi dua', 'Cụm thi đua',
  'chăm l', 'cham lo doi song', 'người lao động', 'nguoi lao dong', 'Tết Nguyên đán', 'tet nguyen dan',
  'công đoàn cơ sở', 'cong doan co so', 'thi đua yêu nước', 'phúc lợi', 'phuc loi', 'năng suất lao động',
  'Lotte', 'CNVCLĐ', 'cnvcld', 'hoà', 'hòa', 'thoả thuận hợp tác', 'doanh nghiep', 'sáng kiến sáng tạo',
  'B04242', 'quyền lợi hợp pháp',
];

function cpuSeconds(since: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

function fileSize(file: string): number {
  return ['', '-wal', '-shm'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
}

/** A 5,000-syllable story made of sample paragraphs. */
function longStory() {
  const { paragraphs } = sampleLines();
  const chosen: string[] = [];
  let words = 0;
  for (let i = 0; words < 5_000; i++) {
    const paragraph = paragraphs[i % paragraphs.length] as string;
    chosen.push(paragraph);
    words += paragraph.split(/\s+/).length;
  }
  return storyContentOf({ headline: 'Bài dài 5.000 chữ để đo thời gian lưu', sapo: chosen[0] ?? '', paragraphs: chosen, section: 'lao-dong' });
}

export async function benchStore(): Promise<object> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-bench-store-'));
  const file = path.join(dir, 'store.db');
  try {
    const db = openStoreDatabase(file);

    const loadAverage = os.loadavg()[0] ?? 0;
    const importStart = performance.now();
    const importCpu = process.cpuUsage();
    importStories(db, syntheticStories(STORY_COUNT), { author: 'bench' });
    const importSeconds = (performance.now() - importStart) / 1000;
    const importCpuSeconds = cpuSeconds(importCpu);

    const tidyStart = performance.now();
    const tidyCpu = process.cpuUsage();
    while (tidyStore(db));
    const tidySeconds = (performance.now() - tidyStart) / 1000;
    const tidyCpuSeconds = cpuSeconds(tidyCpu);

    for (const query of QUERIES) searchStories(db, query, { limit: 20 }); // warm the page cache
    const searchMs: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const query of QUERIES) {
        const start = performance.now();
        searchStories(db, query, { limit: 20 });
        searchMs.push(performance.now() - start);
      }
    }

    const stories = new StoryRepository(db);
    const content = longStory();
    const story = stories.create(content, { author: 'bench' });
    const saveMs: number[] = [];
    const tidyMs: number[] = [];
    for (let i = 0; i < SAVE_ROUNDS; i++) {
      const edited = { ...content, body: nodes.bodyOf([...content.body.root.children, nodes.paragraph(nodes.inlineFromText(`Sửa lần ${i}`))]) };
      const start = performance.now();
      stories.save(story.id, edited, { author: 'bench' });
      saveMs.push(performance.now() - start);
      const idle = performance.now();
      tidyStore(db);
      tidyMs.push(performance.now() - idle);
    }
    const words = stories.get(story.id)?.wordCount ?? 0;
    db.close();

    const result = {
      stories: STORY_COUNT,
      loadAverageAtStart: round(loadAverage, 1),
      importStoriesPerSecond: round(STORY_COUNT / importSeconds, 0),
      importSeconds: round(importSeconds, 1),
      importCpuMsPerStory: round((importCpuSeconds * 1000) / STORY_COUNT, 3),
      indexTidyAfterImport: { seconds: round(tidySeconds, 1), cpuSeconds: round(tidyCpuSeconds, 1) },
      importWithTidyStoriesPerSecond: round(STORY_COUNT / (importSeconds + tidySeconds), 0),
      databaseMegabytes: round(fileSize(file) / 1_048_576, 1),
      search: { queries: QUERIES.length, runs: searchMs.length, p50Ms: round(percentile(searchMs, 50)), p95Ms: round(percentile(searchMs, 95)), maxMs: round(Math.max(...searchMs)) },
      save: {
        storyWords: words,
        runs: SAVE_ROUNDS,
        p50Ms: round(percentile(saveMs, 50)),
        p95Ms: round(percentile(saveMs, 95)),
        maxMs: round(Math.max(...saveMs)),
        idleTidyP95Ms: round(percentile(tidyMs, 95)),
      },
      targets: { searchP95Ms: 15, saveP95Ms: 5, importStoriesPerSecond: 2_000 },
    };
    writeResult('store', result);
    return result;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
