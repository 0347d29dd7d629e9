// The story list over a large store: the window holds only the rows in view,
// and scrolling pages through the whole archive down to its oldest story.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { openStoreDatabase } from '../../db';
import { importStories } from '../helpers/db-import';
import { STORE_FILE_NAME } from '../../service/data-dir';
import { syntheticMarker, syntheticStories } from '../helpers/db-story-content';
import { eventually } from '../helpers/e2e/page';
import { useAppSession } from '../helpers/e2e/session';

const STORIES = 3_000;
const session = useAppSession();
let seeded: string | null = null;

afterEach(() => {
  if (seeded !== null) rmSync(seeded, { recursive: true, force: true });
  seeded = null;
});

function seedStore(): string {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'newsdesk-e2e-list-'));
  const db = openStoreDatabase(path.join(dataDir, STORE_FILE_NAME));
  importStories(db, syntheticStories(STORIES), { author: 'Mạnh Quân' });
  db.close();
  return dataDir;
}

describe('the story list', () => {
  test(`keeps a window of rows in the page while scrolling through ${STORIES} stories`, async () => {
    seeded = seedStore();
    const app = await session.startApp({ dataDir: seeded });
    const { page } = await session.openPage(app);
    const list = page.getByTestId('story-list');
    await page.getByTestId('story-row').first().waitFor();

    const oldest = syntheticMarker(0);
    let mostRows = 0;
    await eventually(
      async () => {
        const seen = await list.evaluate((element, marker) => {
          element.scrollTop = element.scrollHeight;
          const rows = element.querySelectorAll('[data-testid="story-row"]');
          return { rows: rows.length, found: [...rows].some((row) => row.textContent?.includes(marker)) };
        }, oldest);
        mostRows = Math.max(mostRows, seen.rows);
        return seen.found ? true : undefined;
      },
      `the oldest story (${oldest}) at the end of the list`,
      60_000,
    );
    expect(mostRows).toBeGreaterThan(5);
    expect(mostRows).toBeLessThan(100);
  });
});
