import { describe, expect, it } from 'vitest';
import { bodyFromBlocks, emptyBody, plainTextOfBody, storyContent } from '../../core/story';
import { countWords } from '../../core/text';
import { sapoLength, storyCounts } from '../../renderer/editor/document/counts';
import { addTag, applyMetaEdit, contentOf, metaFromContent, oneLine, type MetaState } from '../../renderer/editor/document/story-meta';

const HEADLINE = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
const SAPO =
  'Bên cạnh việc thực hiện tốt chức năng đại diện chăm lo, bảo vệ quyền và lợi ích hợp pháp, chính đáng cho đoàn viên và người lao động thì việc nâng cao đời sống tinh thần cho đoàn viên, công nhân, viên chức, lao động (CNVCLĐ) luôn là nhiệm vụ trọng tâm của Liên đoàn Lao động (LĐLĐ) quận Hai Bà Trưng. Qua đó, góp phần làm phong phú đời sống tinh thần và tăng cường sự gắn kết trong đội ngũ người lao động trên địa bàn quận.';

const blank = (): MetaState =>
  metaFromContent({ headline: '', sapo: '', byline: '', section: '', tags: [], slug: '', related: [] });

describe('story metadata', () => {
  it('derives the slug from the headline while the writer has not touched it', () => {
    let meta = applyMetaEdit(blank(), { field: 'headline', value: 'LĐLĐ quận Hai Bà Trưng' });
    expect(meta.slug).toBe('ldld-quan-hai-ba-trung');
    meta = applyMetaEdit(meta, { field: 'headline', value: HEADLINE });
    expect(meta.slug).toBe('ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong');
    expect(meta.slugTouched).toBe(false);
  });

  it('stops following the headline once the slug is edited, and follows again when it is cleared', () => {
    let meta = applyMetaEdit(blank(), { field: 'headline', value: HEADLINE });
    meta = applyMetaEdit(meta, { field: 'slug', value: 'ldld-hai-ba-trung-doi-moi' });
    meta = applyMetaEdit(meta, { field: 'headline', value: 'Cụm thi đua số 4' });
    expect(meta.slug).toBe('ldld-hai-ba-trung-doi-moi');
    meta = applyMetaEdit(meta, { field: 'slug', value: '' });
    expect(meta).toMatchObject({ slug: 'cum-thi-dua-so-4', slugTouched: false });
  });

  it('treats a loaded slug that differs from the headline as edited', () => {
    const content = { headline: HEADLINE, sapo: '', byline: '', section: '', tags: [], related: [] };
    expect(metaFromContent({ ...content, slug: 'ldld-hai-ba-trung' }).slugTouched).toBe(true);
    expect(metaFromContent({ ...content, slug: '' }).slugTouched).toBe(false);
    expect(metaFromContent({ ...content, slug: 'ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong' }).slugTouched).toBe(false);
  });

  it('keeps the headline on one line', () => {
    expect(oneLine('Cụm thi đua số 4\ntriển khai\r\n hiệu quả')).toBe('Cụm thi đua số 4 triển khai hiệu quả');
  });

  it('adds tags once, whatever their case, and ignores blanks', () => {
    let tags = addTag([], ' Công đoàn ');
    tags = addTag(tags, 'công đoàn');
    tags = addTag(tags, '   ');
    tags = addTag(tags, 'Hai Bà Trưng');
    expect(tags).toEqual(['Công đoàn', 'Hai Bà Trưng']);
  });

  it('builds content that the story schema accepts, with a half-typed slug cleaned', () => {
    let meta = applyMetaEdit(blank(), { field: 'headline', value: HEADLINE });
    meta = applyMetaEdit(meta, { field: 'slug', value: 'Hai Bà Trưng-' });
    meta = applyMetaEdit(meta, { field: 'sapo', value: `${SAPO}\u00a0` });
    const content = contentOf(meta, emptyBody());
    expect(storyContent.safeParse(content).success).toBe(true);
    expect(content.slug).toBe('hai-ba-trung');
    expect(content.sapo).toBe(SAPO);
  });
});

describe('counts', () => {
  const heading = 'Đa dạng hoá các hoạt động chăm lo';
  const paragraph = 'Theo Chủ tịch LĐLĐ quận Hai Bà Trưng Nguyễn Thị Kim Dung, nâng cao đời sống tinh thần cho đoàn viên.';
  const caption = 'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động.';
  const body = bodyFromBlocks(
    [{ type: 'heading', text: heading }, { type: 'paragraph', text: paragraph }, { type: 'figure', caption }],
    { related: [{ id: null, title: 'Công đoàn Công ty Tài chính TNHH MTV Lotte Việt Nam: Điểm tựa cho người lao động' }] },
  );
  const bodyText = plainTextOfBody(body);

  it('counts headline, sapo, body and captions, but not related-story titles', () => {
    const counts = storyCounts({ headline: HEADLINE, sapo: SAPO, bodyText }, 600);
    const expected = [HEADLINE, SAPO, heading, paragraph, caption].map(countWords).reduce((a, b) => a + b);
    expect(expected).toBe(17 + 90 + 8 + 21 + 11);
    expect(counts.words).toBe(expected);
    expect(counts.minutes).toBe(1);
    expect(counts.target).toBe(600);
    expect(counts.progress).toBeCloseTo(expected / 600);
  });

  it('has no target or progress for a section without one, and caps progress at 1', () => {
    expect(storyCounts({ headline: HEADLINE, sapo: '', bodyText }, undefined)).toMatchObject({ target: null, progress: null });
    expect(storyCounts({ headline: HEADLINE, sapo: SAPO, bodyText }, 10).progress).toBe(1);
  });

  it('judges the sapo length against 30–100 words, so that both sample sapos pass', () => {
    expect(sapoLength('')).toEqual({ words: 0, verdict: 'empty' });
    expect(sapoLength('Ngày 21/11, Đoàn khảo sát đã có buổi khảo sát.').verdict).toBe('short');
    expect(sapoLength(SAPO)).toEqual({ words: 90, verdict: 'ok' });
    expect(sapoLength(`${SAPO} ${SAPO}`).verdict).toBe('long');
  });
});
