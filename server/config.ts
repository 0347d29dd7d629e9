// Everything the server reads from its environment, checked once at start.
import { readFileSync } from 'node:fs';
import { z } from 'zod';
import { checklistConfig, DEFAULT_CHECKLIST_CONFIG, type ChecklistConfig } from '../core/workflow';
import { listIssues } from '../core/validation/vietnamese-issues';

const port = z.coerce.number().int().min(0).max(65_535);
const positive = z.coerce.number().int().positive();

const env = z.object({
  PORT: port.default(4000),
  HOST: z.string().default('127.0.0.1'),
  DATABASE_URL: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** How long a sign-in lasts. */
  TOKEN_TTL_SECONDS: positive.default(30 * 24 * 3600),
  LOGIN_MAX_FAILURES: positive.default(5),
  LOGIN_WINDOW_SECONDS: positive.default(15 * 60),
  /** Absolute base for links in RSS, the sitemap and Open Graph tags. */
  PUBLIC_URL: z.url().optional(),
  SITE_NAME: z.string().min(1).default('Newsdesk'),
  /** How stale another instance's publish may look here, at most (shared PostgreSQL). */
  SITE_REFRESH_MS: z.coerce.number().int().min(0).default(1000),
  /** A JSON file with the pre-publication checklist per section (core/workflow/checklist.ts). */
  CHECKLIST_FILE: z.string().min(1).optional(),
  /** How often the scheduler looks for stories whose time has come; 0 turns it off. */
  SCHEDULER_INTERVAL_MS: z.coerce.number().int().min(0).default(15_000),
});

export type ServerConfig = {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  logLevel: z.infer<typeof env>['LOG_LEVEL'];
  tokenTtlMs: number;
  login: { maxFailures: number; windowMs: number };
  publicUrl: string | undefined;
  siteName: string;
  siteRefreshMs: number;
  checklist: ChecklistConfig;
  schedulerIntervalMs: number;
};

/** The newsroom's checklist file, checked whole at start: a typo must not switch a check off silently. */
function loadChecklist(file: string | undefined): ChecklistConfig {
  if (file === undefined) return DEFAULT_CHECKLIST_CONFIG;
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new Error(`Không đọc được tệp danh sách kiểm tra ${file}: ${(error as Error).message}`);
  }
  const parsed = checklistConfig.safeParse(json);
  if (!parsed.success) {
    const first = listIssues(parsed.error)[0];
    throw new Error(`Tệp danh sách kiểm tra ${file} không hợp lệ: ${first?.path ?? ''} ${first?.message ?? ''}`.trim());
  }
  return parsed.data;
}

export function loadConfig(source: NodeJS.ProcessEnv = process.env): ServerConfig {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Cấu hình không hợp lệ: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    logLevel: e.LOG_LEVEL,
    tokenTtlMs: e.TOKEN_TTL_SECONDS * 1000,
    login: { maxFailures: e.LOGIN_MAX_FAILURES, windowMs: e.LOGIN_WINDOW_SECONDS * 1000 },
    publicUrl: e.PUBLIC_URL?.replace(/\/+$/, ''),
    siteName: e.SITE_NAME,
    siteRefreshMs: e.SITE_REFRESH_MS,
    checklist: loadChecklist(e.CHECKLIST_FILE),
    schedulerIntervalMs: e.SCHEDULER_INTERVAL_MS,
  };
}
