// Which of the server's versions a desk's history shows (core/sync/newsroom-history.ts):
// its own saves come back once, a run of one author's saves folds into its newest,
// and every other reason stands alone.
import { describe, expect, it } from 'vitest';
import { nodes, type RevisionReason, type StoryContent } from '../../core/story';
import {
  isServerRevisionId,
  newsroomVersions,
  parseServerRevisionId,
  serverRevisionId,
  type ServerRevision,
} from '../../core/sync';

const STORY = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const T0 = Date.parse('2025-03-10T08:00:00.000Z');
const MINUTE = 60_000;

const content = (sapo: string): StoryContent => ({
  headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động',
  sapo,
  byline: 'H.Phong',
  section: 'Công đoàn',
  tags: [],
  slug: '',
  related: [],
  body: nodes.bodyOf([nodes.paragraph(nodes.inlineFromText(sapo))]),
});

const version = (rev: number, author: string, minutes: number, reason: RevisionReason | null = 'save'): ServerRevision => ({
  rev,
  author,
  createdAt: new Date(T0 + minutes * MINUTE).toISOString(),
  reason,
  content: content(`Bản ${rev} của ${author}`),
});

const same = (a: StoryContent, b: StoryContent) => JSON.stringify(a) === JSON.stringify(b);
const revs = (shown: ServerRevision[]) => shown.map((v) => v.rev);

describe('newsroomVersions', () => {
  it.each([
    ['a lone version', [version(1, 'hphong', 0)], [1]],
    ['one author typing for five minutes: the newest of the run', [version(1, 'hphong', 0), version(2, 'hphong', 2), version(3, 'hphong', 5)], [3]],
    ['a run longer than ten minutes starts again', [version(1, 'hphong', 0), version(2, 'hphong', 9), version(3, 'hphong', 11)], [3, 2]],
    ['another author ends the run', [version(1, 'hphong', 0), version(2, 'bientap.lan', 1), version(3, 'hphong', 2)], [3, 2, 1]],
    [
      'a submit stands alone and ends the run',
      [version(1, 'hphong', 0), version(2, 'hphong', 1, 'submit'), version(3, 'hphong', 2), version(4, 'hphong', 3)],
      [4, 2, 1],
    ],
    ['an approve and a publish stand alone', [version(1, 'bientap.lan', 0, 'approve'), version(2, 'bientap.lan', 1, 'publish')], [2, 1]],
    ['answers in any order come out newest first', [version(3, 'bientap.lan', 30), version(1, 'hphong', 0)], [3, 1]],
  ])('%s', (_what, server, shown) => {
    expect(revs(newsroomVersions(server, [], same))).toEqual(shown);
  });

  it('shows a version this desk also holds once, as the desk’s own', () => {
    const mine = version(1, 'hphong', 0);
    const theirs = version(2, 'bientap.lan', 20);
    const here = (author: string, reason: RevisionReason) => [{ author, reason, content: mine.content }];
    expect(revs(newsroomVersions([mine, theirs], here('hphong', 'save'), same))).toEqual([2]);
    // The server calls every pushed text a save: the desk's sealed autosave or restore of that text is the same version.
    expect(revs(newsroomVersions([mine, theirs], here('hphong', 'autosave'), same))).toEqual([2]);
    expect(revs(newsroomVersions([mine, theirs], here('hphong', 'restore'), same))).toEqual([2]);
    // The same text by someone else is their version, not this desk's.
    expect(revs(newsroomVersions([mine, theirs], here('bientap.lan', 'save'), same))).toEqual([2, 1]);
    // Submitting the saved text is a version of its own.
    const submitted = { ...version(3, 'hphong', 30, 'submit'), content: mine.content };
    expect(revs(newsroomVersions([mine, submitted], here('hphong', 'save'), same))).toEqual([3]);
  });
});

describe('server revision ids', () => {
  it('name the story and the revision, and nothing else parses as one', () => {
    const id = serverRevisionId(STORY.toUpperCase(), 12);
    expect(id).toBe(`server:${STORY}:12`);
    expect(parseServerRevisionId(id)).toEqual({ storyId: STORY, rev: 12 });
    for (const other of [STORY, `server:${STORY}:0`, `server:${STORY}:`, `server:bài-1:3`, `server:${STORY}:3:4`]) {
      expect(isServerRevisionId(other)).toBe(false);
      expect(parseServerRevisionId(other)).toBeNull();
    }
  });
});
