// The sign-in token kept with safeStorage, against a stand-in for Electron's
// safeStorage (no Electron binary here): what reaches the disk is only what
// the keychain encrypted, and without a real keychain nothing reaches it.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createSafeTokenStore, TOKEN_FILE_NAME } from '../../electron/token-store';
import type { StoredToken } from '../../service';

const keychain = vi.hoisted(() => {
  const state = { available: true, backend: 'gnome_libsecret' as string, key: 0x5a };
  const MAGIC = 'khoá:';
  return {
    state,
    safeStorage: {
      isEncryptionAvailable: () => state.available,
      getSelectedStorageBackend: () => state.backend,
      encryptString(text: string): Buffer {
        if (!state.available) throw new Error('Encryption is not available.');
        return Buffer.from(Buffer.from(MAGIC + text, 'utf8').map((byte) => byte ^ state.key));
      },
      decryptString(bytes: Buffer): string {
        const text = Buffer.from(bytes.map((byte) => byte ^ state.key)).toString('utf8');
        if (!text.startsWith(MAGIC)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
        return text.slice(MAGIC.length);
      },
    },
  };
});

vi.mock('electron', () => ({ safeStorage: keychain.safeStorage }));

const TOKEN: StoredToken = {
  token: 'q8dU2bJ1m0fXk3n4p5r6s7t8u9v0w1x2y3z4A5B6C7D',
  serverUrl: 'https://toasoan.example.vn',
  username: 'hphong',
  expiresAt: '2026-12-31T17:00:00.000Z',
};

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'newsdesk-token-'));
  file = path.join(dir, TOKEN_FILE_NAME);
  Object.assign(keychain.state, { available: true, backend: 'gnome_libsecret', key: 0x5a });
});
afterEach(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('the safeStorage token store', () => {
  it('keeps the token encrypted on disk and reads it back after a restart', async () => {
    await createSafeTokenStore(file).set(TOKEN);
    const bytes = readFileSync(file);
    expect(bytes.toString('latin1')).not.toContain(TOKEN.token);
    expect(bytes.toString('utf8')).not.toContain(TOKEN.username);
    expect(await createSafeTokenStore(file).get()).toEqual(TOKEN);
  });

  it('forgets the token on clear, and clearing twice is fine', async () => {
    const store = createSafeTokenStore(file);
    await store.set(TOKEN);
    await store.clear();
    await store.clear();
    expect(existsSync(file)).toBe(false);
    expect(await createSafeTokenStore(file).get()).toBeNull();
  });

  it('reads nothing when nobody has signed in yet', async () => {
    expect(await createSafeTokenStore(file).get()).toBeNull();
  });

  const noKeychain: Array<[string, Partial<typeof keychain.state>]> = [
    ['safeStorage is unavailable', { available: false }],
    ...(process.platform === 'linux' ? [['Linux falls back to basic_text', { backend: 'basic_text' }] as [string, Partial<typeof keychain.state>]] : []),
  ];
  it.each(noKeychain)('keeps the token in memory only when %s', async (_case, state) => {
    await createSafeTokenStore(file).set(TOKEN);
    Object.assign(keychain.state, state);
    const store = createSafeTokenStore(file);
    await store.set({ ...TOKEN, token: 'M0iPhienKhacR3nGhiRaDiaB4ngChuTh4ngQ7x9Z0a1' });
    expect(existsSync(file)).toBe(false);
    expect((await store.get())?.token).toBe('M0iPhienKhacR3nGhiRaDiaB4ngChuTh4ngQ7x9Z0a1');
    expect(await createSafeTokenStore(file).get()).toBeNull();
  });

  it('treats a token it cannot decrypt (another account, a damaged file) as signed out', async () => {
    await createSafeTokenStore(file).set(TOKEN);
    keychain.state.key = 0x33;
    expect(await createSafeTokenStore(file).get()).toBeNull();
    writeFileSync(file, 'không phải dữ liệu mã hoá');
    expect(await createSafeTokenStore(file).get()).toBeNull();
  });

  it('refuses to keep something that is not a token', async () => {
    await expect(createSafeTokenStore(file).set({ ...TOKEN, token: '' })).rejects.toThrow();
    expect(existsSync(file)).toBe(false);
  });
});
