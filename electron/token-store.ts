// The sign-in token, kept between runs with Electron's safeStorage: encrypted
// by the OS keychain (Keychain, DPAPI, libsecret/kwallet) into a file in
// userData. Where the OS offers no real keychain (safeStorage unavailable, or
// Linux's "basic_text" fallback, which is a fixed key), the token is kept in
// memory only: the user signs in again after a restart rather than leaving a
// readable token on disk.
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { safeStorage } from 'electron';
import { storedToken, type StoredToken, type TokenStore } from '../service';

export const TOKEN_FILE_NAME = 'sync-token.bin';

function keychainAvailable(): boolean {
  if (!safeStorage.isEncryptionAvailable()) return false;
  if (process.platform === 'linux' && typeof safeStorage.getSelectedStorageBackend === 'function') {
    return safeStorage.getSelectedStorageBackend() !== 'basic_text';
  }
  return true;
}

function isMissing(error: unknown): boolean {
  return typeof error === 'object' && error !== null && 'code' in error && error.code === 'ENOENT';
}

export function createSafeTokenStore(file: string): TokenStore {
  let inMemory: StoredToken | null = null;

  return {
    async get() {
      if (inMemory) return inMemory;
      let bytes: Buffer;
      try {
        bytes = await fs.readFile(file);
      } catch (error) {
        if (isMissing(error)) return null;
        throw error;
      }
      if (!keychainAvailable()) return null;
      try {
        const parsed = storedToken.safeParse(JSON.parse(safeStorage.decryptString(bytes)));
        return parsed.success ? parsed.data : null;
      } catch {
        // Written under another OS account or keychain: unreadable here, so signed out.
        return null;
      }
    },

    async set(token) {
      const valid = storedToken.parse(token);
      if (!keychainAvailable()) {
        inMemory = valid;
        await fs.rm(file, { force: true });
        return;
      }
      inMemory = null;
      const encrypted = safeStorage.encryptString(JSON.stringify(valid));
      // Written aside and renamed, so a crash never leaves half a token.
      const temporary = `${file}.${randomBytes(4).toString('hex')}.tmp`;
      await fs.writeFile(temporary, encrypted, { mode: 0o600 });
      await fs.rename(temporary, file);
    },

    async clear() {
      inMemory = null;
      await fs.rm(file, { force: true });
    },
  };
}
