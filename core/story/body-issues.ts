// Zod's default messages ("Invalid input", "Unrecognized key") tell an editor
// nothing. A body arrives from the editor, from imports and from other desks,
// so a rejected one must say which node is wrong and why, in Vietnamese.
import { z } from 'zod';

function typeOf(input: unknown): string | null {
  if (typeof input !== 'object' || input === null) return null;
  const type = (input as { type?: unknown }).type;
  return typeof type === 'string' ? type : null;
}

/** Error map for a node object: unknown fields and non-objects get readable messages. */
export const nodeObjectIssue: z.core.$ZodErrorMap = (issue) => {
  if (issue.code === 'unrecognized_keys') {
    const type = typeOf(issue.input);
    const owner = type === null ? 'Nút' : `Nút "${type}"`;
    return `${owner} có trường không được hỗ trợ: ${issue.keys.join(', ')}`;
  }
  if (issue.code === 'invalid_type' && issue.expected === 'object') return 'Mỗi nút phải là một đối tượng JSON';
  return undefined;
};

/** Error map for a choice of node types: names the type found and the types allowed there. */
export function unknownNodeIssue(where: string, allowed: readonly string[]): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code === 'invalid_type' && issue.expected === 'object') return 'Mỗi nút phải là một đối tượng JSON';
    if (issue.code !== 'invalid_union') return undefined;
    const type = typeOf(issue.input);
    const found = type === null ? 'Nút không có loại (type)' : `Loại nút "${type}" không được hỗ trợ`;
    return `${found} ${where}; chỉ dùng được: ${allowed.join(', ')}`;
  };
}

/** Where in the body an issue sits, for people: "khối 3 › nút 2 › url". */
function describePath(fullPath: readonly PropertyKey[]): string {
  // A wrong node type is reported on its `type` field; the message already says so.
  const path = fullPath.at(-1) === 'type' ? fullPath.slice(0, -1) : fullPath;
  const parts: string[] = [];
  let depth = 0;
  for (let i = 0; i < path.length; i++) {
    const key = path[i];
    const next = path[i + 1];
    if (key === 'root') continue;
    if (key === 'children' && typeof next === 'number') {
      parts.push(`${depth === 0 ? 'khối' : 'nút'} ${next + 1}`);
      depth++;
      i++;
      continue;
    }
    parts.push(typeof key === 'number' ? `mục ${key + 1}` : String(key));
  }
  return parts.join(' › ');
}

/** One line per issue, each prefixed by where it is: what an editor or an importer shows. */
export function describeBodyError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const where = describePath(issue.path);
      return where === '' ? issue.message : `${where}: ${issue.message}`;
    })
    .join('\n');
}
