import type Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseArticleText, toStoryContent } from '../../core/import';
import { plainTextOfBody, type StoryContent } from '../../core/story';
import { countWords, foldForSearch } from '../../core/text';
import { importStories } from '../helpers/db-import';
import { tidyStore } from '../../db/maintenance';
import { openStoreDatabase } from '../../db/open';
import { searchStories, type SearchHit } from '../../db/search/search';
import { RANKED_MATCHES } from '../../db/search/search-rank';
import { StoryRepository } from '../../db/stories/repository';
import { sampleText, storyContentOf, syntheticStories } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

const HAI_BA_TRUNG = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const CUM_THI_DUA = 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên';

function ids(hits: SearchHit[]): string[] {
  return hits.map((hit) => hit.id);
}

function headlines(hits: SearchHit[]): string[] {
  return hits.map((hit) => hit.headline);
}

/** The snippet as a reader sees it: tags gone, entities back. */
function snippetText(snippet: string): string {
  return snippet
    .replace(/<\/?mark>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
}

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

describe('search over the two imported samples', () => {
  let temp: TempDir;
  let db: Database.Database;
  let items: StoryContent[];

  beforeAll(() => {
    temp = makeTempDir();
    db = openStoreDatabase(temp.file('samples.db'));
    items = ['ldld-hai-ba-trung-doi-moi.txt', 'cum-thi-dua-so-4-cham-lo-doan-vien.txt'].map((name) =>
      toStoryContent(parseArticleText(sampleText(name))),
    );
    expect(items.map((item) => item.headline)).toEqual([HAI_BA_TRUNG, CUM_THI_DUA]);
    const outcomes = importStories(db, items, { author: 'import' });
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  const sameResults: Array<{ name: string; queries: string[]; first: string; all?: string[] }> = [
    {
      name: 'Hai Bà Trưng, with or without accents, in NFC or NFD',
      queries: ['hai ba trung', 'Hai Bà Trưng', 'Hai Bà Trưng'.normalize('NFD'), 'HAI BÀ TRƯNG'],
      first: HAI_BA_TRUNG,
    },
    {
      name: 'đoàn viên, which both stories are about',
      queries: ['doan vien', 'đoàn viên', 'Đoàn Viên', 'đoàn viên'.normalize('NFD')],
      first: CUM_THI_DUA,
      all: [CUM_THI_DUA, HAI_BA_TRUNG],
    },
    {
      name: 'the acronym LĐLĐ, whose đ no Unicode decomposition removes',
      queries: ['ldld', 'LĐLĐ', 'lđlđ'],
      first: HAI_BA_TRUNG,
      all: [HAI_BA_TRUNG, CUM_THI_DUA],
    },
    {
      name: 'cụm thi đua, the other story',
      queries: ['cum thi dua', 'Cụm thi đua'],
      first: CUM_THI_DUA,
    },
    {
      name: 'a prefix still being typed',
      queries: ['chăm l', 'cham l', 'chăm lo'],
      first: CUM_THI_DUA,
      all: [CUM_THI_DUA, HAI_BA_TRUNG],
    },
  ];

  it.each(sameResults)('finds $name the same way every time', ({ queries, first, all }) => {
    const [reference, ...others] = queries.map((query) => searchStories(db, query));
    if (!reference) throw new Error('no queries');
    expect(reference[0]?.headline).toBe(first);
    if (all) expect(headlines(reference)).toEqual(all);
    for (const hits of others) expect(ids(hits)).toEqual(ids(reference));
  });

  it('finds every word of both samples alike accented, folded, in NFD and in capitals', () => {
    const words = new Set(items.flatMap((item) => `${item.headline} ${item.sapo} ${plainTextOfBody(item.body)}`.match(WORD) ?? []));
    expect(words.size).toBeGreaterThan(300);
    for (const word of words) {
      const found = ids(searchStories(db, word, { limit: 500 }));
      expect(found.length, word).toBeGreaterThan(0);
      for (const form of [foldForSearch(word), word.normalize('NFD'), word.toUpperCase()]) {
        expect(ids(searchStories(db, form, { limit: 500 })), `${word} as ${form}`).toEqual(found);
      }
    }
  });

  it('ranks with bm25, best first', () => {
    const hits = searchStories(db, 'doan vien');
    expect(hits).toHaveLength(2);
    expect(hits[0]?.rank).toBeLessThanOrEqual(hits[1]?.rank ?? Number.NEGATIVE_INFINITY);
  });

  it.each([
    ['hai ba trung', /<mark>Hai<\/mark> <mark>Bà<\/mark> <mark>Trưng<\/mark>/],
    ['Hai Bà Trưng'.normalize('NFD'), /<mark>Hai<\/mark> <mark>Bà<\/mark> <mark>Trưng<\/mark>/],
    ['doan vien', /<mark>[Đđ]oàn<\/mark> <mark>viên<\/mark>/],
    ['ldld', /<mark>LĐLĐ<\/mark>/],
    ['cum thi dua', /<mark>Cụm<\/mark> <mark>thi<\/mark> <mark>đua<\/mark>/],
    ['chăm l', /<mark>chăm<\/mark> <mark>lo<\/mark>/],
  ])('highlights %j in the original accented text', (query, highlighted) => {
    const hits = searchStories(db, query);
    expect(hits.length).toBeGreaterThan(0);
    const top = hits[0];
    if (!top) throw new Error('no hit');
    expect(top.snippet).toMatch(highlighted);
    for (const hit of hits) {
      expect(hit.snippet).toContain('<mark>');
      // No folded text leaks into a snippet, and it stays around thirty words.
      expect(countWords(snippetText(hit.snippet))).toBeLessThanOrEqual(30);
      expect(snippetText(hit.snippet)).toMatch(/[àáảãạăằắẳẵặâầấẩẫậđèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ]/i);
    }
  });

  it('does not highlight every word that merely starts with a one-letter prefix', () => {
    const top = searchStories(db, 'chăm l')[0];
    expect(top?.snippet).toMatch(/<mark>chăm<\/mark> <mark>lo<\/mark>/);
    expect(top?.snippet).not.toMatch(/<mark>(lợi|là|lao|LĐLĐ)<\/mark>/);
  });

  it.each([
    '"',
    'AND OR (',
    '*',
    'NEAR(',
    'NEAR(hai ba, 2)',
    'hai OR ba NOT trưng',
    '"hai ba',
    "đoàn' viên",
    'headline: hai',
    '^hai',
    '-',
    '(((',
    '{sapo body}: doan',
    'hai*ba',
    '\u0000\u0001',
    '🙂 đoàn',
    '𞤀',
    'a𞤀b đoàn',
    'a'.repeat(2_000),
    'doan '.repeat(200),
    '',
    '   ',
  ])('never lets user input break the query: %j', (query) => {
    expect(() => searchStories(db, query)).not.toThrow();
    expect(Array.isArray(searchStories(db, query))).toBe(true);
  });

  it('reads operators and punctuation as plain words', () => {
    expect(searchStories(db, '')).toEqual([]);
    expect(searchStories(db, '*')).toEqual([]);
    expect(ids(searchStories(db, '"đoàn viên"'))).toEqual(ids(searchStories(db, 'đoàn viên')));
    expect(ids(searchStories(db, '(ldld)'))).toEqual(ids(searchStories(db, 'ldld')));
    expect(searchStories(db, 'hai OR xyzzy')).toEqual([]);
  });

  it('honours the limit', () => {
    expect(searchStories(db, 'doan vien', { limit: 1 })).toHaveLength(1);
  });
});

describe('ranking and snippets', () => {
  let temp: TempDir;
  let db: Database.Database;
  let stories: StoryRepository;

  beforeAll(() => {
    temp = makeTempDir();
    db = openStoreDatabase(temp.file('ranking.db'));
    stories = new StoryRepository(db);
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it('weights the headline above the sapo above the body', () => {
    const filler = 'Công đoàn cơ sở phối hợp với chính quyền quan tâm chăm lo việc làm, đời sống, thu nhập cho người lao động';
    // Ten stories without the word, so that it is rare enough for bm25 to count it.
    for (let n = 0; n < 10; n++) stories.create(storyContentOf({ headline: `Tin công đoàn ${n}`, sapo: filler }), { author: 'a' });
    const inBody = stories.create(
      storyContentOf({ headline: 'Tin thể thao', sapo: filler, paragraphs: ['Khu đô thị thể thao Olympic phía Nam.'] }),
      { author: 'a' },
    );
    const inHeadline = stories.create(
      storyContentOf({ headline: 'Khu đô thị Olympic', sapo: filler, paragraphs: ['Dự án mới phía Nam Thủ đô.'] }),
      { author: 'a' },
    );
    const inSapo = stories.create(
      storyContentOf({ headline: 'Tin đô thị', sapo: `${filler} Olympic`, paragraphs: ['Dự án mới phía Nam Thủ đô.'] }),
      { author: 'a' },
    );
    expect(ids(searchStories(db, 'olympic'))).toEqual([inHeadline.id, inSapo.id, inBody.id]);
  });

  it('escapes HTML in snippets, and falls back to the headline when only the headline matches', () => {
    const story = stories.create(
      storyContentOf({
        headline: 'Thư <script>alert("xss")</script> gửi bạn đọc & người lao động',
        sapo: 'Đoạn <b onclick="x()">in đậm</b> & "ngoặc kép" của tin',
      }),
      { author: 'a' },
    );
    const [bySapo] = searchStories(db, 'ngoac kep');
    expect(bySapo?.id).toBe(story.id);
    expect(bySapo?.snippet).toBe(
      'Đoạn &lt;b onclick=&quot;x()&quot;&gt;in đậm&lt;/b&gt; &amp; &quot;<mark>ngoặc</mark> <mark>kép</mark>&quot; của tin',
    );
    const [byHeadline] = searchStories(db, 'gui ban doc');
    expect(byHeadline?.id).toBe(story.id);
    expect(byHeadline?.snippet).toBe(
      'Thư &lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt; <mark>gửi</mark> <mark>bạn</mark> <mark>đọc</mark> &amp; người lao động',
    );
  });

  it('follows edits: the index always holds the current text', () => {
    const story = stories.create(storyContentOf({ headline: 'Bản tin sáng nay' }), { author: 'a' });
    expect(ids(searchStories(db, 'ban tin sang'))).toContain(story.id);
    stories.autosave(story.id, storyContentOf({ headline: 'Bản tin chiều nay' }), { author: 'a' });
    expect(ids(searchStories(db, 'ban tin sang'))).not.toContain(story.id);
    expect(ids(searchStories(db, 'ban tin chieu'))).toContain(story.id);
    stories.save(story.id, storyContentOf({ headline: 'Bản tin tối nay' }), { author: 'a' });
    expect(ids(searchStories(db, 'ban tin chieu'))).not.toContain(story.id);
    expect(ids(searchStories(db, 'ban tin toi'))).toContain(story.id);
  });
  it('follows a change of the body alone, and keeps the entry when a save leaves the text as it was', () => {
    const headline = 'Hội nghị người lao động năm nay';
    const story = stories.create(storyContentOf({ headline, paragraphs: ['Bàn về thỏa ước lao động tập thể.'] }), { author: 'a' });
    stories.save(story.id, storyContentOf({ headline, paragraphs: ['Bàn về an toàn vệ sinh lao động.'] }), { author: 'a' });
    expect(ids(searchStories(db, 'thoa uoc tap the'))).not.toContain(story.id);
    expect(ids(searchStories(db, 'an toan ve sinh'))).toContain(story.id);
    stories.save(story.id, { ...storyContentOf({ headline, paragraphs: ['Bàn về an toàn vệ sinh lao động.'] }), tags: ['hội nghị'] }, { author: 'a' });
    expect(ids(searchStories(db, 'an toan ve sinh'))).toContain(story.id);
    expect(() => db.exec("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')")).not.toThrow();
  });
});

describe('folding by the tokenizer', () => {
  // Every Vietnamese vowel under every tone, and đ: the index is given the text
  // as written (đ aside) and FTS5's tokenizer does the folding.
  const TONES = ['', '\u0300', '\u0301', '\u0309', '\u0303', '\u0323'];
  const LETTERS = [...'aăâeêioôơuưy'].flatMap((base) => TONES.map((tone) => (base + tone).normalize('NFC'))).concat('đ');
  const WRITINGS: Array<[string, (word: string) => string]> = [
    ['NFC', (word) => word],
    ['NFD', (word) => word.normalize('NFD')],
    ['capitals', (word) => word.toUpperCase()],
    ['capitals in NFD', (word) => word.toUpperCase().normalize('NFD')],
  ];

  it('folds every letter, however written, as foldForSearch does', () => {
    const temp = makeTempDir();
    const db = openStoreDatabase(temp.file('letters.db'));
    try {
      const stories = new StoryRepository(db);
      const written = LETTERS.flatMap((letter) =>
        WRITINGS.map(([, write]) => {
          const word = write(`ng${letter}n`);
          return { word, id: stories.create(storyContentOf({ headline: word }), { author: 'a' }).id };
        }),
      );
      for (const { word } of written) {
        const expected = written.filter((other) => foldForSearch(other.word) === foldForSearch(word)).map((other) => other.id);
        expect(ids(searchStories(db, word, { limit: 500 })).sort(), word).toEqual(expected.sort());
        expect(ids(searchStories(db, foldForSearch(word), { limit: 500 })).sort(), word).toEqual(expected.sort());
      }
    } finally {
      db.close();
      temp.remove();
    }
  });
});

describe('ranking among many matches', () => {
  let temp: TempDir;
  let db: Database.Database;
  let stories: StoryRepository;

  beforeAll(() => {
    temp = makeTempDir();
    db = openStoreDatabase(temp.file('many.db'));
    stories = new StoryRepository(db);
  });
  afterAll(() => {
    db.close();
    temp.remove();
  });

  it('weighs a rare word in the headline above common words in the headline', () => {
    const common = 'Công đoàn cơ sở chăm lo đời sống người lao động';
    for (let n = 0; n < 10; n++) stories.create(storyContentOf({ headline: `${common} ${n}` }), { author: 'a' });
    // Counted without IDF, two words in the headline would beat one.
    const rareInHeadline = stories.create(
      storyContentOf({ headline: 'Vận động viên dự Olympic trở về', paragraphs: [common] }),
      { author: 'a' },
    );
    const commonInHeadline = stories.create(
      storyContentOf({ headline: common, paragraphs: ['Vận động viên dự Olympic trở về.'] }),
      { author: 'a' },
    );
    expect(ids(searchStories(db, 'công đoàn olympic'))).toEqual([rareInHeadline.id, commonInHeadline.id]);
  });

  it(`ranks only the newest ${RANKED_MATCHES} matches, and finds an older story by a rarer word`, () => {
    const old = stories.create(
      storyContentOf({ headline: 'Giải việt dã báo Lao Động', sapo: 'Giải chạy việt dã truyền thống mùa xuân.' }),
      { author: 'a' },
    );
    const newer = importStories(
      db,
      Array.from({ length: RANKED_MATCHES }, (_, n) => storyContentOf({ headline: `Tin ngắn ${n}`, paragraphs: ['Hưởng ứng giải việt dã.'] })),
      { author: 'a' },
    );
    expect(newer.every((outcome) => outcome.ok)).toBe(true);
    // The old story has both words in its headline, but more than RANKED_MATCHES newer stories match too.
    expect(ids(searchStories(db, 'việt dã', { limit: 500 }))).not.toContain(old.id);
    expect(ids(searchStories(db, 'việt dã mùa xuân'))).toEqual([old.id]);
  });
});

describe('tidyStore', () => {
  it('merges the index segments that writes left and checkpoints, changing no result', () => {
    const temp = makeTempDir();
    const db = openStoreDatabase(temp.file('tidy.db'));
    try {
      // Each save commits its own index segment; writes leave merging them to tidyStore.
      const stories = new StoryRepository(db);
      for (const content of syntheticStories(40)) stories.create(content, { author: 'a' });
      const queries = ['hai ba trung', 'đoàn viên', 'chăm l', 'B00012'];
      const before = queries.map((query) => searchStories(db, query, { limit: 50 }));
      let steps = 0;
      while (tidyStore(db)) steps++;
      expect(steps).toBeGreaterThan(0);
      expect(tidyStore(db)).toBe(false);
      expect(() => db.exec("INSERT INTO stories_fts (stories_fts) VALUES ('integrity-check')")).not.toThrow();
      expect(queries.map((query) => searchStories(db, query, { limit: 50 }))).toEqual(before);
    } finally {
      db.close();
      temp.remove();
    }
  });
});
