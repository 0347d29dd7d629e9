export type Migration = { version: number; name: string; sql: string };

/** Refuses a list whose versions are not 1, 2, 3…: a gap means a lost file. */
export function checkMigrationOrder(migrations: readonly Migration[]): void {
  migrations.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`Migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
}
