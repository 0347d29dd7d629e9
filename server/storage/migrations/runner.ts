// The one migration runner both databases use. Each database supplies the few
// statements that differ (./dialect); the order check, the bookkeeping table
// and the rule "each migration once, all in one transaction" live here.
import type { Migration } from './migration';
import { checkMigrationOrder } from './migration';

export interface MigrationTarget {
  /** Runs `work` in one transaction, holding whatever lock keeps two instances from migrating at once. */
  transaction(work: () => Promise<void>): Promise<void>;
  exec(sql: string): Promise<void>;
  /** Versions recorded in schema_migrations. */
  appliedVersions(): Promise<number[]>;
  record(migration: Migration): Promise<void>;
  /** The CREATE TABLE IF NOT EXISTS of schema_migrations, in this database's types. */
  readonly bookkeepingTable: string;
}

export async function runMigrations(target: MigrationTarget, migrations: readonly Migration[]): Promise<void> {
  checkMigrationOrder(migrations);
  await target.transaction(async () => {
    await target.exec(target.bookkeepingTable);
    const done = new Set(await target.appliedVersions());
    for (const migration of migrations) {
      if (done.has(migration.version)) continue;
      await target.exec(migration.sql);
      await target.record(migration);
    }
  });
}
