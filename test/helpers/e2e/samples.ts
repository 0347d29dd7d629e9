// The two real sample articles, and what a reader finds in the first one
// (see ../shared/samples/README.md), as the import tests expect to see it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { SAMPLES_DIR } from '../db-story-content';
import type { TestApp } from './app';

export const LDLD_FILE = 'ldld-hai-ba-trung-doi-moi.txt';
export const CUM_THI_DUA_FILE = 'cum-thi-dua-so-4-cham-lo-doan-vien.txt';

export const LDLD = {
  path: path.join(SAMPLES_DIR, LDLD_FILE),
  headline: 'LĐLĐ quận Hai Bà Trưng tiếp tục đổi mới, hoạt động hiệu quả vì người lao động',
  subheadings: ['Đa dạng hoá các hoạt động chăm lo', 'Phát động thi đua gắn với 3 khâu đột phá'],
  captions: [
    'LĐLĐ quận Hai Bà Trưng trao quà cho người lao động làm việc trực tiếp trong dịp Tết Nguyên đán Ất Tỵ 2025.',
    'LĐLĐ quận Hai Bà Trưng ký kết thoả thuận hợp tác với doanh nghiệp nhằm nâng cao phúc lợi cho người lao động.',
    'Tại quận Hai Bà Trưng, các Chủ tịch Công đoàn cơ sở luôn lắng nghe tâm tư, nguyện vọng của người lao động.',
    'Nhiều sân chơi bổ ích dành cho người lao động được LĐLĐ quận Hai Bà Trưng tổ chức hàng năm.',
  ],
  byline: 'H.Phong',
};

export function sampleBytes(fileName: string): Buffer {
  return readFileSync(path.join(SAMPLES_DIR, fileName));
}

/** Imports a sample over /rpc (import.create), as the import dialog's "Tạo bài" does; returns the story id. */
export async function importSample(app: Pick<TestApp, 'rpc'>, fileName: string): Promise<string> {
  const created = await app.rpc('import.create', { fileName, bytes: sampleBytes(fileName).toString('base64') });
  return created.storyId;
}
