// What the server reads of a request before any route sees it, in one place:
//   - JSON is measured before it is parsed (core/limits): a body nested deeper
//     than any request needs is a 400 with a Vietnamese reason, never a stack
//     overflow somewhere downstream. Fastify's own parser then reads it, keeping
//     its refusal of prototype-poisoning keys.
//   - A request Node's HTTP parser cannot read (a bad Content-Length, broken
//     headers) never reaches fastify; it is answered here in the product's own
//     shape, {error:{code,message}}, in Vietnamese, instead of fastify's English.
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { checkJsonText, REQUEST_LIMITS } from '../../core/limits';
import { ApiError } from './errors';

export function installJsonParser(app: FastifyInstance): void {
  const readJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    // Size is the route's bodyLimit's business; depth is ours.
    const refusal = checkJsonText(String(body), { maxDepth: REQUEST_LIMITS.jsonDepth, maxBytes: Number.POSITIVE_INFINITY });
    if (refusal) {
      done(new ApiError(400, refusal.code, refusal.message), undefined);
      return;
    }
    readJson(request, String(body), done);
  });
}

const CONNECTION_ERRORS: Record<string, { status: number; code: string; message: string }> = {
  ERR_HTTP_REQUEST_TIMEOUT: { status: 408, code: 'REQUEST_TIMEOUT', message: 'Yêu cầu gửi quá chậm nên bị ngắt' },
  HPE_HEADER_OVERFLOW: { status: 431, code: 'HEADERS_TOO_LARGE', message: 'Phần đầu (header) của yêu cầu quá lớn' },
  HPE_INVALID_CONTENT_LENGTH: { status: 400, code: 'INVALID_LENGTH', message: 'Độ dài nội dung (Content-Length) không hợp lệ' },
  HPE_UNEXPECTED_CONTENT_LENGTH: { status: 400, code: 'INVALID_LENGTH', message: 'Độ dài nội dung (Content-Length) không hợp lệ' },
};
const UNREADABLE = { status: 400, code: 'BAD_REQUEST', message: 'Máy chủ không đọc được yêu cầu này' };

/** Fastify's `clientErrorHandler`: answers a request Node could not parse, then closes the connection. */
export function answerUnreadableRequest(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const { status, code, message } = CONNECTION_ERRORS[error.code ?? ''] ?? UNREADABLE;
  const body = JSON.stringify({ error: { code, message } });
  socket.end(
    `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ''}\r\nContent-Type: application/json; charset=utf-8\r\n` +
      `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`,
  );
}
