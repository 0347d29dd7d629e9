// start:web serves the renderer as built by Vite into out/renderer. When it was
// never built, it builds it once (its output goes to stderr: stdout carries only
// the ready line); without a Vite config there is nothing to build, and the
// server explains that on its front page instead.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_OUT = path.join(PROJECT_ROOT, 'out', 'renderer');
const VITE_CONFIG = path.join(PROJECT_ROOT, 'renderer', 'vite.config.ts');
const VITE_BIN = path.join(PROJECT_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');

export function isRendererBuilt(dir: string = RENDERER_OUT): boolean {
  return fs.existsSync(path.join(dir, 'index.html'));
}

/** The folder to serve, building it first if needed; null when there is no UI to serve. */
export function ensureRendererBuilt(log: (line: string) => void): string | null {
  if (isRendererBuilt()) return RENDERER_OUT;
  if (!fs.existsSync(VITE_CONFIG) || !fs.existsSync(VITE_BIN)) {
    log('Newsdesk: the renderer is not built and there is no renderer/vite.config.ts; serving a notice instead.');
    return null;
  }
  log('Newsdesk: building the renderer (vite build --config renderer/vite.config.ts)…');
  const build = spawnSync(process.execPath, [VITE_BIN, 'build', '--config', VITE_CONFIG], {
    cwd: PROJECT_ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (build.status !== 0 || !isRendererBuilt()) {
    log('Newsdesk: the renderer build failed; serving a notice instead.');
    return null;
  }
  return RENDERER_OUT;
}
