import { z } from 'zod';
import { normalizeText } from '../text';

/** reporter writes; editor edits and publishes; chief (editor-in-chief) also administers accounts. */
export const ROLES = ['reporter', 'editor', 'chief'] as const;
export const role = z.enum(ROLES, { message: 'Vai trò phải là reporter, editor hoặc chief' });
export type Role = z.infer<typeof role>;

/** Editors and the editor-in-chief: the desk, who see past drafts and publish. */
export function isDesk(r: Role): boolean {
  return r === 'editor' || r === 'chief';
}

export const username = z
  .string()
  .min(2, 'Tên đăng nhập quá ngắn (ít nhất 2 ký tự)')
  .max(40, 'Tên đăng nhập quá dài (tối đa 40 ký tự)')
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'Tên đăng nhập chỉ gồm chữ thường không dấu, số, dấu chấm, gạch ngang');

export const password = z
  .string()
  .min(8, 'Mật khẩu phải có ít nhất 8 ký tự')
  .max(1024, 'Mật khẩu quá dài');

/** The name readers see in a byline ("Nguyễn Hoàng Phong"): any letters, NFC, one line. */
export const displayName = z
  .string()
  .transform((name) => normalizeText(name).replace(/\s+/gu, ' ').trim())
  .pipe(
    z
      .string()
      .min(1, 'Tên hiển thị không được để trống')
      .max(100, 'Tên hiển thị quá dài (tối đa 100 ký tự)'),
  );
