// The renderer's build: one page, relative asset URLs (base './') so that the
// same files load under Electron's app:// protocol and over the local HTTP
// transport. No inline scripts, so that a strict CSP holds.
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  build: {
    outDir: fileURLToPath(new URL('../out/renderer', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome130',
    sourcemap: true,
    // The editor is split off (loaded on first open); warn only if a chunk gets truly large.
    chunkSizeWarningLimit: 1500,
  },
});
