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

/** A body's issues, one line each with where it is (see core/validation). */
export { describeIssueLines as describeBodyError } from '../validation/vietnamese-issues';
