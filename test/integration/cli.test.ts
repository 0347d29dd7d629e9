import { existsSync, truncateSync, writeFileSync } from 'node:fs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli-run';
import { makeTempDir, type TempDir } from '../helpers/db-temp';

const SAMPLES = new URL('../../../shared/samples/articles/', import.meta.url).pathname;
const LDLD = `${SAMPLES}ldld-hai-ba-trung-doi-moi.txt`;
const CUM = `${SAMPLES}cum-thi-dua-so-4-cham-lo-doan-vien.txt`;

let tmp: TempDir;
let db: string;
beforeEach(() => {
  tmp = makeTempDir('newsdesk-cli-');
  db = tmp.file('store.db');
});
afterEach(() => tmp.remove());

describe('newsdesk import --dry-run --json', () => {
  it('prints exactly the documented shape and writes nothing', async () => {
    const run = await runCli(['import', LDLD, '--dry-run', '--json', '--db', db]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const article = JSON.parse(run.stdout);
    expect(Object.keys(article)).toEqual(['headline', 'sapo', 'related', 'byline', 'blocks', 'teasers', 'warnings']);
    expect(article.headline).toBe('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động');
    expect(article.byline).toBe('H.Phong');
    expect(article.related).toHaveLength(1);
    const kinds = (type: string) => article.blocks.filter((b: { type: string }) => b.type === type);
    expect(kinds('heading').map((b: { text: string }) => b.text)).toEqual([
      'Đa dạng hoá các hoạt động chăm lo',
      'Phát động thi đua gắn với 3 khâu đột phá',
    ]);
    expect(kinds('figure')).toHaveLength(4);
    expect(kinds('paragraph')).toHaveLength(15);
    for (const block of article.blocks) {
      expect(Object.keys(block).sort()).toEqual(block.type === 'figure' ? ['caption', 'type'] : ['text', 'type']);
    }
    expect(article.teasers.filter((t: { box: string }) => t.box === 'Nên xem')).toHaveLength(7);
    expect(article.teasers.filter((t: { box: string }) => t.box === 'Tin khác')).toHaveLength(10);
    expect(Object.keys(article.teasers[0])).toEqual(['box', 'headline', 'sapo']);
    expect(article.warnings).toEqual([]);
    expect(existsSync(db)).toBe(false);
  });

  it.each([
    ['a missing file', () => tmp.file('missing.txt'), /không đọc được tệp/],
    ['a PNG renamed .txt', () => writeTemp('anh.txt', Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex')), /nhị phân|ảnh|binary/i],
    ['an empty file', () => writeTemp('rong.txt', Buffer.alloc(0)), /rỗng|trống/i],
    ['an unsupported format', () => writeTemp('bai.pdf', Buffer.from('%PDF-1.4')), /không được hỗ trợ/],
    ['a text of one line', () => writeTemp('mot-dong.txt', Buffer.from('Chỉ có một dòng tít\n')), /một dòng/],
    ['a file over 20 MB, before reading it', () => sparseFile('lon.txt', 21 * 1024 * 1024), /quá lớn/],
  ])('refuses %s on stderr with exit code 2', async (_name, makeFile, message) => {
    const run = await runCli(['import', makeFile(), '--dry-run', '--json', '--db', db]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(message);
    expect(existsSync(db)).toBe(false);
  });
});

function sparseFile(name: string, size: number): string {
  const file = writeTemp(name, Buffer.alloc(0));
  truncateSync(file, size);
  return file;
}

function writeTemp(name: string, bytes: Buffer): string {
  const file = tmp.file(name);
  writeFileSync(file, bytes);
  return file;
}

describe('newsdesk on a store', () => {
  it('imports, searches, shows, exports and counts', async () => {
    const imported = await runCli(['import', LDLD, CUM, '--json', '--db', db]);
    expect(imported.code).toBe(0);
    const results = JSON.parse(imported.stdout) as Array<{ storyId: string }>;
    expect(results).toHaveLength(2);
    const [ldldId, cumId] = results.map((r) => r.storyId);

    const search = await runCli(['search', 'hai ba trung', '--json', '--db', db]);
    const hits = JSON.parse(search.stdout) as Array<{ id: string; headline: string; snippet: string }>;
    expect(hits[0]?.id).toBe(ldldId);
    expect(Object.keys(hits[0] ?? {})).toEqual(['id', 'headline', 'snippet']);
    expect(hits[0]?.snippet).toContain('<mark>');

    const other = JSON.parse((await runCli(['search', 'cum thi dua', '--json', '--db', db])).stdout);
    expect(other[0].id).toBe(cumId);

    const shown = await runCli(['show', ldldId!, '--db', db]);
    expect(shown.stdout).toContain('H.Phong');

    const html = await runCli(['export', ldldId!, '--format', 'html', '--db', db]);
    expect(html.stdout).toContain('<h2>Đa dạng hoá các hoạt động chăm lo</h2>');
    expect(html.stdout.match(/<figure/g)).toHaveLength(4);
    const txt = await runCli(['export', cumId!, '--format', 'txt', '--db', db]);
    expect(txt.stdout.trim().endsWith('Mạnh Quân')).toBe(true);
    const json = JSON.parse((await runCli(['export', cumId!, '--format', 'json', '--db', db])).stdout);
    expect(json.id).toBe(cumId);

    const stats = JSON.parse((await runCli(['stats', '--json', '--db', db])).stdout);
    expect(stats).toMatchObject({ stories: 2, revisions: 2, trashed: 0 });

    const badFormat = await runCli(['export', cumId!, '--format', 'pdf', '--db', db]);
    expect(badFormat.code).toBe(2);
    expect(badFormat.stderr).toMatch(/json, html hoặc txt/);
    const unknown = await runCli(['show', '01a205fd-1cfe-743a-a460-1ab9411b1f1e', '--db', db]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/Không có bài nào/);
    // Nine CLI processes, each starting Node and tsx: on two busy cores that alone can take half a minute.
  }, 120_000);

  it('turns teasers into archived stories once, and links the related line to stories it knows', async () => {
    const first = JSON.parse((await runCli(['import', LDLD, '--with-teasers', '--json', '--db', db])).stdout);
    expect(first[0].teaserIds).toHaveLength(17);
    // Importing again must not duplicate the teasers already there.
    const again = JSON.parse((await runCli(['import', LDLD, '--with-teasers', '--json', '--db', db])).stdout);
    expect(again[0].teaserIds).toHaveLength(0);

    // A store that knows one of the related titles splits the line and links that title.
    const relatedTitle = 'Đoàn viên công đoàn tích cực hưởng ứng các phong trào thi đua năm 2025';
    const known = writeTemp('known.txt', Buffer.from(`${relatedTitle}\n\nMột bài ngắn về phong trào thi đua của đoàn viên.\n\nThân bài.\n\nH.Phong\n`));
    const knownId = JSON.parse((await runCli(['import', known, '--json', '--db', db])).stdout)[0].storyId;
    const linked = JSON.parse((await runCli(['import', LDLD, '--json', '--db', db])).stdout)[0].storyId;
    const story = JSON.parse((await runCli(['export', linked, '--format', 'json', '--db', db])).stdout);
    expect(story.related[0]).toBe(relatedTitle);
    expect(story.related.length).toBeGreaterThan(1);
    const block = story.body.root.children[0];
    expect(block.type).toBe('related-stories');
    expect(block.stories[0]).toEqual({ id: knownId, title: relatedTitle });
  });
});
