// npm run server -- user add NAME --role reporter|editor|chief [--display-name "Tên hiển thị"]
import { parseArgs } from 'node:util';
import { addUser, newUser } from '../auth/users';
import { openStorage } from '../storage/open';
import { UserExistsError } from '../storage/types';
import { readNewPassword } from './read-password';

export const USER_USAGE =
  'Cách dùng: npm run server -- user add TÊN --role reporter|editor|chief [--display-name "Tên hiển thị"]  (mật khẩu nhập từ bàn phím hoặc stdin)';

/** Returns the process exit code; messages go to stderr/stdout for a person to read. */
export async function runUserCommand(args: string[], databaseUrl: string | undefined): Promise<number> {
  const { positionals, values } = parseArgs({ args, options: { role: { type: 'string' }, 'display-name': { type: 'string' } }, allowPositionals: true, strict: false });
  const [action, name] = positionals;
  const shown = values['display-name'];
  if (action !== 'add' || !name || typeof values.role !== 'string' || (shown !== undefined && typeof shown !== 'string')) {
    console.error(USER_USAGE);
    return 2;
  }
  const password = await readNewPassword();
  const input = newUser.safeParse({ username: name, password, role: values.role, ...(shown !== undefined ? { displayName: shown } : {}) });
  if (!input.success) {
    console.error(`Không tạo được tài khoản: ${input.error.issues[0]?.message}`);
    return 1;
  }
  const storage = await openStorage(databaseUrl, (error) => console.error(error.message));
  try {
    const user = await addUser(storage, input.data);
    const named = user.displayName === null ? '' : `, tên hiển thị “${user.displayName}”`;
    console.log(`Đã tạo tài khoản ${user.username} (${user.role}${named})`);
    return 0;
  } catch (error) {
    if (error instanceof UserExistsError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await storage.close();
  }
}
