// Run as a child process by the SIGKILL test: imports stories of a synthetic
// batch into the store at argv[2], going on from where an earlier (killed) run
// stopped, and reports progress on stdout so that the parent can kill it mid-batch.
//   node --import tsx test/helpers/db-import-child.ts STORE_PATH BATCH_SIZE
import { importStories } from './db-import';
import { openStoreDatabase } from '../../db/open';
import { syntheticStories } from './db-story-content';

const [storePath, batchArg] = process.argv.slice(2);
const batch = Number(batchArg);
if (!storePath || !Number.isInteger(batch) || batch <= 0) {
  process.stderr.write('usage: db-import-child.ts STORE_PATH BATCH_SIZE\n');
  process.exit(2);
}

const db = openStoreDatabase(storePath);
// The batch is imported in order, so the stories already there are its first ones.
const already = db.prepare('SELECT count(*) FROM stories').pluck().get() as number;

function* remaining() {
  let n = 0;
  for (const story of syntheticStories(batch)) if (n++ >= already) yield story;
}

process.stdout.write(`start ${already}\n`);
importStories(db, remaining(), {
  author: 'import',
  onProgress: (done) => {
    if (done % 50 === 0) process.stdout.write(`progress ${already + done}\n`);
  },
});
db.close();
process.stdout.write('done\n');
