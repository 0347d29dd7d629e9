// The password for `user add`: typed at a terminal without echo, or read from
// stdin when piped (scripts, tests). Never from argv, where `ps` would show it.
import { stdin, stderr } from 'node:process';

export async function readPasswordFromPipe(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

export function promptHidden(prompt: string): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    stderr.write(prompt);
    let typed = '';
    stdin.setRawMode(true);
    stdin.resume();
    stdin.setEncoding('utf8');
    const finish = (error?: Error) => {
      stdin.setRawMode(false);
      stdin.pause();
      stdin.off('data', onData);
      stderr.write('\n');
      if (error) reject(error);
      else resolvePromise(typed);
    };
    const onData = (data: string) => {
      for (const ch of data) {
        if (ch === '\r' || ch === '\n' || ch === '\u0004') return finish();
        if (ch === '\u0003') return finish(new Error('Đã huỷ'));
        if (ch === '\u007f' || ch === '\b') typed = [...typed].slice(0, -1).join('');
        else typed += ch;
      }
    };
    stdin.on('data', onData);
  });
}

export async function readNewPassword(): Promise<string> {
  if (!stdin.isTTY) return readPasswordFromPipe();
  const first = await promptHidden('Mật khẩu: ');
  const second = await promptHidden('Nhập lại mật khẩu: ');
  if (first !== second) throw new Error('Hai lần nhập mật khẩu không khớp');
  return first;
}
