// The renderer's HTTP transport against a real HTTP server on 127.0.0.1 that
// speaks the app service's envelope.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceError } from '../../renderer/transport/client';
import { createHttpClient } from '../../renderer/transport/http';

const TOKEN = 'b7f2c9e4a1d8';
const seen: Array<{ method: string; url: string; auth: string | undefined; type: string | undefined; body: string }> = [];
let server: Server;
let origin: string;

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

beforeAll(async () => {
  server = createServer((request, response) => {
    void bodyOf(request).then((body) => {
      seen.push({ method: request.method ?? '', url: request.url ?? '', auth: request.headers.authorization, type: request.headers['content-type'], body });
      const reply = (status: number, text: string) => {
        response.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8' });
        response.end(text);
      };
      if (request.headers.authorization !== `Bearer ${TOKEN}`) return reply(401, 'Unauthorized');
      if (request.url === '/rpc/search.query') {
        const args = JSON.parse(body) as { query: string };
        return reply(200, JSON.stringify({ ok: true, value: [{ id: '1', headline: 'LĐLĐ quận Hai Bà Trưng', snippet: `<mark>${args.query}</mark>` }] }));
      }
      if (request.url === '/rpc/stories.get') {
        return reply(404, JSON.stringify({ ok: false, error: { code: 'not-found', message: 'Không tìm thấy bài viết' } }));
      }
      reply(500, '<h1>oops</h1>');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

describe('createHttpClient', () => {
  it('posts JSON arguments with the bearer token and returns the result', async () => {
    seen.length = 0;
    const client = createHttpClient({ origin, token: TOKEN });
    const hits = await client.call('search.query', { query: 'hai ba trung', limit: 5 });
    expect(hits).toEqual([{ id: '1', headline: 'LĐLĐ quận Hai Bà Trưng', snippet: '<mark>hai ba trung</mark>' }]);
    expect(seen).toEqual([
      { method: 'POST', url: '/rpc/search.query', auth: `Bearer ${TOKEN}`, type: 'application/json', body: '{"query":"hai ba trung","limit":5}' },
    ]);
  });

  it("raises the service's own error", async () => {
    const client = createHttpClient({ origin, token: TOKEN });
    await expect(client.call('stories.get', { id: '0194f0c2-7d1e-7b1a-9c3e-1f2a3b4c5d6e' })).rejects.toEqual(
      new ServiceError('not-found', 'Không tìm thấy bài viết'),
    );
  });

  it('explains a wrong token', async () => {
    const client = createHttpClient({ origin, token: 'sai' });
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });

  it('explains a reply that is not the envelope', async () => {
    const client = createHttpClient({ origin, token: TOKEN });
    await expect(client.call('settings.get', {})).rejects.toEqual(new ServiceError('HTTP_500', 'Dịch vụ Newsdesk báo lỗi (HTTP 500)'));
  });

  it('asks nothing without a token', async () => {
    seen.length = 0;
    const client = createHttpClient({ origin, token: null });
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
    expect(seen).toEqual([]);
  });

  it('says the service is not running when nothing listens', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const client = createHttpClient({ origin: `http://127.0.0.1:${port}`, token: TOKEN });
    await expect(client.call('settings.get', {})).rejects.toMatchObject({ code: 'OFFLINE' });
  });
});
