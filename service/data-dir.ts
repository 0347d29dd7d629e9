// Where the desktop app keeps its data when nobody says otherwise. It matches
// Electron's app.getPath('userData') for productName "Newsdesk", so the CLI,
// `start:web` and the desktop app all open the same local store.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Newsdesk';
export const STORE_FILE_NAME = 'newsdesk.db';

export function defaultDataDir(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string {
  const home = os.homedir();
  switch (platform) {
    case 'win32':
      return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
    case 'darwin':
      return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
    default:
      return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
  }
}

export function defaultStorePath(): string {
  return path.join(defaultDataDir(), STORE_FILE_NAME);
}
