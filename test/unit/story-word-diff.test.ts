// The word-level diff of Vietnamese texts: syllables compared with their tone
// marks, runs that read inline and side by side, with real lines from the samples.
import { describe, expect, it } from 'vitest';
import { diffStoryTexts } from '../../core/story/compare';
import { diffTokens, diffWords, nodes, sidesOf, textOf, type DiffRun, type StoryBody } from '../../core/story';
import { sampleLine, sampleLines, SAMPLE_FILES } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const P1 = sampleLine(LDLD, 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng');
const P2 = sampleLine(LDLD, 'Xác định rõ điều đó');
const P3 = sampleLine(LDLD, 'Nhờ đa dạng hoá các hoạt động chăm lo');

/** Runs as a compact string: "=" equal, "-" deleted, "+" inserted. */
const marks = (runs: readonly DiffRun[]): string =>
  runs.map((run) => `${{ equal: '=', delete: '-', insert: '+' }[run.op]}[${run.text}]`).join('');

describe('diffTokens', () => {
  it('cuts a text into syllables, spaces and punctuation, in NFC', () => {
    expect(diffTokens('Chủ tịch LĐLĐ: “Tết sum vầy”, 1.296 CNVCLĐ')).toEqual([
      'Chủ', ' ', 'tịch', ' ', 'LĐLĐ', ':', ' ', '“', 'Tết', ' ', 'sum', ' ', 'vầy', '”', ',', ' ', '1', '.', '296', ' ', 'CNVCLĐ',
    ]);
    expect(diffTokens('hướng'.normalize('NFD'))).toEqual(['hướng']);
  });
});

describe('diffWords', () => {
  const table: Array<[string, string, string, string]> = [
    ['a tone mark changed is a changed word', 'Định hướng phát triển', 'Định hường phát triển', '=[Định ]-[hướng]+[hường]=[ phát triển]'],
    ['a capital and a tone mark: "hướng" is not "Hường"', 'chị hướng dẫn', 'chị Hường dẫn', '=[chị ]-[hướng]+[Hường]=[ dẫn]'],
    ['a syllable without its mark is another syllable', 'công đoàn cơ sở', 'công đoàn cơ so', '=[công đoàn cơ ]-[sở]+[so]'],
    ['a word typed in the middle', 'tổ chức Hội nghị Người lao động', 'tổ chức thành công Hội nghị Người lao động', '=[tổ chức ]+[thành công ]=[Hội nghị Người lao động]'],
    ['a phrase deleted', 'Tết sum vầy - Xuân ơn Đảng', 'Tết sum vầy', '=[Tết sum vầy]-[ - Xuân ơn Đảng]'],
    ['a phrase rewritten reads as one change', 'chương trình Tết sum vầy năm nay', 'chương trình Xuân ơn Đảng năm nay', '=[chương trình ]-[Tết sum vầy]+[Xuân ơn Đảng]=[ năm nay]'],
    ['punctuation changed', 'Phúc Thọ, Ba Vì', 'Phúc Thọ; Ba Vì', '=[Phúc Thọ]-[,]+[;]=[ Ba Vì]'],
    ['a number changed', 'trao quà cho 1.296 CNVCLĐ', 'trao quà cho 1.300 CNVCLĐ', '=[trao quà cho 1.]-[296]+[300]=[ CNVCLĐ]'],
    ['the same text in another Unicode form', P1.normalize('NFD'), P1, `=[${P1}]`],
    ['from nothing', '', 'Tết sum vầy', '+[Tết sum vầy]'],
    ['to nothing', 'Tết sum vầy', '', '-[Tết sum vầy]'],
    ['two empty texts', '', '', ''],
  ];

  it.each(table)('%s', (_case, a, b, expected) => {
    expect(marks(diffWords(a, b))).toBe(expected);
  });

  it.each(SAMPLE_FILES)('spells both texts back, inline and side by side, for edits to %s', (file) => {
    const lines = sampleLines(file).slice(0, 12);
    for (let i = 1; i < lines.length; i++) {
      const a = lines[i - 1] as string;
      const b = `${(lines[i] as string).slice(0, 80)} ${a.split(' ').slice(3, 12).join(' ')}`;
      const runs = diffWords(a, b);
      expect(textOf(runs, 'a')).toBe(a);
      expect(textOf(runs, 'b')).toBe(b);
      const { a: left, b: right } = sidesOf(runs);
      expect(left.map((run) => run.text).join('')).toBe(a);
      expect(right.map((run) => run.text).join('')).toBe(b);
      expect(left.some((run) => run.op === 'insert') || right.some((run) => run.op === 'delete')).toBe(false);
      // No two neighbouring runs of one kind, and each change deletes before it inserts.
      runs.forEach((run, k) => expect(run.op === runs[k - 1]?.op || (run.op === 'delete' && runs[k - 1]?.op === 'insert')).toBe(false));
    }
  });
});

describe('diffStoryTexts', () => {
  const body = (...paragraphs: string[]): StoryBody => nodes.bodyOf(paragraphs.map((text) => nodes.paragraph(nodes.inlineFromText(text))));

  it('shows, paragraph by paragraph, what the desk changed in a submitted story', () => {
    const submitted = { headline: 'LĐLĐ quận Hai Bà Trưng đổi mới', sapo: P1, body: body(P1, P2, P3) };
    const edited = {
      headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới',
      sapo: P1,
      body: body(P1.replace('Theo Chủ tịch', 'Theo bà'), P3, 'Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.'),
    };
    const diff = diffStoryTexts(submitted, edited);
    expect(diff.same).toBe(false);
    expect(marks(diff.headline)).toBe('=[LĐLĐ quận Hai Bà Trưng ]+[tiếp tục ]=[đổi mới]');
    expect(marks(diff.sapo)).toBe(`=[${P1}]`);
    expect(diff.body.map((row) => row.change)).toEqual(['changed', 'removed', 'same', 'added']);
    expect(marks(diff.body[0]!.runs)).toBe(`=[Theo ]-[Chủ tịch]+[bà]=[${P1.slice('Theo Chủ tịch'.length)}]`);
    expect(diff.body[1]!.runs).toEqual([{ op: 'delete', text: P2 }]);
    expect(diff.body[3]!.runs).toEqual([{ op: 'insert', text: 'Phóng viên bổ sung: 1.250 đoàn viên được tặng quà Tết.' }]);
  });

  it('finds nothing between a revision and itself', () => {
    const text = { headline: 'Tết sum vầy', sapo: '', body: body(P1, P2) };
    const diff = diffStoryTexts(text, text);
    expect(diff.same).toBe(true);
    expect(diff.body.every((row) => row.runs.every((run) => run.op === 'equal'))).toBe(true);
    expect(diff.sapo).toEqual([]);
  });
});
