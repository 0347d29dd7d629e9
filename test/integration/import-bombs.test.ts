// Zip bombs against the importer, through the core, the CLI and the local
// host's import.preview: each is refused with a Vietnamese ImportError in well
// under a second, the process stays under a stated memory bound, and the app
// keeps answering afterwards. The bombs are the two: a ~530 KB .docx
// of 170 MB of tiny paragraphs, and a ~780 KB one holding 300 MB of text.
//
// Bounds (peak resident memory of the whole process, measured by the kernel):
// - a bomb refused by the guard: under BOMB_BOUND_MB, in the CLI and the local
//   host alike (measured 100–115 MB for the CLI, ~135 MB for start:web; an
//   idle start:web is ~125 MB);
// - the largest document the guard lets through to the .docx reader (just
//   under 100,000 XML nodes and 20 M characters): under ADMITTED_BOUND_MB
//   (measured ~460 MB; the reader builds a DOM of ~2 KB per node). Before the
//   guard, the first bomb took 4.7 GB and the second 3 GB.
import { writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ImportError, parseDocx } from '../../core/import';
import { runCli } from '../helpers/cli-run';
import { makeTempDir, type TempDir } from '../helpers/db-temp';
import { PEAK_MEMORY_FILE_ENV, PEAK_MEMORY_PRELOAD, peakRssKb, reportedPeakKb } from '../helpers/peak-memory';
import { rpc, startWebProcess, type WebProcess } from '../helpers/service-web';
import { docxOfParagraphs, largestAdmittedDocx, paragraphBomb, textBomb } from '../fixtures/docx-bombs';

const BOMB_BOUND_MB = 200;
const ADMITTED_BOUND_MB = 600;
const BOMB_MESSAGE = /^Tệp \.docx bị nén bất thường: phần “word\/document\.xml” giải nén ra gấp [\d.]+ lần \(tối đa 100 lần\); đây có thể là một “bom nén”$/u;

const BOMBS = [
  ['170 MB of tiny paragraphs', paragraphBomb],
  ['300 MB of text', textBomb],
] as const;

let tmp: TempDir;
const files = new Map<string, string>();

beforeAll(() => {
  tmp = makeTempDir('newsdesk-bombs-');
  for (const [name, make] of BOMBS) {
    const file = tmp.file(`${name.replace(/\W+/gu, '-')}.docx`);
    writeFileSync(file, make());
    files.set(name, file);
  }
});
afterAll(() => tmp.remove());

function megabytes(kb: number): number {
  return Math.round(kb / 1024);
}

describe('the core refuses each bomb before unzipping it', () => {
  it.each(BOMBS)('%s', async (_name, make) => {
    const bytes = make();
    expect(bytes.byteLength).toBeLessThan(1024 * 1024);
    const started = performance.now();
    const error = await parseDocx(bytes).then(() => null, (e: unknown) => e);
    const elapsed = performance.now() - started;
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).code).toBe('docx_too_large');
    expect((error as ImportError).message).toMatch(BOMB_MESSAGE);
    console.info(`core: ${_name} (${Math.round(bytes.byteLength / 1024)} KB) refused in ${elapsed.toFixed(1)} ms`);
  });
});

describe('the 20 MB limit on text', () => {
  it('applies to the text inside a .docx, before the reader builds it', async () => {
    // 10,000 paragraphs of ordinary text: 21.5 M characters, zipped ~5 times, so no ratio rule.
    const error = await parseDocx(largestAdmittedDocx(10_000, 2_150)).then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(ImportError);
    expect([(error as ImportError).code, (error as ImportError).message]).toEqual([
      'too_large',
      'Văn bản trong tệp quá dài: hơn 20.971.520 ký tự (giới hạn là 20 MB)',
    ]);
  }, 60_000);
});

describe('newsdesk import', () => {
  async function importWithPeak(file: string, extra: string[] = []) {
    const peakFile = tmp.file(`peak-${Math.random().toString(36).slice(2)}`);
    const started = performance.now();
    const run = await runCli(['import', file, '--db', tmp.file('cli.db'), ...extra], {
      nodeArgs: ['--import', PEAK_MEMORY_PRELOAD],
      env: { [PEAK_MEMORY_FILE_ENV]: peakFile },
    });
    return { run, seconds: (performance.now() - started) / 1000, peakMb: megabytes(reportedPeakKb(peakFile)) };
  }

  it.each(BOMBS)('refuses %s with exit code 2, within the memory bound', async (name) => {
    const file = files.get(name) as string;
    const { run, seconds, peakMb } = await importWithPeak(file);
    expect(run.code).toBe(2);
    expect(run.stderr.trim()).toMatch(/^newsdesk: .*\.docx: Tệp \.docx bị nén bất thường: phần “word\/document\.xml”/u);
    expect(peakMb).toBeLessThan(BOMB_BOUND_MB);
    console.info(`CLI: ${name} refused in ${seconds.toFixed(1)} s (process start included), peak RSS ${peakMb} MB`);
  });

  it('reads the largest document the guard admits within its memory bound', async () => {
    const file = tmp.file('largest-admitted.docx');
    writeFileSync(file, largestAdmittedDocx());
    const { run, seconds, peakMb } = await importWithPeak(file, ['--dry-run']);
    // It is read, then refused as a story: far more text than one story may hold.
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('Bài nhập vào vượt giới hạn của một bài');
    expect(peakMb).toBeLessThan(ADMITTED_BOUND_MB);
    console.info(`CLI: the largest admitted .docx read and refused in ${seconds.toFixed(1)} s, peak RSS ${peakMb} MB`);
  }, 120_000);
});

describe('import.preview on the local host', () => {
  let web: WebProcess;
  beforeAll(async () => {
    web = await startWebProcess(['--data', tmp.file('web-data'), '--port', '0']);
  });
  afterAll(async () => {
    if (web.child.exitCode === null) web.child.kill('SIGKILL');
    await web.exited;
  });

  it('refuses both bombs with a 4xx and the reason, stays within the bound, and keeps answering', async () => {
    const pid = web.child.pid as number;
    const before = megabytes(peakRssKb(pid));
    for (const [name, make] of BOMBS) {
      const started = performance.now();
      const reply = await rpc(web, 'import.preview', { fileName: 'bom.docx', bytes: Buffer.from(make()).toString('base64') });
      const seconds = (performance.now() - started) / 1000;
      expect(reply.status).toBeGreaterThanOrEqual(400);
      expect(reply.status).toBeLessThan(500);
      expect(JSON.stringify(reply.body)).toContain('Tệp .docx bị nén bất thường');
      console.info(`start:web: ${name} refused in ${seconds.toFixed(2)} s`);
    }
    const peak = megabytes(peakRssKb(pid));
    expect(peak).toBeLessThan(BOMB_BOUND_MB);
    console.info(`start:web: peak RSS ${before} MB before the bombs, ${peak} MB after`);

    expect(web.child.exitCode).toBeNull();
    expect((await rpc(web, 'stories.list', {})).status).toBe(200);
    const article = docxOfParagraphs([
      'Cụm thi đua số 4 triển khai hiệu quả công tác chăm lo đời sống cho đoàn viên',
      'Ngày 21/11, Đoàn khảo sát của Liên đoàn Lao động thành phố Hà Nội đã có buổi khảo sát tại Cụm thi đua số 4.',
      'Mạnh Quân',
    ]);
    const preview = await rpc(web, 'import.preview', { fileName: 'bai.docx', bytes: Buffer.from(article).toString('base64') });
    expect(preview.status).toBe(200);
    expect(JSON.stringify(preview.body)).toContain('Cụm thi đua số 4');
  });
});
