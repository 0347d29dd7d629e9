import type Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { STORY_STATUSES, blockIdOf, nodes, withLoadedBlockIds, type StoryStatus } from '../../core/story';
import { countWords } from '../../core/text';
import { StoreError } from '../../db/errors';
import { importStories } from '../helpers/db-import';
import { openStoreDatabase } from '../../db/open';
import { searchStories } from '../../db/search/search';
import { StoryRepository, type StorySummary } from '../../db/stories/repository';
import { sampleLines, storyContentOf } from '../helpers/db-story-content';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

const T0 = Date.parse('2025-03-01T08:00:00.000Z');
const MINUTE = 60_000;

/** A clock the test moves by hand. */
function manualClock(start = T0) {
  let now = start;
  return {
    clock: () => new Date(now),
    set: (ms: number) => {
      now = ms;
    },
    advance: (ms: number) => {
      now += ms;
    },
  };
}

const { paragraphs } = sampleLines();
const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const SAPO = paragraphs[0] ?? '';

function content(headline: string, body: readonly string[] = [], extra: { section?: string } = {}) {
  return storyContentOf({ headline, sapo: SAPO, paragraphs: body, ...extra });
}

function expectStoreError(action: () => unknown, code: string): StoreError {
  try {
    action();
  } catch (error) {
    expect(error).toBeInstanceOf(StoreError);
    expect((error as StoreError).code).toBe(code);
    return error as StoreError;
  }
  throw new Error(`expected a StoreError ${code}, nothing was thrown`);
}

let temp: TempDir;
let db: Database.Database;
let time: ReturnType<typeof manualClock>;
let stories: StoryRepository;

beforeEach(() => {
  temp = makeTempDir();
  db = openStoreDatabase(temp.file('store.db'));
  time = manualClock();
  stories = new StoryRepository(db, { clock: time.clock });
});
afterEach(() => {
  db.close();
  temp.remove();
});

describe('creating and reading stories', () => {
  it('keeps the content as given and counts Vietnamese syllables over headline, sapo and body', () => {
    const body = [paragraphs[1] ?? '', paragraphs[2] ?? ''];
    const created = stories.create(
      { ...content(HEADLINE, body), byline: 'H.Phong', section: 'cong-doan', tags: ['công đoàn'] },
      { author: 'phong' },
    );
    expect(created.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-/);
    expect(created).toMatchObject({
      headline: HEADLINE,
      sapo: SAPO,
      byline: 'H.Phong',
      section: 'cong-doan',
      tags: ['công đoàn'],
      status: 'draft',
      author: 'phong',
      createdAt: new Date(T0).toISOString(),
      updatedAt: new Date(T0).toISOString(),
      rev: 0,
      baseRev: 0,
      deletedAt: null,
    });
    const expectedWords = [HEADLINE, SAPO, ...body].reduce((sum, text) => sum + countWords(text), 0);
    expect(created.wordCount).toBe(expectedWords);
    // Read back with the ids every desk gives a body stored without them (below).
    expect(stories.get(created.id)).toEqual({ ...created, body: withLoadedBlockIds(created.body) });
    expect(stories.revisions(created.id)).toEqual([]);
  });

  it('names the blocks of a story stored without block ids b1, b2... on every read, as every desk does, and keeps ids it has', () => {
    const old = stories.create(content(HEADLINE, [paragraphs[1] ?? '', paragraphs[2] ?? '']), { author: 'phong' });
    expect(JSON.stringify(old.body)).not.toContain('blockId');
    const read = stories.get(old.id)?.body;
    expect(read?.root.children.map((block) => blockIdOf(block))).toEqual(['b1', 'b2']);
    expect(stories.get(old.id)?.body).toEqual(read);
    // The row itself is left as it was: the ids are what loading gives it.
    const row = db.prepare('SELECT body FROM stories WHERE id = ?').pluck().get(old.id) as string;
    expect(row).not.toContain('blockId');
    // A body that has ids keeps them; a block added without one gets the next free name.
    if (read === undefined) throw new Error('no body');
    const added = nodes.paragraph(nodes.inlineFromText('Đoạn mới.'));
    stories.save(old.id, { ...content(HEADLINE), body: { root: { ...read.root, children: [...read.root.children, added] } } }, { author: 'phong' });
    expect(stories.get(old.id)?.body.root.children.map((block) => blockIdOf(block))).toEqual(['b1', 'b2', 'b3']);
  });

  it('starts with a revision when asked (as imports do)', () => {
    const created = stories.create(content(HEADLINE), { author: 'phong', reason: 'import' });
    expect(stories.revisions(created.id).map((r) => r.reason)).toEqual(['import']);
  });

  it.each([
    ['a headline over 500 characters', { ...content('x'.repeat(501)) }, 'Tít quá dài'],
    ['a javascript: link in the body', {
      ...content(HEADLINE),
      body: {
        root: {
          type: 'root', version: 1, children: [{
            type: 'paragraph', version: 1, children: [{
              type: 'link', version: 1, url: 'javascript:alert(1)',
              children: [{ type: 'text', version: 1, text: 'bấm', format: 0, style: '', mode: 'normal', detail: 0 }],
            }],
          }],
        },
      },
    }, 'http, https hoặc mailto'],
  ])('refuses %s with a readable error and writes nothing', (_case, bad, message) => {
    const error = expectStoreError(() => stories.create(bad as never, { author: 'phong' }), 'INVALID_INPUT');
    expect(error.message).toContain(message);
    expect(db.prepare('SELECT count(*) FROM stories').pluck().get()).toBe(0);
  });

  it('refuses a write without an author', () => {
    expectStoreError(() => stories.create(content(HEADLINE), { author: ' ' }), 'INVALID_INPUT');
  });

  it('answers null for an unknown story and STORY_NOT_FOUND when writing to one', () => {
    const missing = '01950000-0000-7000-8000-000000000000';
    expect(stories.get(missing)).toBeNull();
    expectStoreError(() => stories.save(missing, content(HEADLINE), { author: 'phong' }), 'STORY_NOT_FOUND');
  });
});

describe('history', () => {
  it('writes a new immutable revision for every explicit save', () => {
    const { id } = stories.create(content('Bản đầu'), { author: 'phong' });
    const texts = ['Bản một', 'Bản hai', 'Bản hai'];
    const revisionIds: string[] = [];
    for (const headline of texts) {
      time.advance(MINUTE);
      revisionIds.push(stories.save(id, content(headline), { author: 'phong' }).revisionId);
    }
    const history = stories.revisions(id);
    expect(history.map((r) => r.id)).toEqual([...revisionIds].reverse());
    expect(history.every((r) => r.reason === 'save' && !r.open)).toBe(true);
    expect(revisionIds.map((rid) => stories.revision(rid)?.content.headline)).toEqual(texts);
    expect(stories.get(id)?.headline).toBe('Bản hai');
    expect(stories.get(id)?.updatedAt).toBe(new Date(T0 + 3 * MINUTE).toISOString());
  });

  it('refuses to change or delete a revision, even with raw SQL', () => {
    const { id } = stories.create(content(HEADLINE), { author: 'phong' });
    const { revisionId } = stories.save(id, content('Bản đã lưu'), { author: 'phong' });
    expect(() => db.prepare("UPDATE revisions SET content = '{}' WHERE id = ?").run(revisionId)).toThrow(/immutable/);
    expect(() => db.prepare("UPDATE revisions SET author = 'x' WHERE id = ?").run(revisionId)).toThrow(/immutable/);
    expect(() => db.prepare('DELETE FROM revisions WHERE id = ?').run(revisionId)).toThrow(/immutable/);
    expect(stories.revision(revisionId)?.content.headline).toBe('Bản đã lưu');
  });

  type Step = { at: number; kind: 'autosave' | 'save'; author: string; text: string };
  type Entry = { reason: string; author: string; text: string; open: boolean; at: number };

  // Times are minutes after T0; history is newest first.
  const cases: Array<{ name: string; steps: Step[]; history: Entry[] }> = [
    {
      name: 'autosaves by one author within 10 minutes fold into one entry holding the latest text',
      steps: [
        { at: 0, kind: 'autosave', author: 'phong', text: 'Chăm lo' },
        { at: 1, kind: 'autosave', author: 'phong', text: 'Chăm lo đời sống' },
        { at: 9.99, kind: 'autosave', author: 'phong', text: 'Chăm lo đời sống đoàn viên' },
      ],
      history: [{ reason: 'autosave', author: 'phong', text: 'Chăm lo đời sống đoàn viên', open: true, at: 9.99 }],
    },
    {
      name: 'ten minutes after the first autosave, the window is sealed and a new one opens',
      steps: [
        { at: 0, kind: 'autosave', author: 'phong', text: 'Cụm thi đua' },
        { at: 6, kind: 'autosave', author: 'phong', text: 'Cụm thi đua số 4' },
        { at: 10, kind: 'autosave', author: 'phong', text: 'Cụm thi đua số 4 triển khai' },
        { at: 15, kind: 'autosave', author: 'phong', text: 'Cụm thi đua số 4 triển khai hiệu quả' },
      ],
      history: [
        { reason: 'autosave', author: 'phong', text: 'Cụm thi đua số 4 triển khai hiệu quả', open: true, at: 15 },
        { reason: 'autosave', author: 'phong', text: 'Cụm thi đua số 4', open: false, at: 6 },
      ],
    },
    {
      name: "another author's autosave seals the first author's window",
      steps: [
        { at: 0, kind: 'autosave', author: 'phong', text: 'Hai Bà Trưng' },
        { at: 2, kind: 'autosave', author: 'quan', text: 'Hai Bà Trưng đổi mới' },
        { at: 3, kind: 'autosave', author: 'quan', text: 'Hai Bà Trưng đổi mới hoạt động' },
        { at: 4, kind: 'autosave', author: 'phong', text: 'LĐLĐ quận Hai Bà Trưng' },
      ],
      history: [
        { reason: 'autosave', author: 'phong', text: 'LĐLĐ quận Hai Bà Trưng', open: true, at: 4 },
        { reason: 'autosave', author: 'quan', text: 'Hai Bà Trưng đổi mới hoạt động', open: false, at: 3 },
        { reason: 'autosave', author: 'phong', text: 'Hai Bà Trưng', open: false, at: 0 },
      ],
    },
    {
      name: "an explicit save is always new, and absorbs its own author's open autosave",
      steps: [
        { at: 0, kind: 'autosave', author: 'phong', text: 'Đoàn viên' },
        { at: 1, kind: 'save', author: 'phong', text: 'Đoàn viên công đoàn' },
        { at: 2, kind: 'save', author: 'phong', text: 'Đoàn viên công đoàn' },
        { at: 3, kind: 'autosave', author: 'phong', text: 'Đoàn viên công đoàn tích cực' },
      ],
      history: [
        { reason: 'autosave', author: 'phong', text: 'Đoàn viên công đoàn tích cực', open: true, at: 3 },
        { reason: 'save', author: 'phong', text: 'Đoàn viên công đoàn', open: false, at: 2 },
        { reason: 'save', author: 'phong', text: 'Đoàn viên công đoàn', open: false, at: 1 },
      ],
    },
    {
      name: "an explicit save by another author seals the open autosave first, so nobody's text is lost",
      steps: [
        { at: 0, kind: 'autosave', author: 'phong', text: 'Người lao động' },
        { at: 1, kind: 'save', author: 'quan', text: 'Người lao động Thủ đô' },
      ],
      history: [
        { reason: 'save', author: 'quan', text: 'Người lao động Thủ đô', open: false, at: 1 },
        { reason: 'autosave', author: 'phong', text: 'Người lao động', open: false, at: 0 },
      ],
    },
  ];

  it.each(cases)('$name', ({ steps, history }) => {
    const { id } = stories.create(content('Bài mới'), { author: 'phong' });
    for (const step of steps) {
      time.set(T0 + step.at * MINUTE);
      const body = content(step.text);
      const result =
        step.kind === 'save'
          ? stories.save(id, body, { author: step.author })
          : stories.autosave(id, body, { author: step.author });
      // The story itself always holds the latest text at once, and the write reports it as stored.
      expect(result.story.headline).toBe(step.text);
      expect(result.story).toEqual(stories.get(id));
      expect(stories.revision(result.revisionId)?.content.headline).toBe(step.text);
    }
    const actual = stories.revisions(id).map((summary) => {
      const full = stories.revision(summary.id);
      return {
        reason: summary.reason,
        author: summary.author,
        text: full?.content.headline,
        open: summary.open,
        at: (Date.parse(summary.createdAt) - T0) / MINUTE,
      };
    });
    expect(actual).toEqual(history);
  });

  it('keeps a revision id stable from the open window to the sealed revision', () => {
    const { id } = stories.create(content('Bài mới'), { author: 'phong' });
    const first = stories.autosave(id, content('Một'), { author: 'phong' });
    time.advance(MINUTE);
    const second = stories.autosave(id, content('Một hai'), { author: 'phong' });
    expect(second.revisionId).toBe(first.revisionId);
    time.advance(MINUTE);
    stories.autosave(id, content('Một hai ba'), { author: 'quan' });
    const sealed = stories.revision(first.revisionId);
    expect(sealed?.content.headline).toBe('Một hai');
    // Once sealed, the trigger guards it like any other revision.
    expect(() => db.prepare("UPDATE revisions SET content = '{}' WHERE id = ?").run(first.revisionId)).toThrow(/immutable/);
  });

  it('seals windows left open longer than 10 minutes when asked', () => {
    const a = stories.create(content('Bài A'), { author: 'phong' });
    const b = stories.create(content('Bài B'), { author: 'phong' });
    stories.autosave(a.id, content('Bài A sửa'), { author: 'phong' });
    time.advance(5 * MINUTE);
    stories.autosave(b.id, content('Bài B sửa'), { author: 'phong' });
    time.advance(5 * MINUTE);
    expect(stories.sealExpiredAutosaves()).toBe(1);
    expect(stories.revisions(a.id).map((r) => [r.reason, r.open])).toEqual([['autosave', false]]);
    expect(stories.revisions(b.id).map((r) => [r.reason, r.open])).toEqual([['autosave', true]]);
  });

  it('records a submit as a revision of the text as it stands, the open autosave sealed first, the text unchanged', () => {
    const { id } = stories.create(content('Bài mới'), { author: 'phong' });
    const typed = stories.autosave(id, content('Bài gửi duyệt'), { author: 'phong' });
    time.advance(MINUTE);
    const submitted = stories.snapshot(id, { author: 'phong', reason: 'submit' });
    expect(stories.revisions(id).map((r) => [r.id, r.reason, r.open])).toEqual([
      [submitted, 'submit', false],
      [typed.revisionId, 'autosave', false],
    ]);
    expect(stories.revision(submitted)?.content.headline).toBe('Bài gửi duyệt');
    expect(stories.get(id)?.updatedAt).toBe(typed.story.updatedAt);
  });

  it('refuses save() with the autosave reason', () => {
    const { id } = stories.create(content('Bài mới'), { author: 'phong' });
    expectStoreError(() => stories.save(id, content('x'), { author: 'phong', reason: 'autosave' }), 'INVALID_INPUT');
  });
});

describe('trash', () => {
  it('hides a trashed story from the list and search, refuses edits, and restores it whole', () => {
    const kept = stories.create(content('Cụm thi đua số 4 chăm lo đoàn viên'), { author: 'phong' });
    const trashed = stories.create(content('Hai Bà Trưng chăm lo đoàn viên'), { author: 'phong' });
    stories.save(trashed.id, content('Hai Bà Trưng chăm lo đoàn viên'), { author: 'phong' });

    time.advance(MINUTE);
    const inTrash = stories.trash(trashed.id);
    expect(inTrash.deletedAt).toBe(new Date(T0 + MINUTE).toISOString());
    expect(stories.trash(trashed.id).deletedAt).toBe(inTrash.deletedAt);
    expect(stories.list().items.map((s) => s.id)).toEqual([kept.id]);
    expect(stories.list({ trashed: true }).items.map((s) => s.id)).toEqual([trashed.id]);
    expect(stories.list({ includeDeleted: true }).items.map((s) => s.id).sort()).toEqual([kept.id, trashed.id].sort());
    expect(searchStories(db, 'chăm lo').map((hit) => hit.id)).toEqual([kept.id]);
    expectStoreError(() => stories.autosave(trashed.id, content('x'), { author: 'phong' }), 'STORY_IN_TRASH');
    expectStoreError(() => stories.save(trashed.id, content('x'), { author: 'phong' }), 'STORY_IN_TRASH');

    time.advance(MINUTE);
    const restored = stories.restore(trashed.id);
    expect(restored.deletedAt).toBeNull();
    expect(restored.headline).toBe('Hai Bà Trưng chăm lo đoàn viên');
    expect(stories.revisions(trashed.id)).toHaveLength(1);
    expect(searchStories(db, 'chăm lo').map((hit) => hit.id).sort()).toEqual([kept.id, trashed.id].sort());
    expect(stories.list().items[0]?.id).toBe(trashed.id);
  });
});

describe('listing', () => {
  const SECTIONS = ['cong-doan', 'lao-dong', 'xa-hoi'];
  const AUTHORS = ['phong', 'quan', 'lan', 'minh'];
  const COUNT = 250;

  function seedArchive(): StorySummary[] {
    const { headlines } = sampleLines();
    for (let n = 0; n < COUNT; n++) {
      // Groups of five share one timestamp, so the id must break ties.
      time.set(T0 + Math.floor(n / 5) * MINUTE);
      const status = STORY_STATUSES[n % STORY_STATUSES.length] as StoryStatus;
      stories.create(content(`${headlines[n % headlines.length]} (${n})`, [], { section: SECTIONS[n % 3] ?? '' }), {
        author: AUTHORS[n % 4] ?? 'phong',
        status,
      });
    }
    for (let n = 0; n < COUNT; n += 17) {
      const victim = stories.list({ limit: 500 }).items[n];
      if (victim) stories.trash(victim.id);
    }
    return stories.list({ includeDeleted: true, limit: 500 }).items;
  }

  function walk(filter: Parameters<StoryRepository['list']>[0], pageSize: number): StorySummary[] {
    const seen: StorySummary[] = [];
    let after: string | null = null;
    for (let guard = 0; guard < 1000; guard++) {
      const page = stories.list({ ...filter, limit: pageSize, after });
      expect(page.items.length).toBeLessThanOrEqual(pageSize);
      seen.push(...page.items);
      if (page.nextCursor === null) return seen;
      after = page.nextCursor;
    }
    throw new Error('pagination did not end');
  }

  function newestFirst(a: StorySummary, b: StorySummary): number {
    if (a.updatedAt !== b.updatedAt) return a.updatedAt < b.updatedAt ? 1 : -1;
    return a.id < b.id ? 1 : a.id > b.id ? -1 : 0;
  }

  it('filters by status, section and author, and pages with a keyset cursor without gaps or repeats', () => {
    const all = seedArchive();
    expect(all).toHaveLength(COUNT);
    const live = all.filter((s) => s.deletedAt === null);
    expect(live.length).toBeLessThan(COUNT);

    const filters: Array<{ filter: Parameters<StoryRepository['list']>[0]; keep: (s: StorySummary) => boolean }> = [
      { filter: {}, keep: (s) => s.deletedAt === null },
      { filter: { includeDeleted: true }, keep: () => true },
      { filter: { trashed: true }, keep: (s) => s.deletedAt !== null },
      { filter: { status: 'draft' }, keep: (s) => s.status === 'draft' && s.deletedAt === null },
      { filter: { status: 'published' }, keep: (s) => s.status === 'published' && s.deletedAt === null },
      { filter: { section: 'lao-dong' }, keep: (s) => s.section === 'lao-dong' && s.deletedAt === null },
      { filter: { author: 'quan' }, keep: (s) => s.author === 'quan' && s.deletedAt === null },
      {
        filter: { author: 'lan', section: 'xa-hoi' },
        keep: (s) => s.author === 'lan' && s.section === 'xa-hoi' && s.deletedAt === null,
      },
      {
        filter: { status: 'submitted', author: 'minh', includeDeleted: true },
        keep: (s) => s.status === 'submitted' && s.author === 'minh',
      },
    ];
    for (const { filter, keep } of filters) {
      const expected = all.filter(keep).sort(newestFirst).map((s) => s.id);
      expect(expected.length).toBeGreaterThan(0);
      for (const pageSize of [1, 7, 40, 500]) {
        if (pageSize === 1 && expected.length > 60) continue;
        expect(walk(filter, pageSize).map((s) => s.id), JSON.stringify({ filter, pageSize })).toEqual(expected);
      }
    }
  });

  it('keeps its place when stories change between pages: an edited story moves to the top, not into the next page', () => {
    seedArchive();
    const first = stories.list({ limit: 20 });
    const edited = first.items[5];
    if (!edited || !first.nextCursor) throw new Error('seed too small');
    time.set(T0 + 1000 * MINUTE);
    stories.save(edited.id, content('Bài đã sửa'), { author: 'phong' });
    const second = stories.list({ limit: 20, after: first.nextCursor });
    expect(second.items.map((s) => s.id)).not.toContain(edited.id);
    expect(second.items.map((s) => s.id).filter((id) => first.items.some((s) => s.id === id))).toEqual([]);
    expect(stories.list({ limit: 1 }).items[0]?.id).toBe(edited.id);
  });

  it.each(['garbage', Buffer.from('["only one"]').toString('base64url'), ''])('refuses a bad cursor %j', (cursor) => {
    stories.create(content(HEADLINE), { author: 'phong' });
    if (cursor === '') {
      // An empty cursor means "from the start".
      expect(stories.list({ after: cursor }).items).toHaveLength(1);
      return;
    }
    const error = expectStoreError(() => stories.list({ after: cursor }), 'INVALID_CURSOR');
    expect(error.message).toContain('Vị trí trang không hợp lệ');
  });

  it('lists the sections in use', () => {
    stories.create(content('A', [], { section: 'xa-hoi' }), { author: 'phong' });
    stories.create(content('B', [], { section: 'cong-doan' }), { author: 'phong' });
    stories.create(content('C', [], { section: 'xa-hoi' }), { author: 'phong' });
    stories.create(content('D'), { author: 'phong' });
    expect(stories.sections()).toEqual(['cong-doan', 'xa-hoi']);
  });
});

describe('importStories', () => {
  it('imports each item with an import revision and a search entry, and reports bad items without stopping', () => {
    const items = [
      storyContentOf({ headline: 'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo' }),
      { ...storyContentOf({ headline: 'Tít hỏng' }), slug: 'Không Phải Slug' },
      storyContentOf({ headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới' }),
    ];
    const progress: number[] = [];
    const outcomes = importStories(db, items, { author: 'import', onProgress: (done) => progress.push(done) });
    expect(outcomes.map((o) => o.ok)).toEqual([true, false, true]);
    expect(progress).toEqual([1, 2, 3]);
    const failed = outcomes[1];
    if (failed?.ok !== false) throw new Error('expected a failure');
    expect(failed.error.code).toBe('INVALID_INPUT');
    expect(failed.error.message).toContain('Slug chỉ gồm chữ thường');
    for (const outcome of outcomes) {
      if (!outcome.ok) continue;
      expect(stories.revisions(outcome.id).map((r) => r.reason)).toEqual(['import']);
    }
    expect(searchStories(db, 'ldld').map((hit) => hit.headline)).toEqual(['LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới']);
  });

  it('rolls an item back whole when any of its writes fails', () => {
    // Make the revision insert of one item fail, after its story row was written.
    db.exec(`CREATE TEMP TRIGGER fail_one_import BEFORE INSERT ON revisions
      WHEN json_extract(NEW.content, '$.headline') = 'Hỏng giữa chừng'
      BEGIN SELECT RAISE(ABORT, 'disk on fire'); END`);
    const items = [content('Bài một'), content('Hỏng giữa chừng'), content('Bài ba')];
    expect(() => importStories(db, items, { author: 'import' })).toThrow(/disk on fire/);
    expect(db.prepare('SELECT headline FROM stories').pluck().all()).toEqual(['Bài một']);
    expect(db.prepare('SELECT count(*) FROM revisions').pluck().get()).toBe(1);
    expect(db.prepare('SELECT count(*) FROM stories_fts').pluck().get()).toBe(1);
  });
});
