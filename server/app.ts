// Wires the server together. No listening here: main.ts listens, and tests or
// benchmarks may build an app around any Storage.
import Fastify, { type FastifyInstance } from 'fastify';
import { z } from 'zod';
import { authenticator } from './auth/authenticate';
import { LoginLimiter } from './auth/login-limiter';
import { registerAuthRoutes } from './auth/routes';
import type { ServerConfig } from './config';
import { installErrorHandler, sendError } from './http/error-handler';
import { answerUnreadableRequest, installJsonParser } from './http/request-parsing';
import { installSecurityHeaders } from './http/security-headers';
import { registerMediaRoutes } from './media/routes';
import { SiteClock } from './site/page-cache';
import { registerSiteRoutes } from './site/routes';
import type { Storage } from './storage/types';
import { registerNewsroomRoutes } from './sync/newsroom-routes';
import { registerNotesRoutes } from './sync/notes-routes';
import { registerSyncRoutes } from './sync/routes';
import { startScheduler } from './sync/scheduler';

export type AppOptions = { storage: Storage; config: ServerConfig };

export function buildApp({ storage, config }: AppOptions): FastifyInstance {
  // zod's own messages (the ones our schemas do not word themselves) in Vietnamese.
  z.config(z.locales.vi());
  let errorPage: (status: number, message: string) => string = (_status, message) => message;
  const app = Fastify({
    // Router-level refusals (bad percent-escapes, over-long params) get the same answers as the rest.
    frameworkErrors: (error, request, reply) => sendError(error, request, reply, (status, message) => errorPage(status, message)),
    clientErrorHandler: answerUnreadableRequest,
    logger: { level: config.logLevel, redact: ['req.headers.authorization'] },
    // Story text is long Vietnamese; 1 MB is plenty for anything but a push batch (own limit).
    bodyLimit: 1024 * 1024,
    // Article file names are "{slug}-{shortid}.html" with slugs up to 120 characters.
    routerOptions: { maxParamLength: 300 },
    // Behind a proxy, set trustProxy via a reverse proxy config; here we listen on loopback.
    trustProxy: false,
  });
  const auth = authenticator(storage);
  const clock = new SiteClock(() => storage.site.siteVersion(), config.siteRefreshMs);
  let baseUrl = config.publicUrl ?? `http://${config.host}:${config.port}`;
  app.addHook('onListen', async () => {
    if (config.publicUrl) return;
    const address = app.server.address();
    if (address && typeof address === 'object') baseUrl = `http://${config.host}:${address.port}`;
  });

  app.addHook('onClose', async () => storage.close());
  installSecurityHeaders(app);
  // The API speaks JSON only; a text body is a client mistake (415), not a string to validate.
  app.removeContentTypeParser('text/plain');
  installJsonParser(app);
  // Installed before any route so that every plugin context inherits it.
  installErrorHandler(app, (status, message) => errorPage(status, message));

  app.get('/healthz', async (_request, reply) => {
    const database = await storage.health();
    return reply.code(database.ok ? 200 : 503).send({ status: database.ok ? 'ok' : 'error', database });
  });

  registerAuthRoutes(app, {
    storage,
    auth,
    limiter: new LoginLimiter(storage.accounts, config.login),
    tokenTtlMs: config.tokenTtlMs,
  });
  const onSiteMayHaveChanged = () => clock.invalidate();
  registerSyncRoutes(app, { storage, auth, checklist: config.checklist, onSiteMayHaveChanged });
  registerNewsroomRoutes(app, { storage, auth, checklist: config.checklist });
  registerNotesRoutes(app, { storage, auth });
  if (config.schedulerIntervalMs > 0) {
    let stopScheduler: (() => Promise<void>) | null = null;
    app.addHook('onReady', async () => {
      stopScheduler = startScheduler({ storage, checklist: config.checklist, log: app.log, onSiteMayHaveChanged }, config.schedulerIntervalMs);
    });
    app.addHook('preClose', async () => stopScheduler?.());
  }
  registerMediaRoutes(app, { storage, auth });
  errorPage = registerSiteRoutes(app, { storage, clock, siteName: config.siteName, baseUrl: () => baseUrl }).errorPage;
  return app;
}
