// `npm run start:web -- [--data DIR] [--port N] [--static DIR]`. Parsed with
// node:util and checked with zod: a typo in a flag is an error a person can read,
// never a silently ignored option.
import { parseArgs } from 'node:util';
import { z } from 'zod';

export interface StartOptions {
  dataDir: string | null;
  port: number;
  /** A folder to serve instead of out/renderer; set, it also turns off the build. */
  staticDir: string | null;
}

const portSchema = z.coerce
  .number({ message: 'Cổng (--port) phải là một số' })
  .int({ message: 'Cổng (--port) phải là số nguyên' })
  .min(0, { message: 'Cổng (--port) phải từ 0 đến 65535' })
  .max(65_535, { message: 'Cổng (--port) phải từ 0 đến 65535' });

export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export const USAGE = 'Cách dùng: npm run start:web -- [--data THƯ_MỤC] [--port CỔNG] [--static THƯ_MỤC]';

export function parseStartOptions(argv: readonly string[]): StartOptions {
  let values: { data?: string; port?: string; static?: string };
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: { data: { type: 'string' }, port: { type: 'string' }, static: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    throw new UsageError(`Tham số không hợp lệ (${detail}).\n${USAGE}`);
  }
  const port = portSchema.safeParse(values.port ?? '0');
  if (!port.success) throw new UsageError(`${port.error.issues[0]?.message ?? 'Cổng không hợp lệ'}.\n${USAGE}`);
  if (values.data === '') throw new UsageError(`Thư mục dữ liệu (--data) không được để trống.\n${USAGE}`);
  return { dataDir: values.data ?? null, port: port.data, staticDir: values.static ?? null };
}
