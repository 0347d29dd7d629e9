// The layer rules of ARCHITECTURE.md, fed one file that breaks each and one that
// keeps it, through ESLint's own API and the project's eslint.config.js.
import { ESLint } from 'eslint';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../..');
const eslint = new ESLint({ cwd: root });

async function layerErrors(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'newsdesk/layers' || m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('layer rules', () => {
  it.each([
    ['core/ imports no other room', 'core/story/x.ts', "import { openStoreDatabase } from '../../db';"],
    ['core/ imports no other room, however deep', 'core/story/lexical/x.ts', "export { createAppService } from '../../../service/index';"],
    ['core/ imports no Node', 'core/text/x.ts', "import fs from 'node:fs';\nexport const f = fs;"],
    ['renderer/ imports nothing outside itself but core/', 'renderer/app/x.ts', "import { ServiceError } from '../../service/errors';"],
    ['renderer/ does not reach the server', 'renderer/app/x.ts', "import { loadConfig } from '../../server/config';"],
    ['server/ imports nothing outside itself but core/', 'server/site/x.ts', "import { StoryRepository } from '../../db';"],
    ['server/ does not reach the desk service', 'server/x.ts', "const m = await import('../service');\nexport { m };"],
    ['db/ does not reach the service', 'db/x.ts', "import { ServiceError } from '../service/errors';"],
    ['service/ does not reach the server', 'service/sync/x.ts', "import { hashToken } from '../../server/auth/tokens';"],
    ['electron/ uses only service/\'s entry', 'electron/x.ts', "import { PRODUCT_NAME } from '../service/data-dir';"],
    ['electron/ does not reach db/', 'electron/x.ts', "import { openStoreDatabase } from '../db';"],
    ['cli/ uses only service/\'s entry', 'cli/commands/x.ts', "import { Outbox } from '../../db/outbox/outbox';"],
    ['cli/ does not reach db/', 'cli/x.ts', "export * from '../db';"],
    ['only electron/ imports electron', 'service/x.ts', "import { app } from 'electron';\nexport const a = app;"],
  ])('%s', async (_rule, file, code) => {
    expect(await layerErrors(file, code)).not.toEqual([]);
  });

  it.each([
    ['core/ within core/', 'core/story/x.ts', "import { normalizeText } from '../text';"],
    ['renderer/ to core/', 'renderer/app/x.ts', "import { HANDLER_NAMES } from '../../core/api';"],
    ['server/ within server/, into a subfolder named like a room', 'server/main.ts', "import { run } from './cli/user-command';"],
    ['service/ to db/ and core/', 'service/x.ts', "import { openStoreDatabase } from '../db';\nimport { slugify } from '../core/text';"],
    ['electron/ to service/\'s entry', 'electron/x.ts', "import { PRODUCT_NAME } from '../service';"],
    ['cli/ to service/index', 'cli/x.ts', "import { createAppService } from '../service/index';"],
    ['test/ is free', 'test/unit/x.test.ts', "import { Outbox } from '../../db';\nimport { app } from '../../server/app';"],
  ])('allows %s', async (_rule, file, code) => {
    expect(await layerErrors(file, code)).toEqual([]);
  });
});
