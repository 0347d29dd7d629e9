// One real publishing server for a browser test file: started before its tests,
// stopped (and its database dropped) after them. The object stands for the
// server once it runs.
import { afterAll, beforeAll } from 'vitest';
import { startDeskServer, type DeskServer } from '../sync-server';

export function useDeskServer(options: Parameters<typeof startDeskServer>[0] = {}): DeskServer {
  let server: DeskServer | null = null;
  beforeAll(async () => {
    server = await startDeskServer(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  const live = (): DeskServer => {
    if (server === null) throw new Error('the publishing server is not running');
    return server;
  };
  return {
    get kind() {
      return live().kind;
    },
    get url() {
      return live().url;
    },
    get port() {
      return live().port;
    },
    stop: () => live().stop(),
    restart: () => live().restart(),
    close: () => live().close(),
    query: (sql, ...params) => live().query(sql, ...params),
    execute: (sql) => live().execute(sql),
  };
}
