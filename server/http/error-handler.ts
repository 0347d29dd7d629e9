// One place where every failure becomes an answer. Client mistakes (bad JSON,
// wrong types, bodies too large, unknown media types) keep their 4xx status and
// get a Vietnamese reason; anything else is logged and answered with a plain 500
// that reveals nothing about the server.
import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ZodError } from 'zod';
import { listIssues } from '../../core/validation/vietnamese-issues';
import { ApiError, type ErrorBody } from './errors';

/** Fastify's own client-error codes, in words a desk editor can read. */
const FASTIFY_CLIENT_ERRORS: Record<string, { code: string; message: string }> = {
  FST_ERR_CTP_INVALID_JSON_BODY: { code: 'INVALID_JSON', message: 'Nội dung gửi lên không phải JSON hợp lệ' },
  FST_ERR_CTP_EMPTY_JSON_BODY: { code: 'INVALID_JSON', message: 'Nội dung JSON gửi lên đang trống' },
  FST_ERR_CTP_BODY_TOO_LARGE: { code: 'TOO_LARGE', message: 'Nội dung gửi lên quá lớn' },
  FST_ERR_CTP_INVALID_MEDIA_TYPE: { code: 'UNSUPPORTED_MEDIA_TYPE', message: 'Kiểu nội dung (Content-Type) không được hỗ trợ' },
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: { code: 'INVALID_LENGTH', message: 'Độ dài nội dung (Content-Length) không khớp' },
  FST_ERR_BAD_URL: { code: 'BAD_URL', message: 'Địa chỉ không hợp lệ' },
  FST_ERR_MAX_PARAM_LENGTH: { code: 'BAD_URL', message: 'Địa chỉ quá dài' },
};

function isFastifyError(error: unknown): error is FastifyError {
  return error instanceof Error && typeof (error as Partial<FastifyError>).statusCode === 'number';
}

export function toErrorReply(error: unknown): { status: number; body: ErrorBody; headers: Record<string, string> } {
  if (error instanceof ApiError) {
    const issues = (error as ApiError & { issues?: ErrorBody['error']['issues'] }).issues;
    return {
      status: error.statusCode,
      body: { error: { code: error.code, message: error.message, ...(issues ? { issues } : {}) } },
      headers: error.headers,
    };
  }
  if (error instanceof ZodError) {
    return {
      status: 400,
      body: { error: { code: 'INVALID_REQUEST', message: 'Yêu cầu không hợp lệ', issues: listIssues(error) } },
      headers: {},
    };
  }
  if (isFastifyError(error) && error.statusCode !== undefined && error.statusCode >= 400 && error.statusCode < 500) {
    const known = FASTIFY_CLIENT_ERRORS[error.code];
    // Prototype-poisoning and other parser refusals carry 400 but no entry above.
    const fallback = { code: 'BAD_REQUEST', message: 'Yêu cầu không hợp lệ' };
    return { status: error.statusCode, body: { error: known ?? fallback }, headers: {} };
  }
  return { status: 500, body: { error: { code: 'INTERNAL', message: 'Lỗi máy chủ, hãy thử lại sau' } }, headers: {} };
}

export type HtmlErrorRenderer = (status: number, message: string) => string;

/** Answers any failure: JSON for the API, an HTML page for the site. */
export function sendError(error: unknown, request: FastifyRequest, reply: FastifyReply, renderHtml: HtmlErrorRenderer) {
  const { status, body, headers } = toErrorReply(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  else request.log.info({ code: body.error.code, status }, 'client error');
  void reply.headers(headers).code(status);
  if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderHtml(status, body.error.message));
  return reply.send(body);
}

export function installErrorHandler(app: FastifyInstance, renderHtml: HtmlErrorRenderer): void {
  app.setErrorHandler((error: unknown, request: FastifyRequest, reply: FastifyReply) =>
    sendError(error, request, reply, renderHtml),
  );
  app.setNotFoundHandler((request, reply) => {
    const body: ErrorBody = { error: { code: 'NOT_FOUND', message: 'Không tìm thấy' } };
    void reply.code(404);
    if (wantsHtml(request)) return reply.type('text/html; charset=utf-8').send(renderHtml(404, body.error.message));
    return reply.send(body);
  });
}

/** The public site answers in HTML; the API and media answer in JSON. */
function wantsHtml(request: FastifyRequest): boolean {
  const path = request.url;
  return !(path.startsWith('/api/') || path.startsWith('/media/') || path === '/healthz');
}
