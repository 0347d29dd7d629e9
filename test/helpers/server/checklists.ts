// Server environments for tests that load archives or hostile text rather than
// stories a desk would publish: the checklist only warns about what such text
// lacks (no byline on a teaser, a 200-character XSS headline), so the tests
// exercise the site and not the checklist (which test/server/workflow-*.test.ts do).
import { fileURLToPath } from 'node:url';

export const ARCHIVE_CHECKLIST_ENV = {
  CHECKLIST_FILE: fileURLToPath(new URL('../../fixtures/checklist-archive.json', import.meta.url)),
};
