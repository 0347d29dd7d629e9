#!/usr/bin/env node
// `npm start`: builds the renderer, the Electron main process and the preload,
// then runs them in Electron. `--build-only` builds and stops; `npm run package`
// uses it before electron-builder. Arguments after `--` go to Electron.
import { spawn } from 'node:child_process';
import console from 'node:console';
import { existsSync, readFileSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import process from 'node:process';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const buildOnly = args.includes('--build-only');
const electronArgs = args.filter((arg) => arg !== '--build-only');

const MISSING_ELECTRON = `
Newsdesk cannot start the desktop app here: the Electron binary is not installed on this machine (its download failed or was not allowed when the packages were installed). Everything else works without it: run \`npm run start:web\` and open the address it prints in a browser. To use the desktop app, install Electron on a machine that can download it (\`npx install-electron\`), then run \`npm start\` again.

Newsdesk không mở được bản ứng dụng máy tính ở đây: máy này chưa có tệp chạy của Electron (không tải về được, hoặc không được phép tải, khi cài các gói). Mọi phần khác vẫn dùng được: hãy chạy \`npm run start:web\` rồi mở trong trình duyệt địa chỉ mà lệnh in ra. Muốn dùng bản máy tính, hãy cài Electron trên một máy tải được (\`npx install-electron\`), rồi chạy lại \`npm start\`.
`;

/** The Electron executable, or undefined when it is not installed. */
function findElectronBinary() {
  let packageDir;
  try {
    packageDir = path.dirname(require.resolve('electron/package.json'));
  } catch {
    return undefined;
  }
  // require('electron') starts a download when the binary is missing, so look
  // before requiring: `npm start` must never pull 100 MB by surprise.
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH === undefined) {
    const pathFile = path.join(packageDir, 'path.txt');
    if (!existsSync(pathFile)) return undefined;
    if (!existsSync(path.join(packageDir, 'dist', readFileSync(pathFile, 'utf8')))) return undefined;
  }
  let binary;
  try {
    binary = require('electron');
  } catch {
    return undefined;
  }
  return typeof binary === 'string' && existsSync(binary) ? binary : undefined;
}

async function buildRenderer() {
  const configFile = path.join(root, 'renderer', 'vite.config.ts');
  if (!existsSync(configFile)) {
    console.log('renderer/vite.config.ts does not exist yet: skipping the renderer build (out/renderer stays as it is).');
    return;
  }
  const { build } = await import('vite');
  await build({ configFile, mode: 'production' });
}

// esbuild comes with vite and tsx. better-sqlite3 stays outside the bundle for
// its native module; electron is provided by the runtime.
const COMMON_BUILD_OPTIONS = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node22',
  sourcemap: true,
  logLevel: 'warning',
};

/** Bundles electron/main.ts to `${outDir}/main.js` (ESM, as package.json "type" says). */
export async function buildMain(outDir = path.join(root, 'out', 'electron')) {
  const { build } = await import('esbuild');
  // db/migrate.ts reads its SQL files from ./migrations next to the running
  // module, which after bundling is main.js.
  await cp(path.join(root, 'db', 'migrations'), path.join(outDir, 'migrations'), {
    recursive: true,
    filter: (source) => !source.endsWith('.ts'),
  });
  await build({
    ...COMMON_BUILD_OPTIONS,
    entryPoints: ['electron/main.ts'],
    outfile: path.join(outDir, 'main.js'),
    format: 'esm',
    external: ['electron', 'better-sqlite3'],
    // Bundled CommonJS packages still call require() for Node built-ins.
    banner: { js: "import { createRequire as __newsdeskCreateRequire } from 'node:module';\nconst require = __newsdeskCreateRequire(import.meta.url);" },
  });
}

/** Bundles electron/preload.ts to `${outDir}/preload.cjs`: sandboxed preloads must be CommonJS and self-contained. */
export async function buildPreload(outDir = path.join(root, 'out', 'electron')) {
  const { build } = await import('esbuild');
  await build({
    ...COMMON_BUILD_OPTIONS,
    entryPoints: ['electron/preload.ts'],
    outfile: path.join(outDir, 'preload.cjs'),
    format: 'cjs',
    external: ['electron'],
  });
}

async function main() {
  const electron = buildOnly ? undefined : findElectronBinary();
  if (!buildOnly && electron === undefined) {
    process.stderr.write(MISSING_ELECTRON);
    return 1;
  }
  await buildRenderer();
  await Promise.all([buildMain(), buildPreload()]);
  if (electron === undefined) {
    console.log('Built out/renderer and out/electron.');
    return 0;
  }
  const env = { ...process.env };
  // Set by some tools; it would make Electron behave as plain Node.
  delete env.ELECTRON_RUN_AS_NODE;
  const child = spawn(electron, [root, ...electronArgs], { stdio: 'inherit', env });
  for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
  return new Promise((resolve) => {
    child.on('error', (error) => {
      console.error(`Could not run Electron (${electron}): ${error.message}`);
      resolve(1);
    });
    child.on('exit', (code, signal) => resolve(code ?? (signal === null ? 0 : 1)));
  });
}

// Run only as a script; the tests import buildPreload() from here.
if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
