// npm run server                      start the publishing server
// npm run server -- user add NAME --role ROLE   create an account
import { buildApp } from './app';
import { runUserCommand } from './cli/user-command';
import { loadConfig } from './config';
import { openStorage } from './storage/open';

async function serve(): Promise<void> {
  const config = loadConfig();
  let poolError = (error: Error) => console.error(error.message);
  const storage = await openStorage(config.databaseUrl, (error) => poolError(error));
  const app = buildApp({ storage, config });
  poolError = (error) => app.log.error({ err: error }, 'database pool error');
  const url = await app.listen({ host: config.host, port: config.port });
  // Tests and scripts wait for this line to learn the port (PORT=0 picks a free one),
  // so it is written even when LOG_LEVEL hides other info lines.
  const announce = config.logLevel === 'silent' ? app.log : app.log.child({}, { level: 'info' });
  announce.info({ url, database: storage.kind }, 'listening');
  const stop = async (signal: string) => {
    app.log.info({ signal }, 'stopping');
    await app.close();
    process.exit(0);
  };
  process.once('SIGINT', (s) => void stop(s));
  process.once('SIGTERM', (s) => void stop(s));
}

async function main(): Promise<void> {
  const [command, ...rest] = process.argv.slice(2);
  if (command === 'user') {
    process.exitCode = await runUserCommand(rest, loadConfig().databaseUrl);
    return;
  }
  if (command !== undefined) {
    console.error(`Lệnh không rõ: ${command}. Dùng "npm run server" hoặc "npm run server -- user add …"`);
    process.exitCode = 2;
    return;
  }
  await serve();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
