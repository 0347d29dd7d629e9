// What a desk needs around the merge: a base when none was kept (what both
// versions share), and settling a conflict later, on a text the person may
// have edited since. Real lines from the sample articles.
import { describe, expect, it } from 'vitest';
import { asItStands, commonBase, mergeStoryContent, settleConflict, type BlockConflict } from '../../core/merge';
import { inlineText, nodes, sequentialBlockIds, withBlockId, withoutBlockIds, type BlockNode, type StoryBody, type StoryContent } from '../../core/story';
import { sampleLine } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const P1 = sampleLine(LDLD, 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng');
const P2 = sampleLine(LDLD, 'Xác định rõ điều đó');
const P3 = sampleLine(LDLD, 'Nhờ đa dạng hoá các hoạt động chăm lo');
const HEADLINE = sampleLine(LDLD, 'LĐLĐ quận Hai Bà Trưng tiếp tục');

const para = (id: string, text: string): BlockNode => withBlockId(nodes.paragraph(nodes.inlineFromText(text)), id);
const story = (blocks: BlockNode[], fields: Partial<StoryContent> = {}): StoryContent => ({
  headline: HEADLINE,
  sapo: '',
  byline: 'H.Phong',
  section: 'Công đoàn',
  tags: ['công đoàn'],
  slug: '',
  related: [],
  body: nodes.bodyOf(blocks),
  ...fields,
});
const lines = (body: StoryBody): string[] =>
  body.root.children.map((block) => `${block.$?.blockId}: ${'children' in block && block.type !== 'list' ? inlineText(block.children) : block.type}`);

describe('commonBase', () => {
  it('keeps what both versions share, so that each side’s own additions merge and different versions of one block conflict', () => {
    const mine = story([para('p1', P1), para('p2', `${P2} Thêm của tôi.`), para('p3', P3)], { tags: ['công đoàn', 'Tết'] });
    const theirs = story([para('p1', P1), para('p2', `${P2} Thêm của họ.`), para('p4', 'Đoạn biên tập viên thêm.')], {
      headline: `${HEADLINE} (cập nhật)`,
      tags: ['công đoàn'],
    });
    const base = commonBase(mine, theirs);
    expect(lines(base.body)).toEqual([`p1: ${P1}`]);
    expect(base).toMatchObject({ headline: '', byline: 'H.Phong', tags: ['công đoàn'] });
    const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
    // Nothing is lost: p3 and p4 (each on one side only) are kept, p2 waits for a person with both texts.
    expect(lines(merged.body).map((line) => line.slice(0, 3))).toEqual(['p1:', 'p2:', 'p3:', 'p4:']);
    expect(conflicts.map((c) => (c.kind === 'block' ? `${c.blockId} ${c.reason}` : c.field))).toEqual(['headline', 'p2 both-added']);
    expect(merged.tags).toEqual(['công đoàn', 'Tết']);
  });

  it('lines up old stories stored without block ids, as every desk names them on load', () => {
    const old = withoutBlockIds(nodes.bodyOf([nodes.paragraph(nodes.inlineFromText(P1)), nodes.paragraph(nodes.inlineFromText(P2))]));
    const base = commonBase(story([]), { ...story([]), body: old });
    expect(base.body.root.children).toEqual([]);
    expect(lines(commonBase({ ...story([]), body: old }, { ...story([]), body: old }).body)).toEqual([`b1: ${P1}`, `b2: ${P2}`]);
  });
});

describe('settleConflict', () => {
  const base = story([para('p1', P1), para('p2', P2), para('p3', P3)]);
  const MINE_P2 = P2.replace('Xác định rõ điều đó', 'Nhận thức rõ điều đó');
  const mine = story([para('p1', P1), para('p2', MINE_P2), para('p3', P3)]);
  const theirs = story([para('p1', P1), para('p2', P2.replace('Xác định rõ điều đó', 'Hiểu rõ điều đó')), para('p3', P3)]);
  const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
  const conflict = conflicts[0] as BlockConflict;
  // After the merge the person kept typing in the block in conflict.
  const typed = { ...merged, body: nodes.bodyOf([para('p1', P1), para('p2', `${MINE_P2} Câu gõ thêm.`), para('p3', P3)]) };

  it('reads the held side from the text as it stands', () => {
    expect(conflict).toMatchObject({ blockId: 'p2', reason: 'both-edited' });
    const standing = asItStands(typed, conflict) as BlockConflict;
    expect(JSON.stringify(standing.mine)).toContain('Câu gõ thêm.');
    expect(standing.theirs).toEqual(conflict.theirs);
  });

  it('keeps the typing since the merge for "giữ của tôi", replaces it for "giữ của họ", and keeps both for "cả hai"', () => {
    expect(lines(settleConflict(typed, conflict, 'mine', () => 'n').body)[1]).toContain('Câu gõ thêm.');
    expect(lines(settleConflict(typed, conflict, 'theirs', () => 'n').body)[1]).toBe(`p2: ${P2.replace('Xác định rõ điều đó', 'Hiểu rõ điều đó')}`);
    const both = lines(settleConflict(typed, conflict, 'both', sequentialBlockIds('n')).body);
    expect(both.map((line) => line.split(':')[0])).toEqual(['p1', 'p2', 'n1', 'p3']);
    expect(both[1]).toContain('Câu gõ thêm.');
    expect(both[2]).toContain('Hiểu rõ điều đó');
  });

  it('still keeps their block when the held one was deleted meanwhile, at the end of the story', () => {
    const deleted = { ...merged, body: nodes.bodyOf([para('p1', P1), para('p3', P3)]) };
    expect(lines(settleConflict(deleted, conflict, 'mine', () => 'n').body)).toEqual([`p1: ${P1}`, `p3: ${P3}`]);
    expect(lines(settleConflict(deleted, conflict, 'theirs', () => 'n').body).at(-1)).toContain('Hiểu rõ điều đó');
  });

  it('reads a field in conflict from the text as it stands', () => {
    const fields = mergeStoryContent(story([], { sapo: 'Sapo gốc.' }), story([], { sapo: 'Sapo của tôi.' }), story([], { sapo: 'Sapo của họ.' }));
    const sapo = fields.conflicts[0];
    if (sapo === undefined) throw new Error('no conflict');
    const later = { ...fields.merged, sapo: 'Sapo của tôi, sửa thêm.' };
    expect(settleConflict(later, sapo, 'mine', () => 'n').sapo).toBe('Sapo của tôi, sửa thêm.');
    expect(settleConflict(later, sapo, 'theirs', () => 'n').sapo).toBe('Sapo của họ.');
    expect(settleConflict(later, sapo, 'both', () => 'n').sapo).toBe('Sapo của tôi, sửa thêm. Sapo của họ.');
  });
});
