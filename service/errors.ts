// What the app service throws: a code for programs, a Vietnamese message for
// people, and a kind that transports map to their own vocabulary (the HTTP
// transport to a status). Errors from the store, the importer and zod are
// translated here, so that no raw TypeError or English zod text reaches the UI.
import type { CallError } from '../core/api';
import { ImportError } from '../core/import';
import { StoreError, type StoreErrorCode } from '../db';
import { z } from 'zod';
import { summarizeIssues } from '../core/validation/vietnamese-issues';

export type ServiceErrorKind = 'invalid' | 'not_found' | 'conflict' | 'too_large' | 'unavailable' | 'internal';

export class ServiceError extends Error implements CallError {
  override readonly name = 'ServiceError';

  constructor(
    readonly code: string,
    message: string,
    readonly kind: ServiceErrorKind = 'invalid',
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }

  /** The plain `{code, message}` that crosses a process boundary. */
  toJSON(): CallError {
    return { code: this.code, message: this.message };
  }
}

const STORE_ERROR_KINDS: Record<StoreErrorCode, ServiceErrorKind> = {
  DB_NEWER_THAN_APP: 'unavailable',
  MIGRATION_FAILED: 'unavailable',
  MIGRATIONS_BROKEN: 'unavailable',
  STORY_NOT_FOUND: 'not_found',
  STORY_IN_TRASH: 'conflict',
  STORY_CHANGED: 'conflict',
  LOCAL_ONLY: 'conflict',
  INVALID_INPUT: 'invalid',
  INVALID_CURSOR: 'invalid',
};

/** SQLite failures a person can do something about; the rest are internal. */
const SQLITE_ERRORS: Record<string, { code: string; message: string }> = {
  SQLITE_FULL: { code: 'DISK_FULL', message: 'Ổ đĩa đã đầy: không lưu được. Hãy giải phóng dung lượng rồi thử lại.' },
  SQLITE_BUSY: {
    code: 'STORE_BUSY',
    message: 'Kho dữ liệu đang bận vì một chương trình khác đang ghi vào nó. Hãy thử lại sau giây lát.',
  },
  SQLITE_READONLY: { code: 'STORE_READONLY', message: 'Không ghi được vào kho dữ liệu: tệp chỉ cho phép đọc.' },
  SQLITE_CORRUPT: {
    code: 'STORE_CORRUPT',
    message: 'Kho dữ liệu bị hỏng. Hãy đóng Newsdesk và báo cho bộ phận kỹ thuật; đừng xóa tệp dữ liệu.',
  },
};

export function invalidArgs(error: z.ZodError): ServiceError {
  return new ServiceError('INVALID_ARGS', summarizeIssues(error.issues), 'invalid', { cause: error });
}

function sqliteCode(error: unknown): string | null {
  if (!(error instanceof Error) || error.name !== 'SqliteError') return null;
  const code = (error as Error & { code?: unknown }).code;
  return typeof code === 'string' ? code : null;
}

/** Any thrown value as a ServiceError. Unexpected ones are logged, since their text is not for people. */
export function toServiceError(error: unknown): ServiceError {
  if (error instanceof ServiceError) return error;
  if (error instanceof StoreError) return new ServiceError(error.code, error.message, STORE_ERROR_KINDS[error.code], { cause: error });
  if (error instanceof ImportError) {
    const kind = error.code === 'too_large' ? 'too_large' : 'invalid';
    return new ServiceError(`IMPORT_${error.code.toUpperCase()}`, error.message, kind, { cause: error });
  }
  if (error instanceof z.ZodError) return invalidArgs(error);
  const sqlite = sqliteCode(error);
  const known = sqlite === null ? undefined : (SQLITE_ERRORS[sqlite] ?? SQLITE_ERRORS[sqlite.replace(/_[A-Z]+$/, '')]);
  if (known) return new ServiceError(known.code, known.message, 'unavailable', { cause: error });
  console.error('Newsdesk: unexpected error in the app service', error);
  return new ServiceError('INTERNAL', 'Đã có lỗi không mong muốn trong dịch vụ Newsdesk.', 'internal', { cause: error });
}
