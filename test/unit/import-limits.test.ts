// What the importer refuses because of the limits (core/limits): text past
// 20 MB, and articles that no desk could store as a story.
import { describe, expect, it } from 'vitest';
import { checkImportText, importArticle, ImportError, MAX_IMPORT_BYTES } from '../../core/import';
import { IMPORT_LIMITS } from '../../core/limits';
import { sampleText, utf8 } from '../fixtures/import-samples';

const LDLD = 'ldld-hai-ba-trung-doi-moi.txt';
const SAPO = 'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.';
const PARAGRAPH = 'Dự buổi khảo sát có đồng chí Đàm Công Lợi - Phó Bí thư Thường trực Huyện ủy, Chủ tịch HĐND huyện Quốc Oai.';

async function importError(text: string): Promise<ImportError> {
  const error: unknown = await importArticle('bai.txt', utf8(text)).then(
    () => new Error('the article was accepted'),
    (e: unknown) => e,
  );
  if (error instanceof ImportError) return error;
  throw error;
}

describe('the 20 MB limit on decoded text', () => {
  it('is the file limit, in characters', () => {
    expect(IMPORT_LIMITS.textChars).toBe(MAX_IMPORT_BYTES);
    expect(() => checkImportText(IMPORT_LIMITS.textChars)).not.toThrow();
    expect(() => checkImportText(IMPORT_LIMITS.textChars + 1)).toThrow(
      new ImportError('too_large', 'Văn bản trong tệp quá dài: hơn 20.971.520 ký tự (giới hạn là 20 MB)'),
    );
  });
});

describe('importArticle refuses what no desk could store', () => {
  it('imports the sample, which is far within every limit', async () => {
    await expect(importArticle(LDLD, utf8(sampleText(LDLD)))).resolves.toMatchObject({ byline: 'H.Phong' });
  });

  it.each([
    ['a headline line of 501 characters', `${'Hà Nội '.repeat(72)}x\n${SAPO}\n${PARAGRAPH}\nMạnh Quân`, 'Tít quá dài (tối đa 500 ký tự)'],
    ['10,000 paragraphs', `Tít bài\n${SAPO}\n${`${PARAGRAPH}\n`.repeat(10_000)}Mạnh Quân`, 'Nội dung bài có quá nhiều nút: tối đa 20.000'],
    [
      'a paragraph of 100,001 characters',
      `Tít bài\n${SAPO}\n${'Hà Nội '.repeat(14_286)}.\nMạnh Quân`,
      'Đoạn chữ ở khối 1 (đoạn văn) quá dài: 100.003 ký tự (tối đa 100.000)',
    ],
    [
      'a teaser title of 501 characters',
      `Tít bài\n${SAPO}\n${PARAGRAPH}\nMạnh Quân\nNên xem\n${'Tin '.repeat(126)}\nTóm tắt.`,
      'Tin “Nên xem”: Tít quá dài (tối đa 500 ký tự)',
    ],
  ])('%s', async (_name, text, reason) => {
    const error = await importError(text);
    expect(error.code).toBe('story_too_large');
    expect(error.message).toBe(`Bài nhập vào vượt giới hạn của một bài: ${reason}`);
  });
});
