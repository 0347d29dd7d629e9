// The renderer, built once into a folder of its own that start:web serves with
// --static. Building into a temp folder (not out/renderer) leaves the desktop
// build alone and gives every test file of a run the very same bundle.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { ROOT } from '../service-web';

const VITE = path.join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
const CONFIG = path.join(ROOT, 'renderer', 'vite.config.ts');

/** `npm run build:renderer`, with its output sent to outDir. */
export function buildRenderer(outDir: string): Promise<void> {
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      [VITE, 'build', '--config', CONFIG, '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'],
      { cwd: ROOT, maxBuffer: 16 * 1024 * 1024, env: { ...process.env, NO_COLOR: '1' } },
      (error, stdout, stderr) => {
        if (error) reject(new Error(`The renderer build failed:\n${stdout}\n${stderr}`));
        else resolve();
      },
    );
  });
}
