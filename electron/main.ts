// Entry point of the desktop app, bundled to out/electron/main.js by scripts/start-desktop.mjs.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { app, dialog } from 'electron';
import * as serviceModule from '../service';
import { startDesktopApp } from './desktop-app';

const here = path.dirname(fileURLToPath(import.meta.url));

startDesktopApp({
  serviceModule,
  rendererRoot: path.join(here, '..', 'renderer'),
  preloadPath: path.join(here, 'preload.cjs'),
}).catch((error: unknown) => {
  console.error('Newsdesk: start-up failed', error);
  dialog.showErrorBox(
    'Newsdesk không khởi động được',
    `Ứng dụng gặp lỗi khi khởi động. Chi tiết cho bộ phận kỹ thuật: ${error instanceof Error ? error.message : String(error)}`,
  );
  app.exit(1);
});
