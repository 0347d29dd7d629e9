// The three-way merge of stories, case by case, with real lines from the sample
// articles: what merges by itself, what becomes a conflict, and how a conflict
// is settled. The properties that hold for every merge are in merge-properties.
import { describe, expect, it } from 'vitest';
import { mergeBodies, mergeSet, mergeStoryContent, mergeText, resolveConflict, type BlockConflict, type MergeConflict } from '../../core/merge';
import {
  identifiedStoryBody,
  inlineText,
  nodes,
  sequentialBlockIds,
  TEXT_FORMAT,
  withBlockId,
  withBlockIds,
  withoutBlockIds,
  type BlockNode,
  type StoryBody,
  type StoryContent,
} from '../../core/story';
import { sampleLine } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const CUM = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';
const P1 = sampleLine(LDLD, 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng');
const P2 = sampleLine(LDLD, 'Xác định rõ điều đó');
const P3 = sampleLine(LDLD, 'Nhờ đa dạng hoá các hoạt động chăm lo');
const P4 = sampleLine(CUM, 'Dự buổi khảo sát');
const HEADLINE = sampleLine(LDLD, 'LĐLĐ quận Hai Bà Trưng tiếp tục');

const para = (id: string, text: string): BlockNode => withBlockId(nodes.paragraph(nodes.inlineFromText(text)), id);
const bodyOf = (...blocks: BlockNode[]): StoryBody => nodes.bodyOf(blocks);
const BASE = bodyOf(para('p1', P1), para('p2', P2), para('p3', P3));

/** The body as "id: text" lines, for reading a result at a glance. */
function lines(body: StoryBody): string[] {
  return body.root.children.map((block) => `${block.$?.blockId}: ${'children' in block && block.type !== 'list' ? inlineText(block.children) : block.type}`);
}

function withBlock(body: StoryBody, id: string, replace: (block: BlockNode) => BlockNode | null): StoryBody {
  const children = body.root.children.flatMap((block) => {
    if (block.$?.blockId !== id) return [block];
    const next = replace(block);
    return next === null ? [] : [next];
  });
  return { root: { ...body.root, children } };
}

const edit = (body: StoryBody, id: string, from: string, to: string): StoryBody =>
  withBlock(body, id, (block) => {
    if (block.type !== 'paragraph') throw new Error('not a paragraph');
    const text = inlineText(block.children);
    if (!text.includes(from)) throw new Error(`"${from}" is not in ${id}`);
    return { ...block, children: nodes.inlineFromText(text.replace(from, to)) };
  });
const remove = (body: StoryBody, id: string): StoryBody => withBlock(body, id, () => null);
const append = (body: StoryBody, ...blocks: BlockNode[]): StoryBody => ({ root: { ...body.root, children: [...body.root.children, ...blocks] } });
const conflictsOf = (conflicts: readonly MergeConflict[]): string[] =>
  conflicts.map((c) => (c.kind === 'block' ? `${c.blockId} ${c.reason}` : `${c.field}`));

describe('mergeBodies', () => {
  const table: Array<[string, StoryBody, StoryBody, string[], string[]]> = [
    [
      'different paragraphs edited',
      edit(BASE, 'p1', 'Theo Chủ tịch', 'Trao đổi với phóng viên, Chủ tịch'),
      edit(BASE, 'p3', 'Nhờ đa dạng hoá', 'Nhờ không ngừng đa dạng hoá'),
      [`p1: ${P1.replace('Theo Chủ tịch', 'Trao đổi với phóng viên, Chủ tịch')}`, `p2: ${P2}`, `p3: ${P3.replace('Nhờ đa dạng hoá', 'Nhờ không ngừng đa dạng hoá')}`],
      [],
    ],
    [
      'one paragraph, different words',
      edit(BASE, 'p2', 'luôn tập trung', 'luôn luôn tập trung'),
      edit(BASE, 'p2', 'người lao động', 'công nhân lao động'),
      [`p1: ${P1}`, `p2: ${P2.replace('luôn tập trung', 'luôn luôn tập trung').replace('người lao động', 'công nhân lao động')}`, `p3: ${P3}`],
      [],
    ],
    [
      'one paragraph, the same words changed differently: a conflict, and mine is shown',
      edit(BASE, 'p2', 'luôn tập trung', 'đã tập trung'),
      edit(BASE, 'p2', 'luôn tập trung', 'sẽ tập trung'),
      [`p1: ${P1}`, `p2: ${P2.replace('luôn tập trung', 'đã tập trung')}`, `p3: ${P3}`],
      ['p2 both-edited'],
    ],
    ['the same edit on both sides', edit(BASE, 'p1', 'Theo', 'Theo lời'), edit(BASE, 'p1', 'Theo', 'Theo lời'), [`p1: ${P1.replace('Theo', 'Theo lời')}`, `p2: ${P2}`, `p3: ${P3}`], []],
    ['a paragraph deleted on one side, untouched on the other', remove(BASE, 'p2'), BASE, [`p1: ${P1}`, `p3: ${P3}`], []],
    [
      'a paragraph deleted on one side and edited on the other: the edit stays, as a conflict',
      remove(BASE, 'p2'),
      edit(BASE, 'p2', 'Xác định rõ', 'Nhận thức rõ'),
      [`p1: ${P1}`, `p2: ${P2.replace('Xác định rõ', 'Nhận thức rõ')}`, `p3: ${P3}`],
      ['p2 mine-deleted'],
    ],
    [
      'paragraphs added at the same place: mine first, then theirs',
      append(BASE, para('m1', P4)),
      append(BASE, para('t1', HEADLINE)),
      [`p1: ${P1}`, `p2: ${P2}`, `p3: ${P3}`, `m1: ${P4}`, `t1: ${HEADLINE}`],
      [],
    ],
    [
      'a paragraph moved on one side and edited on the other',
      bodyOf(para('p3', P3), para('p1', P1), para('p2', P2)),
      edit(BASE, 'p3', 'Nhờ', 'Chính nhờ'),
      [`p3: ${P3.replace('Nhờ', 'Chính nhờ')}`, `p1: ${P1}`, `p2: ${P2}`],
      [],
    ],
  ];

  it.each(table)('%s', (_case, mine, theirs, expected, conflicts) => {
    const { merged, conflicts: found } = mergeBodies(BASE, mine, theirs);
    expect(lines(merged)).toEqual(expected);
    expect(conflictsOf(found)).toEqual(conflicts);
    expect(identifiedStoryBody.safeParse(merged).success).toBe(true);
  });

  it('puts a paragraph both sides moved, to different places, where mine put it, as a conflict', () => {
    const base = append(BASE, para('p4', P4));
    const mine = bodyOf(para('p4', P4), para('p1', P1), para('p2', P2), para('p3', P3));
    const theirs = bodyOf(para('p1', P1), para('p4', P4), para('p2', P2), para('p3', P3));
    const { merged, conflicts } = mergeBodies(base, mine, theirs);
    expect(lines(merged)).toEqual(lines(mine));
    expect(conflicts).toEqual([{ kind: 'block', blockId: 'p4', parentId: null, reason: 'both-moved', theirsAfter: 'p1', base: para('p4', P4), mine: para('p4', P4), theirs: para('p4', P4) }]);
    const swapped = mergeBodies(base, theirs, mine);
    expect(lines(swapped.merged)).toEqual(lines(theirs));
    expect(conflictsOf(swapped.conflicts)).toEqual(['p4 both-moved']);
  });

  it('keeps formatting ranges with their words while the other side edits elsewhere', () => {
    const { bold, italic } = TEXT_FORMAT;
    const formatted = withBlockId(
      nodes.paragraph([
        nodes.textRun('Theo Chủ tịch LĐLĐ quận '),
        nodes.textRun('Hai Bà Trưng', bold),
        nodes.textRun(' Nguyễn Thị Kim Dung, '),
        nodes.link('https://laodongthudo.vn/cong-doan.html', [nodes.textRun('nâng cao đời sống tinh thần', italic)]),
        nodes.textRun(' cho đoàn viên'),
      ]),
      'p1',
    );
    const base = bodyOf(para('p1', 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên'));
    const theirs = edit(base, 'p1', 'cho đoàn viên', 'cho đoàn viên, CNVCLĐ');
    const { merged, conflicts } = mergeBodies(base, bodyOf(formatted), theirs);
    expect(conflicts).toEqual([]);
    const block = merged.root.children[0];
    expect(block?.type === 'paragraph' && block.children).toEqual([
      nodes.textRun('Theo Chủ tịch LĐLĐ quận '),
      nodes.textRun('Hai Bà Trưng', bold),
      nodes.textRun(' Nguyễn Thị Kim Dung, '),
      nodes.link('https://laodongthudo.vn/cong-doan.html', [nodes.textRun('nâng cao đời sống tinh thần', italic)]),
      nodes.textRun(' cho đoàn viên, CNVCLĐ'),
    ]);
  });

  it('a paragraph turned into a heading on one side keeps the words the other side typed', () => {
    const base = bodyOf(para('h', 'Phát động thi đua gắn với 3 khâu đột phá'));
    const mine = withBlock(base, 'h', (block) => withBlockId(nodes.heading('h2', block.type === 'paragraph' ? block.children : []), 'h'));
    const theirs = edit(base, 'h', '3 khâu', 'ba khâu');
    const { merged, conflicts } = mergeBodies(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.root.children).toEqual([withBlockId(nodes.heading('h2', [nodes.textRun('Phát động thi đua gắn với ba khâu đột phá')]), 'h')]);
  });

  it('merges list items by id and numbers them as the editor does', () => {
    const item = (text: string) => [nodes.textRun(text)];
    const list = (...items: Array<[string, string]>) =>
      withBlockId({ ...nodes.list('number', items.map(([, text]) => item(text))), children: nodes.list('number', items.map(([, text]) => item(text))).children.map((li, i) => withBlockId(li, items[i]![0])) }, 'l');
    const base = bodyOf(list(['i1', 'Đẩy mạnh đối thoại'], ['i2', 'Tập trung phát triển đoàn viên']));
    const mine = bodyOf(list(['i0', 'Chăm lo Tết'], ['i1', 'Đẩy mạnh đối thoại, thương lượng tập thể'], ['i2', 'Tập trung phát triển đoàn viên']));
    const theirs = bodyOf(list(['i1', 'Đẩy mạnh đối thoại'], ['i2', 'Tập trung phát triển đoàn viên, thành lập Công đoàn cơ sở'], ['i3', 'Thi đua']));
    const { merged, conflicts } = mergeBodies(base, mine, theirs);
    expect(conflicts).toEqual([]);
    const merged0 = merged.root.children[0];
    if (merged0?.type !== 'list') throw new Error('no list');
    expect(merged0.children.map((li) => [li.$?.blockId, li.value, inlineText(li.children)])).toEqual([
      ['i0', 1, 'Chăm lo Tết'],
      ['i1', 2, 'Đẩy mạnh đối thoại, thương lượng tập thể'],
      ['i2', 3, 'Tập trung phát triển đoàn viên, thành lập Công đoàn cơ sở'],
      ['i3', 4, 'Thi đua'],
    ]);
  });

  it('merges a figure field by field', () => {
    const base = bodyOf(withBlockId(nodes.figure({ caption: 'Nhiều sân chơi bổ ích dành cho người lao động.', credit: 'Ảnh: H.Phong' }), 'f'));
    const mine = withBlock(base, 'f', (f) => ({ ...f, caption: 'Nhiều sân chơi bổ ích dành cho đoàn viên, người lao động.' }) as BlockNode);
    const theirs = withBlock(base, 'f', (f) => ({ ...f, credit: 'Ảnh: Mạnh Quân', src: `media:${'9c'.repeat(32)}` }) as BlockNode);
    const { merged, conflicts } = mergeBodies(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged.root.children[0]).toMatchObject({ caption: 'Nhiều sân chơi bổ ích dành cho đoàn viên, người lao động.', credit: 'Ảnh: Mạnh Quân', src: `media:${'9c'.repeat(32)}` });
  });

  it('lines up a base stored before block ids with copies that got ids on load', () => {
    const legacy = withoutBlockIds(BASE);
    const loaded = withBlockIds(legacy, sequentialBlockIds());
    const mine = edit(loaded, 'b1', 'Theo', 'Theo lời');
    const theirs = append(edit(loaded, 'b3', 'Nhờ', 'Chính nhờ'), para('Xy7Qk2LmNp', P4));
    const { merged, conflicts } = mergeBodies(legacy, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(lines(merged)).toEqual([`b1: ${P1.replace('Theo', 'Theo lời')}`, `b2: ${P2}`, `b3: ${P3.replace('Nhờ', 'Chính nhờ')}`, `Xy7Qk2LmNp: ${P4}`]);
  });
});

describe('mergeText', () => {
  const table: Array<[string, string, string, string, string | null]> = [
    ['edits to different words', HEADLINE, HEADLINE.replace('tiếp tục', 'không ngừng'), HEADLINE.replace('người lao động', 'đoàn viên'), 'LĐLĐ quận Hai Bà Trưng không ngừng đổi mới, hoạt động hiệu quả vì đoàn viên'],
    ['one side only', HEADLINE, HEADLINE, `${HEADLINE}!`, `${HEADLINE}!`],
    ['a tone mark on one side, a letter on the other, in different words', 'Định hướng cho người lao động', 'Định hường cho người lao động', 'Định hướng cho người lao động Thủ đô', 'Định hường cho người lao động Thủ đô'],
    ['both change one word, and neither word would survive a character merge', 'định hướng', 'định hường', 'định hướngg', null],
    ['both change one word differently', 'Tết sum vầy', 'Tết đoàn viên', 'Tết yêu thương', null],
    ['characters of one word edited apart, every typed word kept', 'CNVCLĐ', 'CNVCLĐ.', 'CNVC-LĐ', 'CNVC-LĐ.'],
    ['both append at the end', 'Tết sum vầy', 'Tết sum vầy 2025', 'Tết sum vầy - Xuân ơn Đảng', null],
  ];
  it.each(table)('%s', (_case, base, mine, theirs, expected) => {
    expect(mergeText(base, mine, theirs)).toBe(expected);
  });
});

describe('mergeSet', () => {
  it('takes adds and removes from both sides', () => {
    expect(mergeSet(['công đoàn', 'Hai Bà Trưng', 'Tết'], ['công đoàn', 'Tết', 'thi đua'], ['công đoàn', 'Hai Bà Trưng', 'đoàn viên'])).toEqual([
      'công đoàn',
      'thi đua',
      'đoàn viên',
    ]);
  });
});

describe('mergeStoryContent', () => {
  const base: StoryContent = {
    headline: HEADLINE,
    sapo: P1,
    byline: 'H.Phong',
    section: 'Công đoàn',
    tags: ['công đoàn', 'Hai Bà Trưng'],
    slug: 'ldld-hai-ba-trung',
    related: [],
    body: BASE,
  };

  it('merges the headline on one side with the body on the other', () => {
    const mine = { ...base, headline: HEADLINE.replace('tiếp tục', 'không ngừng') };
    const theirs = { ...base, body: edit(BASE, 'p2', 'Xác định rõ', 'Nhận thức rõ'), tags: [...base.tags, 'thi đua'] };
    const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
    expect(conflicts).toEqual([]);
    expect(merged).toEqual({ ...base, headline: mine.headline, body: theirs.body, tags: ['công đoàn', 'Hai Bà Trưng', 'thi đua'] });
  });

  it('makes a conflict of a section or slug both sides renamed, and keeps mine until settled', () => {
    const mine = { ...base, section: 'Thời sự', slug: 'ldld-hai-ba-trung-doi-moi' };
    const theirs = { ...base, section: 'Xã hội', slug: 'ldld-hai-ba-trung-2025' };
    const { merged, conflicts } = mergeStoryContent(base, mine, theirs);
    expect(conflictsOf(conflicts)).toEqual(['section', 'slug']);
    expect([merged.section, merged.slug]).toEqual(['Thời sự', 'ldld-hai-ba-trung-doi-moi']);
    expect(resolveConflict(merged, conflicts[0]!, 'theirs', () => 'x').section).toBe('Xã hội');
  });

  it('refuses a character merge that would break the schema (a headline over 500 characters)', () => {
    const long = 'Công đoàn '.repeat(24);
    const mine = { ...base, headline: `${long}${HEADLINE}` };
    const theirs = { ...base, headline: `${HEADLINE}${long}` };
    expect(conflictsOf(mergeStoryContent(base, mine, theirs).conflicts)).toEqual(['headline']);
  });
});

describe('resolveConflict', () => {
  const story = (body: StoryBody): StoryContent => ({ headline: HEADLINE, sapo: '', byline: '', section: '', tags: [], slug: '', related: [], body });
  const mine = edit(BASE, 'p2', 'luôn tập trung', 'đã tập trung');
  const theirs = edit(BASE, 'p2', 'luôn tập trung', 'sẽ tập trung');
  const result = mergeStoryContent(story(BASE), story(mine), story(theirs));
  const conflict = result.conflicts[0] as BlockConflict;

  it('keeps mine, theirs, or both (theirs after mine, with a new id)', () => {
    expect(lines(resolveConflict(result.merged, conflict, 'mine', () => 'new').body)).toEqual(lines(mine));
    expect(lines(resolveConflict(result.merged, conflict, 'theirs', () => 'new').body)).toEqual(lines(theirs));
    const both = resolveConflict(result.merged, conflict, 'both', sequentialBlockIds('n')).body;
    expect(lines(both)).toEqual([`p1: ${P1}`, lines(mine)[1], lines(theirs)[1]!.replace('p2:', 'n1:'), `p3: ${P3}`]);
    expect(identifiedStoryBody.safeParse(both).success).toBe(true);
  });

  it('removes a block its deleter chose to delete, and keeps it otherwise', () => {
    const deleted = mergeStoryContent(story(BASE), story(remove(BASE, 'p2')), story(theirs));
    const c = deleted.conflicts[0]!;
    expect(lines(resolveConflict(deleted.merged, c, 'mine', () => 'n').body)).toEqual([`p1: ${P1}`, `p3: ${P3}`]);
    expect(lines(resolveConflict(deleted.merged, c, 'both', () => 'n').body)).toEqual(lines(theirs));
  });

  it('puts a block both moved where the chosen side put it', () => {
    const moved = mergeStoryContent(
      story(append(BASE, para('p4', P4))),
      story(bodyOf(para('p4', P4), para('p1', P1), para('p2', P2), para('p3', P3))),
      story(bodyOf(para('p1', P1), para('p4', P4), para('p2', P2), para('p3', P3))),
    );
    const c = moved.conflicts[0]!;
    const order = (content: StoryContent): string[] => lines(content.body).map((l) => l.slice(0, 2));
    expect(order(resolveConflict(moved.merged, c, 'theirs', () => 'n'))).toEqual(['p1', 'p4', 'p2', 'p3']);
    expect(order(resolveConflict(moved.merged, c, 'mine', () => 'n'))).toEqual(['p4', 'p1', 'p2', 'p3']);
  });

  it('joins text fields for "both" and unites sets', () => {
    const fields = mergeStoryContent(story(BASE), { ...story(BASE), headline: 'Tết sum vầy', tags: [] }, { ...story(BASE), headline: 'Xuân ơn Đảng' });
    const headline = fields.conflicts.find((c) => c.kind === 'field' && c.field === 'headline')!;
    expect(resolveConflict(fields.merged, headline, 'both', () => 'n').headline).toBe('Tết sum vầy Xuân ơn Đảng');
  });
});
