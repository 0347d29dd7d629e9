import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../..');
const electronInstalled = existsSync(path.join(ROOT, 'node_modules', 'electron', 'path.txt'));

describe('npm start where the Electron binary is missing', () => {
  it.skipIf(electronInstalled)('exits 1 with one explanation in English and Vietnamese pointing to npm run start:web', () => {
    const env = { ...process.env };
    delete env.ELECTRON_OVERRIDE_DIST_PATH;
    const run = spawnSync(process.execPath, ['scripts/start-desktop.mjs'], { cwd: ROOT, env, encoding: 'utf8' });

    expect(run.status).toBe(1);
    const paragraphs = run.stderr.trim().split(/\n\s*\n/);
    expect(paragraphs).toHaveLength(2);
    const [english = '', vietnamese = ''] = paragraphs;
    expect(english).toContain('Electron binary is not installed');
    expect(english).toContain('npm run start:web');
    expect(vietnamese).toContain('chưa có tệp chạy của Electron');
    expect(vietnamese).toContain('npm run start:web');
    // It stops before building anything or trying to download.
    expect(run.stdout).toBe('');
  });
});
