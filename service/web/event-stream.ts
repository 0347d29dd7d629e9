// Service events as server-sent events: `event: <name>\ndata: <json>\n\n` for
// each, and a comment line now and then so that a quiet stream is not taken for
// a dead one by proxies, sleeping laptops or the browser.
import type { ServerResponse } from 'node:http';
import { EVENT_NAMES } from '../../core/api';
import type { AppService } from '../index';

export const HEARTBEAT_MS = 15_000;

/** Starts streaming every service event to `res`; returns the function that ends the stream. */
export function openEventStream(service: AppService, res: ServerResponse, heartbeatMs = HEARTBEAT_MS): () => void {
  res.writeHead(200, {
    'Content-Type': 'text/event-stream; charset=utf-8',
    'Cache-Control': 'no-store',
    Connection: 'keep-alive',
  });
  // The browser retries a dropped stream after this many milliseconds.
  res.write('retry: 2000\n: connected\n\n');

  const unsubscribe = EVENT_NAMES.map((event) =>
    service.on(event, (payload) => {
      res.write(`event: ${event}\ndata: ${JSON.stringify(payload)}\n\n`);
    }),
  );
  const heartbeat = setInterval(() => res.write(': heartbeat\n\n'), heartbeatMs);
  heartbeat.unref();

  let ended = false;
  const end = () => {
    if (ended) return;
    ended = true;
    clearInterval(heartbeat);
    for (const stop of unsubscribe) stop();
    if (!res.writableEnded) res.end();
  };
  res.on('close', end);
  return end;
}
