import { describe, expect, it } from 'vitest';
import { foldForSearch, slugify } from '../../core/text';
import { SAMPLE_FILES, sampleLine, sampleLines } from '../fixtures/text-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const CUM = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';

describe('foldForSearch', () => {
  it.each([
    // Old-style (hoà) and new-style (hòa) tone placement, both found in the samples.
    ['hoà', 'hòa', 'hoa'],
    ['thuý', 'thúy', 'thuy'],
    ['hoá', 'hóa', 'hoa'],
    ['Ứng Hoà', 'Ứng Hòa', 'ung hoa'],
    ['Nguyễn Thị Thu Thuỷ', 'Nguyễn Thị Thu Thủy', 'nguyen thi thu thuy'],
    ['Đa dạng hoá', 'đa dạng hóa', 'da dang hoa'],
    ['xã hội hoá', 'xã hội hóa', 'xa hoi hoa'],
  ])('folds %s and %s to the same string', (a, b, folded) => {
    expect(foldForSearch(a)).toBe(folded);
    expect(foldForSearch(b)).toBe(folded);
  });

  it('meets both spellings of the same name across the two samples', () => {
    const inCum = sampleLine(CUM, 'Phó Chủ tịch LĐLĐ thành phố Hà Nội Nguyễn Thị Thu Thủy');
    const inLdld = sampleLine(LDLD, 'Mới đây, Đoàn công tác');
    expect(inCum).toContain('Thu Thủy');
    expect(inLdld).toContain('Thu Thuỷ');
    expect(foldForSearch(inLdld)).toContain(foldForSearch('Nguyễn Thị Thu Thủy'));
  });

  it.each([
    ['đ', 'd'],
    ['Đ', 'd'],
    ['LĐLĐ', 'ldld'],
    ['Đoàn đại biểu', 'doan dai bieu'],
    ['ĐỔI MỚI', 'doi moi'],
  ])('maps đ/Đ to d: %s → %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it.each([
    ['LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới', 'ldld quan hai ba trung tiep tuc doi moi'],
    ['Ủy viên Bộ Chính trị', 'uy vien bo chinh tri'],
    ['Tổng LĐLĐ Việt Nam tập huấn', 'tong ldld viet nam tap huan'],
    ['ơ ư ă â ê ô', 'o u a a e o'],
  ])('removes every tone mark and diacritic: %s', (input, expected) => {
    expect(foldForSearch(input)).toBe(expected);
  });

  it.each(SAMPLE_FILES)('leaves only ASCII letters in the folded words of %s', (file) => {
    for (const line of sampleLines(file)) {
      const folded = foldForSearch(line);
      expect(folded).toBe(folded.toLowerCase());
      expect(folded).not.toMatch(/[à-ỹđ\p{M}]/u);
    }
  });

  it.each(SAMPLE_FILES)('folds the NFD form of %s exactly like the NFC form', (file) => {
    for (const line of sampleLines(file)) expect(foldForSearch(line.normalize('NFD'))).toBe(foldForSearch(line));
  });
});

describe('slugify', () => {
  it('makes the slug given in issue 2', () => {
    expect(slugify('LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động')).toBe(
      'ldld-quan-hai-ba-trung-tiep-tuc-doi-moi-hoat-dong-hieu-qua-vi-nguoi-lao-dong',
    );
  });

  it.each([
    [
      'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên',
      'cum-thi-dua-so-4-trien-khai-hieu-qua-cong-tac-cham-lo-doi-song-cho-doan-vien',
    ],
    ['“Người giữ lửa” phong trào tại khu dân cư', 'nguoi-giu-lua-phong-trao-tai-khu-dan-cu'],
    ['Hà Nội: Học sinh hướng về đồng bào miền Trung, Tây Nguyên', 'ha-noi-hoc-sinh-huong-ve-dong-bao-mien-trung-tay-nguyen'],
    [
      'Ông Bùi Thanh Nhân được chỉ định làm Chủ tịch Liên đoàn Lao động TP.HCM',
      'ong-bui-thanh-nhan-duoc-chi-dinh-lam-chu-tich-lien-doan-lao-dong-tp-hcm',
    ],
    [
      'Đại hội VII Công đoàn Điện lực Việt Nam: Đoàn kết - Đổi mới - Giữ vững an ninh năng lượng quốc gia',
      'dai-hoi-vii-cong-doan-dien-luc-viet-nam-doan-ket-doi-moi-giu-vung-an-ninh-nang-luong-quoc-gia',
    ],
    ['Không gian xanh hòa vào nhịp sống Thủ đô', 'khong-gian-xanh-hoa-vao-nhip-song-thu-do'],
    ['Không gian xanh hoà vào nhịp sống Thủ đô', 'khong-gian-xanh-hoa-vao-nhip-song-thu-do'],
    ['  — … —  ', ''],
  ])('slugifies %s', (headline, slug) => {
    expect(slugify(headline)).toBe(slug);
  });

  it('gives the NFD form of a headline the same slug', () => {
    const headline = 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động';
    expect(slugify(headline.normalize('NFD'))).toBe(slugify(headline));
  });

  it('cuts a long headline at a word boundary', () => {
    const headline = 'Thi đua yêu nước trong công nhân, viên chức, lao động: Sức mạnh nội lực kiến tạo Thủ đô phát triển';
    expect(slugify(headline, 40)).toBe('thi-dua-yeu-nuoc-trong-cong-nhan-vien');
  });

  it.each(SAMPLE_FILES)('never ends a shortened slug of %s in half a syllable', (file) => {
    for (const line of sampleLines(file)) {
      const full = slugify(line, 10_000);
      for (const max of [20, 33, 50]) {
        const short = slugify(line, max);
        expect(short.length).toBeLessThanOrEqual(max);
        expect(short).toMatch(/^$|^[a-z0-9]+(?:-[a-z0-9]+)*$/);
        expect(full.startsWith(short)).toBe(true);
        // The slug stops where a word stops, unless a single word is longer than the limit.
        const next = full.charAt(short.length);
        if (short.length > 0 && short.includes('-')) expect(['', '-']).toContain(next);
      }
    }
  });
});
