import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// js-yaml and ajv come with electron-builder; they are loaded untyped on purpose.
const require = createRequire(import.meta.url);
const yaml = require('js-yaml') as { load(text: string): unknown };
const Ajv = require('ajv') as new (options: object) => {
  compile(schema: unknown): ((data: unknown) => boolean) & { errors?: unknown };
};

const ROOT = path.resolve(__dirname, '../..');
const config = yaml.load(readFileSync(path.join(ROOT, 'build/electron-builder.yml'), 'utf8')) as Record<string, unknown>;
const packageJson = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
  main: string;
  scripts: Record<string, string>;
  optionalDependencies: Record<string, string>;
};

describe('build/electron-builder.yml', () => {
  it("is valid for electron-builder's own schema", () => {
    const schema = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as unknown;
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    expect(validate(config), JSON.stringify(validate.errors)).toBe(true);
  });

  it('names the app and pins Electron to the optional dependency', () => {
    expect(config).toMatchObject({ appId: 'vn.newsdesk.app', productName: 'Newsdesk' });
    expect(config.electronVersion).toBe(packageJson.optionalDependencies.electron);
  });

  it('ships out/ and package.json, with the SQLite native module outside the asar', () => {
    expect(config.files).toEqual(expect.arrayContaining(['out/**', 'package.json']));
    expect(config.asarUnpack).toEqual(['node_modules/better-sqlite3/**/*.node']);
    expect(packageJson.main).toBe('out/electron/main.js');
  });

  it('targets AppImage and deb, NSIS and DMG', () => {
    expect(config).toMatchObject({
      linux: { target: ['AppImage', 'deb'] },
      win: { target: ['nsis'] },
      mac: { target: ['dmg'] },
    });
  });

  it('is what npm start and npm run package use', () => {
    expect(packageJson.scripts.start).toBe('node scripts/start-desktop.mjs');
    expect(packageJson.scripts.package).toBe(
      'node scripts/start-desktop.mjs --build-only && electron-builder --config build/electron-builder.yml',
    );
  });
});
