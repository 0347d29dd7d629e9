// Who works in the newsroom. The server's accounts and the desk's buttons both
// read these, so a role means the same thing on both ends.
import { z } from 'zod';

/** reporter writes; editor edits and publishes; chief (editor-in-chief) may do everything. */
export const ROLES = ['reporter', 'editor', 'chief'] as const;
export const role = z.enum(ROLES, { message: 'Vai trò phải là reporter, editor hoặc chief' });
export type Role = z.infer<typeof role>;

export const ROLE_LABELS: Record<Role, string> = {
  reporter: 'phóng viên',
  editor: 'biên tập viên',
  chief: 'tổng biên tập',
};

/** Editors and the editor-in-chief: the desk. */
export function isDesk(r: Role): boolean {
  return r === 'editor' || r === 'chief';
}

export const username = z
  .string()
  .min(2, 'Tên đăng nhập quá ngắn (ít nhất 2 ký tự)')
  .max(40, 'Tên đăng nhập quá dài (tối đa 40 ký tự)')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang');

/** The person acting: all the state machine needs to know about them. */
export const workflowUser = z.object({ username, role });
export type WorkflowUser = z.infer<typeof workflowUser>;
