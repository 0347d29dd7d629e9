// Runs once before the e2e files: builds the renderer into a temp folder and
// hands its path to every file (inject('rendererDir')), so that parallel files
// never rebuild it at the same time.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildRenderer } from '../helpers/e2e/renderer-build';

declare module 'vitest' {
  export interface ProvidedContext {
    rendererDir: string;
  }
}

export default async function setup(project: TestProject): Promise<() => void> {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-renderer-'));
  await buildRenderer(dir);
  project.provide('rendererDir', dir);
  return () => rmSync(dir, { recursive: true, force: true });
}
