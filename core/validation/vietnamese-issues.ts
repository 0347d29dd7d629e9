// Zod's default messages ("Invalid input: expected string, received number")
// tell a reporter nothing. The one place that turns zod issues into Vietnamese
// for people: the error map every desk handler parses with (messages set on a
// schema, e.g. "Mã bài viết không hợp lệ", win), where an issue sits ("Thân
// bài › khối 3 › nút 2"), and the summaries the desk, the importer, the editor
// and the server's 400 answers show.
import type { z } from 'zod';

const FIELD_LABELS: Record<string, string> = {
  id: 'Mã',
  storyId: 'Mã bài viết',
  content: 'Nội dung bài',
  headline: 'Tít',
  sapo: 'Sapo',
  byline: 'Tên tác giả',
  section: 'Chuyên mục',
  tags: 'Thẻ',
  slug: 'Slug',
  related: 'Tin liên quan',
  body: 'Thân bài',
  status: 'Trạng thái',
  author: 'Người viết',
  trashed: 'Thùng rác',
  limit: 'Số lượng',
  cursor: 'Vị trí trang',
  query: 'Từ khóa tìm kiếm',
  fileName: 'Tên tệp',
  bytes: 'Dữ liệu tệp',
  withTeasers: 'Nhập kèm tin gợi ý',
  sha256: 'Mã ảnh (sha256)',
  language: 'Ngôn ngữ',
  theme: 'Giao diện',
  userName: 'Tên người dùng',
  sectionTargets: 'Độ dài mục tiêu theo chuyên mục',
  personalDictionary: 'Từ điển cá nhân',
  serverUrl: 'Địa chỉ máy chủ',
};

const TYPE_NAMES: Record<string, string> = {
  string: 'chuỗi ký tự',
  number: 'số',
  int: 'số nguyên',
  boolean: 'true hoặc false',
  array: 'danh sách',
  object: 'đối tượng JSON',
  record: 'đối tượng JSON',
  null: 'null',
};

const FORMAT_NAMES: Record<string, string> = {
  uuid: 'không phải mã hợp lệ',
  url: 'không phải địa chỉ web hợp lệ',
  datetime: 'không phải thời gian theo ISO 8601',
};

/**
 * Where an issue sits, for people. A handler's argument path names its field
 * ("Thân bài › khối 3 › nút 2 › “url”", "Tít"); a bare story body's path starts
 * at its root ("khối 3 › nút 2 › url", where a wrong node type is reported on
 * the node itself, since the message already names the type). "" is the whole value.
 */
export function describePath(path: readonly PropertyKey[]): string {
  const bareBody = path[0] === 'root';
  let keys = path[0] === 'content' && path.length > 1 ? path.slice(1) : path;
  if (bareBody && keys.at(-1) === 'type') keys = keys.slice(0, -1);
  const parts: string[] = [];
  let inBody = bareBody;
  let depth = 0;
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    const next = keys[i + 1];
    if (key === 'body' && parts.length === 0) inBody = true;
    if (inBody && key === 'root') continue;
    if (inBody && key === 'children' && typeof next === 'number') {
      parts.push(`${depth === 0 ? 'khối' : 'nút'} ${next + 1}`);
      depth++;
      i++;
      continue;
    }
    if (typeof key === 'number') parts.push(`mục ${key + 1}`);
    else if (parts.length === 0 && typeof key === 'string' && key in FIELD_LABELS) parts.push(FIELD_LABELS[key] ?? key);
    else parts.push(bareBody ? String(key) : `“${String(key)}”`);
  }
  return parts.join(' › ');
}

function sizeProblem(origin: string, bound: number | bigint, big: boolean): string {
  const n = bound.toString();
  switch (origin) {
    case 'string':
      return big ? `dài quá ${n} ký tự` : bound === 1 ? 'không được để trống' : `phải có ít nhất ${n} ký tự`;
    case 'array':
    case 'set':
      return big ? `có quá ${n} mục` : `phải có ít nhất ${n} mục`;
    default:
      return big ? `không được lớn hơn ${n}` : `không được nhỏ hơn ${n}`;
  }
}

function problemOf(issue: z.core.$ZodRawIssue): string {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return 'bắt buộc phải có';
      return `phải là ${TYPE_NAMES[issue.expected] ?? issue.expected}`;
    case 'too_big':
      return sizeProblem(issue.origin, issue.maximum, true);
    case 'too_small':
      return sizeProblem(issue.origin, issue.minimum, false);
    case 'invalid_format':
      return FORMAT_NAMES[issue.format] ?? 'không đúng định dạng';
    case 'invalid_value':
      return `phải là một trong: ${issue.values.map((value) => String(value)).join(', ')}`;
    case 'unrecognized_keys':
      return `có trường không được hỗ trợ: ${issue.keys.join(', ')}`;
    default:
      return 'không hợp lệ';
  }
}

/** The per-parse error map: a Vietnamese sentence for every issue whose schema set no message of its own. */
export const vietnameseIssueMessage: z.core.$ZodErrorMap = (issue) => {
  const where = describePath(issue.path ?? []);
  const problem = problemOf(issue);
  if (where !== '') return `${where} ${problem}`;
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'Tham số phải là một đối tượng JSON';
  return `Tham số ${problem}`;
};

const SHOWN_ISSUES = 3;

/** All issues in one readable message: the first few, then how many more. */
export function summarizeIssues(issues: readonly z.core.$ZodIssue[]): string {
  const messages = [...new Set(issues.map((issue) => issue.message))];
  if (messages.length === 0) return 'Dữ liệu gửi lên không hợp lệ';
  const shown = messages.slice(0, SHOWN_ISSUES).join('; ');
  const more = messages.length - SHOWN_ISSUES;
  return more > 0 ? `${shown} (và ${more} lỗi khác)` : shown;
}

/** One line per issue, each prefixed by where it is: what an editor or an importer shows. */
export function describeIssueLines(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = describePath(issue.path);
      return where === '' ? issue.message : `${where}: ${issue.message}`;
    })
    .join('\n');
}

/** Issues as `path: message` pairs for programs (dotted path), short enough to show in a status bar. */
export function listIssues(error: z.ZodError): Array<{ path: string; message: string }> {
  return error.issues.slice(0, 20).map((issue) => ({ path: issue.path.map(String).join('.'), message: issue.message }));
}
