// The shape of the tree, held by tests (ARCHITECTURE.md): no import cycles, no
// source file over 400 lines, one naming scheme, and no two test files with
// the same name.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const ROOMS = ['core', 'db', 'service', 'server', 'renderer', 'electron', 'cli'];
const MAX_LINES = 400;

const tracked = execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
  .split('\n')
  .filter((file) => file !== '' && fs.existsSync(path.join(root, file)));
const sources = tracked.filter((file) => ROOMS.includes(file.split('/')[0] ?? '') && /\.(ts|tsx|css)$/.test(file));
const modules = sources.filter((file) => /\.tsx?$/.test(file));

const IMPORT = /(?:^|\n)\s*(?:import|export)\s[^'"]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g;

/** The project file a relative import names, trying the endings TypeScript tries. */
function resolveImport(from: string, source: string): string | null {
  const base = path.posix.normalize(path.posix.join(path.posix.dirname(from), source.replace(/\?.*$/, '')));
  const candidates = [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`, base.replace(/\.js$/, '.ts')];
  return candidates.find((candidate) => modules.includes(candidate)) ?? null;
}

/** Static imports, type-only ones included: a cycle of types still ties two modules into one. */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(root, file), 'utf8');
  const found: string[] = [];
  for (const match of text.matchAll(IMPORT)) {
    if (match[2] !== undefined) continue; // a dynamic import loads lazily, on purpose
    const target = resolveImport(file, match[1] ?? '');
    if (target !== null) found.push(target);
  }
  return found;
}

function findCycles(): string[][] {
  const graph = new Map(modules.map((file) => [file, importsOf(file)]));
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const cycles: string[][] = [];
  function visit(file: string): void {
    state.set(file, 'open');
    stack.push(file);
    for (const next of graph.get(file) ?? []) {
      if (state.get(next) === 'open') cycles.push([...stack.slice(stack.indexOf(next)), next]);
      else if (!state.has(next)) visit(next);
    }
    stack.pop();
    state.set(file, 'done');
  }
  for (const file of modules) if (!state.has(file)) visit(file);
  return cycles;
}

describe('the tree', () => {
  it('has no import cycles', () => {
    expect(findCycles().map((cycle) => cycle.join(' → '))).toEqual([]);
  });

  it(`has no source file over ${MAX_LINES} lines`, () => {
    const long = sources
      .map((file) => ({ file, lines: fs.readFileSync(path.join(root, file), 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines}`);
    expect(long).toEqual([]);
  });

  it('names modules in kebab-case, components in PascalCase and hooks useX', () => {
    const misnamed = sources.filter((file) => {
      const name = path.posix.basename(file);
      if (/^use[A-Z][A-Za-z0-9]*\.tsx?$/.test(name)) return false; // a hook
      if (name === 'main.tsx' || /^[a-z]+\.config\.ts$/.test(name)) return false; // an entry point, a tool's config
      if (name.endsWith('.tsx')) return !/^[A-Z][A-Za-z0-9]*\.tsx$/.test(name); // a component
      return !/^[a-z0-9]+(?:-[a-z0-9]+)*(?:\.d)?\.(?:ts|css)$/.test(name); // a module or a style sheet
    });
    expect(misnamed).toEqual([]);
  });

  it('has no two test files with the same name', () => {
    const byName = new Map<string, string[]>();
    for (const file of tracked.filter((f) => f.startsWith('test/') && /\.test\.tsx?$/.test(f))) {
      const name = path.posix.basename(file);
      byName.set(name, [...(byName.get(name) ?? []), file]);
    }
    expect([...byName.values()].filter((files) => files.length > 1)).toEqual([]);
  });

  it('keeps test helpers in test/helpers/, not beside the tests', () => {
    const strays = tracked.filter((file) => /^test\/(unit|integration|server|e2e)\//.test(file) && /\.tsx?$/.test(file) && !/\.test\.tsx?$/.test(file) && !file.startsWith('test/e2e/global-setup'));
    expect(strays).toEqual([]);
  });
});
