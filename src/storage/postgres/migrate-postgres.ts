import type { Pool } from 'pg';
import type { Migration } from '../sqlite/migrations.ts';
import { withTransaction } from './with-transaction.ts';

/**
 * Applies every migration newer than the database in one transaction and records each in
 * `schema_migrations`; returns the versions applied. Replicas starting at the same moment queue on
 * a transaction-scoped advisory lock (one per schema), so exactly one of them migrates and the
 * others then find nothing to do. A database newer than this code is refused rather than guessed at.
 */
export async function migratePostgres(pool: Pool, migrations: readonly Migration[]): Promise<number[]> {
  return withTransaction(pool, async (client) => {
    await client.query(
      "SELECT pg_advisory_xact_lock(hashtext('eujp schema migrations ' || COALESCE(current_schema(), '')))",
    );
    await client.query(`CREATE TABLE IF NOT EXISTS schema_migrations (
      version INTEGER PRIMARY KEY,
      name TEXT NOT NULL,
      applied_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )`);
    const { rows } = await client.query<{ version: number | null }>(
      'SELECT MAX(version) AS version FROM schema_migrations',
    );
    const current = rows[0]?.version ?? 0;
    const latest = Math.max(0, ...migrations.map((migration) => migration.version));
    if (current > latest) {
      throw new Error(`database schema version ${current} is newer than this eujp (${latest}); upgrade eujp`);
    }
    const applied: number[] = [];
    for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
      if (migration.version <= current) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [
        migration.version,
        migration.name,
      ]);
      applied.push(migration.version);
    }
    return applied;
  });
}
