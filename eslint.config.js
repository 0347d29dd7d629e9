// ESLint flat config: typescript-eslint's recommended rules, plus the layer rules from STYLE.md.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import layers from './lint/layers.js';

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', 'release/', 'bench/results/', 'test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // The rooms and what each may import (ARCHITECTURE.md); test/ and scripts/ are free.
    files: ['core/**/*.{ts,tsx}', 'db/**/*.ts', 'service/**/*.ts', 'renderer/**/*.{ts,tsx}', 'server/**/*.ts', 'electron/**/*.ts', 'cli/**/*.ts'],
    plugins: { newsdesk: layers },
    rules: { 'newsdesk/layers': 'error' },
  },
  {
    // core/ is pure: it runs in the renderer, the app service and the server alike.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [
          { group: ['node:*', 'fs', 'path', 'os', 'child_process', 'better-sqlite3', 'electron', 'react', 'react-dom'], message: 'core/ is pure: no Node, DOM or Electron imports.' },
        ],
      }],
    },
  },
  {
    // Only electron/ may touch Electron.
    files: ['db/**', 'service/**', 'server/**', 'renderer/**', 'cli/**'],
    rules: {
      'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Only electron/ may import electron.' }] }],
    },
  },
);
