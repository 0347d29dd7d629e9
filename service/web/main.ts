// `npm run start:web`: the app service and its local HTTP transport, so that the
// Newsdesk UI runs in a plain browser. stdout carries exactly one line, the
// address to open, once everything is ready; every other message goes to stderr.
import path from 'node:path';
import { createAppService } from '../index';
import { defaultDataDir } from '../data-dir';
import { parseStartOptions, UsageError } from './options';
import { ensureRendererBuilt } from './renderer-build';
import { startWebServer } from './server';

const log = (line: string) => process.stderr.write(`${line}\n`);

async function main(): Promise<void> {
  const options = parseStartOptions(process.argv.slice(2));
  // npm runs scripts from the package root; relative paths mean where the user typed the command.
  const cwd = process.env.INIT_CWD ?? process.cwd();
  const dataDir = path.resolve(cwd, options.dataDir ?? defaultDataDir());
  const staticDir = options.staticDir === null ? ensureRendererBuilt(log) : path.resolve(cwd, options.staticDir);

  const service = await createAppService({ dataDir });
  const web = await startWebServer({ service, port: options.port, staticDir }).catch(async (error: unknown) => {
    await service.close();
    throw error;
  });

  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    log(`Newsdesk: ${signal}, closing the store…`);
    web
      .close()
      .then(() => service.close())
      .then(
        () => process.exit(0),
        (error: unknown) => {
          log(`Newsdesk: closing failed: ${error instanceof Error ? error.message : String(error)}`);
          process.exit(1);
        },
      );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);

  log(`Newsdesk: data in ${dataDir}`);
  process.stdout.write(`Newsdesk: ${web.url}\n`);
}

function describeStartError(error: unknown): string {
  if (error instanceof UsageError) return error.message;
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : '';
  if (code === 'EADDRINUSE') return 'Không khởi động được: cổng này đang được một chương trình khác dùng. Hãy chọn cổng khác với --port.';
  if (code === 'EACCES') return 'Không khởi động được: không có quyền dùng cổng hoặc thư mục dữ liệu này.';
  const message = error instanceof Error ? error.message : String(error);
  return `Không khởi động được Newsdesk: ${message}`;
}

main().catch((error: unknown) => {
  log(describeStartError(error));
  process.exit(error instanceof UsageError ? 2 : 1);
});
