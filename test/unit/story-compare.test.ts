// The side-by-side comparison of two texts of a story (a sync conflict):
// paragraphs aligned by their longest common subsequence, with real lines from
// the sample articles.
import { describe, expect, it } from 'vitest';
import { nodes } from '../../core/story';
import { compareParagraphs, compareStoryTexts, paragraphsOfBody, type ParagraphPair } from '../../core/story/compare';
import { sampleArticle } from '../fixtures/story-sample-blocks';
import { sampleLine } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const CUM = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';

const P1 = sampleLine(CUM, 'Dự buổi khảo sát');
const P2 = sampleLine(CUM, 'Báo cáo tại buổi khảo sát');
const P3 = sampleLine(LDLD, 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng');
const P4 = sampleLine(LDLD, 'Xác định rõ điều đó');
const P5 = sampleLine(LDLD, 'Nhờ đa dạng hoá các hoạt động chăm lo');
const P2_EDITED = `${P2} Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.`;
const P3_EDITED = P3.replace('Theo Chủ tịch', 'Trao đổi với phóng viên, Chủ tịch');
const P5_EDITED = P5.replace('Nhờ đa dạng hoá', 'Nhờ không ngừng đa dạng hoá');

/** A compact view of rows: "=" same, "~" changed, "+" added (only in b), "-" removed (only in a). */
const MARK: Record<ParagraphPair['change'], string> = { same: '=', changed: '~', added: '+', removed: '-' };
const shape = (rows: ParagraphPair[]) => rows.map((row) => MARK[row.change]).join('');

describe('compareParagraphs', () => {
  const table: Array<[string, string[], string[], string]> = [
    ['the same text', [P1, P2, P3], [P1, P2, P3], '==='],
    ['one paragraph edited in the middle', [P1, P2, P3], [P1, P2_EDITED, P3], '=~='],
    ['a paragraph added at the end', [P1, P2], [P1, P2, P3], '==+'],
    ['a paragraph added at the start', [P2, P3], [P1, P2, P3], '+=='],
    ['a paragraph removed from the middle', [P1, P2, P3], [P1, P3], '=-='],
    ['two paragraphs swapped', [P1, P2, P3], [P1, P3, P2], '=-=+'],
    ['an edit, then a new paragraph', [P1, P2, P4], [P1, P2_EDITED, P5, P4], '=~+='],
    ['a new paragraph, then an edit', [P1, P2, P4], [P1, P5, P2_EDITED, P4], '=+~='],
    ['edits far apart', [P1, P2, P3, P4, P5], [P1, P2_EDITED, P3, P4, P5_EDITED], '=~==~'],
    ['one paragraph replaced by another', [P1, P3, P4], [P1, P5, P4], '=-+='],
    ['everything rewritten', [P1, P3], [P3_EDITED, P4, P5], '-~++'],
    ['a text written from nothing', [], [P1, P2], '++'],
    ['a text emptied', [P1, P2], [], '--'],
    ['two empty texts', [], [], ''],
    ['repeated paragraphs', [P1, P1, P2], [P1, P2, P2], '=-+='],
  ];

  it.each(table)('%s', (_case, a, b, expected) => {
    const rows = compareParagraphs(a, b);
    expect(shape(rows)).toBe(expected);
    // Neither text loses a paragraph or its order.
    expect(rows.flatMap((row) => (row.a === null ? [] : [row.a]))).toEqual(a);
    expect(rows.flatMap((row) => (row.b === null ? [] : [row.b]))).toEqual(b);
  });

  it('pairs the edited paragraph with its original', () => {
    expect(compareParagraphs([P1, P2, P3], [P1, P2_EDITED, P3])[1]).toEqual({ change: 'changed', a: P2, b: P2_EDITED });
  });

  it('counts a paragraph as the same when only its Unicode form or spacing differ', () => {
    const decomposed = P1.normalize('NFD');
    expect(decomposed).not.toBe(P1);
    const rows = compareParagraphs([P1, P2], [decomposed, `  ${P2.replaceAll(' ', '  ')} `]);
    expect(shape(rows)).toBe('==');
    // Each side keeps its own text as written.
    expect(rows[0]?.b).toBe(decomposed);
  });

  it('still aligns every paragraph of two long rewritten texts', () => {
    const article = sampleArticle(LDLD).readLines;
    const a = Array.from({ length: 40 }, (_, k) => `${article[k % article.length]} (${k})`);
    const b = a.map((line, k) => (k % 3 === 0 ? `${line} Đã sửa.` : line));
    const rows = compareParagraphs(a, b);
    expect(rows.filter((row) => row.change === 'changed')).toHaveLength(14);
    expect(rows.filter((row) => row.change === 'same')).toHaveLength(26);
  });

  it('keeps every paragraph of texts too long for the table, pairing edited ones by their words', () => {
    const article = sampleArticle(LDLD).readLines;
    const a = Array.from({ length: 2_500 }, (_, k) => `${article[k % article.length]} (${k})`);
    const b = [P1, ...a.map((line) => `${line} Đã sửa.`)];
    const rows = compareParagraphs(a, b);
    expect(shape(rows.slice(0, 3))).toBe('+~~');
    expect(rows.filter((row) => row.change === 'changed')).toHaveLength(2_500);
    expect(rows.flatMap((row) => (row.b === null ? [] : [row.b]))).toEqual(b);
  });
});

describe('compareStoryTexts', () => {
  const article = sampleArticle(CUM);
  const body = (...paragraphs: string[]) => nodes.bodyOf(paragraphs.map((text) => nodes.paragraph(nodes.inlineFromText(text))));
  const base = { headline: article.headline, sapo: article.sapo, body: body(P1, P2) };

  it('finds two copies of a story the same', () => {
    const compared = compareStoryTexts(base, structuredClone(base));
    expect(compared.same).toBe(true);
    expect(compared.headline).toEqual({ a: article.headline, b: article.headline, same: true });
  });

  it('compares headline, sapo and body paragraphs, captions and list items included', () => {
    const caption = 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy phát biểu tại buổi khảo sát.';
    const theirs = {
      headline: `${article.headline} (cập nhật)`,
      sapo: article.sapo,
      body: nodes.bodyOf([
        nodes.paragraph(nodes.inlineFromText(P1)),
        nodes.figure({ caption }),
        nodes.paragraph(nodes.inlineFromText(P2_EDITED)),
        nodes.list('bullet', [nodes.inlineFromText('Thăm hỏi đoàn viên ốm đau'), nodes.inlineFromText('Tặng quà Tết')]),
      ]),
    };
    const compared = compareStoryTexts(base, theirs);
    expect(compared.same).toBe(false);
    expect(compared.headline.same).toBe(false);
    expect(compared.sapo.same).toBe(true);
    expect(compared.body).toEqual([
      { change: 'same', a: P1, b: P1 },
      { change: 'added', a: null, b: caption },
      { change: 'changed', a: P2, b: P2_EDITED },
      { change: 'added', a: null, b: 'Thăm hỏi đoàn viên ốm đau\nTặng quà Tết' },
    ]);
  });

  it('reads the body paragraphs as plain text, skipping empty ones', () => {
    const withBlank = nodes.bodyOf([nodes.paragraph(nodes.inlineFromText(P1)), nodes.paragraph([]), nodes.paragraph(nodes.inlineFromText(P2))]);
    expect(paragraphsOfBody(withBlank)).toEqual([P1, P2]);
  });
});
