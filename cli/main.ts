// newsdesk: the local store from a terminal. Every command takes --db PATH and
// --json; errors go to stderr as one readable line, with exit code 2.
import { parseArgs } from 'node:util';
import { ImportError } from '../core/import';
import { StoreError, toServiceError } from '../service';
import { createContext, type CliContext } from './context';
import { CliError } from './errors';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { searchCommand } from './commands/search';
import { showCommand } from './commands/show';
import { statsCommand } from './commands/stats';

const USAGE = `Cách dùng: npm run newsdesk -- <lệnh> [tuỳ chọn]

Lệnh:
  import TỆP...            nhập bài .txt hoặc .docx (--dry-run: chỉ xem, không ghi; --with-teasers: nhập cả tin cuối trang làm tin tham khảo, chỉ trên máy này; --author TÊN)
  search "TỪ KHOÁ"         tìm bài, có dấu hay không dấu đều được (--limit N)
  show MÃ                  xem một bài
  export MÃ --format F     xuất bài: json, html hoặc txt
  stats                    thống kê kho bài

Tuỳ chọn chung:
  --db ĐƯỜNG_DẪN           tệp cơ sở dữ liệu (mặc định: thư mục dữ liệu của ứng dụng)
  --json                   in kết quả dạng JSON`;

const OPTIONS = {
  db: { type: 'string' },
  json: { type: 'boolean', default: false },
  'dry-run': { type: 'boolean', default: false },
  'with-teasers': { type: 'boolean', default: false },
  author: { type: 'string' },
  format: { type: 'string' },
  limit: { type: 'string' },
  help: { type: 'boolean', short: 'h', default: false },
} as const;

function parseLimit(value: string | undefined): number {
  if (value === undefined) return 20;
  const limit = Number(value);
  if (!Number.isInteger(limit) || limit < 1 || limit > 200) throw new CliError('--limit phải là số nguyên từ 1 đến 200');
  return limit;
}

function only<T>(values: T[], what: string): T {
  if (values.length !== 1) throw new CliError(`Cần đúng một ${what}`);
  return values[0] as T;
}

async function run(argv: string[]): Promise<void> {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: OPTIONS, allowPositionals: true, strict: true });
  } catch (error) {
    throw new CliError(`${(error as Error).message}\n\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  const [command, ...rest] = positionals;
  if (values.help || command === undefined || command === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const ctx: CliContext = createContext({ json: values.json, dbPath: values.db });
  try {
    switch (command) {
      case 'import':
        await importCommand(ctx, rest, {
          dryRun: values['dry-run'],
          withTeasers: values['with-teasers'],
          author: values.author ?? process.env.USER ?? 'newsdesk',
        });
        break;
      case 'search':
        if (rest.length === 0) throw new CliError('Cần từ khoá: newsdesk search "TỪ KHOÁ"');
        searchCommand(ctx, rest.join(' '), parseLimit(values.limit));
        break;
      case 'show':
        showCommand(ctx, only(rest, 'mã bài'));
        break;
      case 'export':
        exportCommand(ctx, only(rest, 'mã bài'), values.format ?? 'json');
        break;
      case 'stats':
        statsCommand(ctx);
        break;
      default:
        throw new CliError(`Không có lệnh "${command}"\n\n${USAGE}`);
    }
  } finally {
    ctx.close();
  }
}

function messageOf(error: unknown): string {
  if (error instanceof CliError) return error.message;
  // Store, import and SQLite errors (a locked or full database…) read as the app says them;
  // anything else is a bug worth its stack.
  if (!(error instanceof Error) || isKnownFailure(error)) return toServiceError(error).message;
  return error.stack ?? error.message;
}

function isKnownFailure(error: Error): boolean {
  return error instanceof StoreError || error instanceof ImportError || error.name === 'SqliteError';
}

run(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`newsdesk: ${messageOf(error)}\n`);
  process.exitCode = 2;
});
