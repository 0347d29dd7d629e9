// Errors the API answers with: a machine code for the desktop, a Vietnamese
// sentence for the person reading it. Every route throws ApiError (or lets zod
// throw), and the error handler in ./errorHandler turns it into JSON.
import type { z } from 'zod';
import { listIssues } from '../../core/validation/vietnamese-issues';

export type ErrorBody = {
  error: { code: string; message: string; issues?: Array<{ path: string; message: string }> };
};

export class ApiError extends Error {
  constructor(
    readonly statusCode: number,
    readonly code: string,
    message: string,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

export const unauthorized = () => new ApiError(401, 'UNAUTHORIZED', 'Cần đăng nhập (thiếu hoặc sai mã phiên)');
export const forbidden = () => new ApiError(403, 'FORBIDDEN', 'Tài khoản của bạn không có quyền làm việc này');
export const notFound = () => new ApiError(404, 'NOT_FOUND', 'Không tìm thấy');

export function invalidRequest(error: z.ZodError, what = 'Yêu cầu'): ApiError & { issues: ReturnType<typeof listIssues> } {
  const issues = listIssues(error);
  const first = issues[0];
  const detail = first ? `: ${first.path ? `${first.path}: ` : ''}${first.message}` : '';
  return Object.assign(new ApiError(400, 'INVALID_REQUEST', `${what} không hợp lệ${detail}`), { issues });
}

/** Parses with zod, throwing a 400 ApiError that names the first problem. */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown, what?: string): T {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidRequest(result.error, what);
  return result.data;
}
