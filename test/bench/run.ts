// npm run bench -- [store|editor|server|merge ...]: runs the named benchmarks (all by
// default), writing bench/results/NAME.json and printing each result.
export {};
const BENCHMARKS: Record<string, () => Promise<object>> = {
  store: async () => (await import('./store')).benchStore(),
  editor: async () => (await import('./editor')).benchEditor(),
  server: async () => (await import('./server')).benchServer(),
  'sync-backlog': async () => (await import('./sync-backlog')).benchSyncBacklog(),
  merge: async () => (await import('./merge')).benchMerge(),
};

const names = process.argv.slice(2);
const chosen = names.length > 0 ? names : Object.keys(BENCHMARKS);
for (const name of chosen) {
  const run = BENCHMARKS[name];
  if (!run) {
    process.stderr.write(`Không có benchmark "${name}" (có: ${Object.keys(BENCHMARKS).join(', ')})\n`);
    process.exit(2);
  }
  process.stdout.write(`== ${name}\n`);
  const result = await run();
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
}
