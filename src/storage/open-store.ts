import type { Store } from '../core/digests/store-port.ts';

/**
 * Opens the store named by EUJP_DB: a `postgres://` or `postgresql://` URL (connected and
 * migrated; several replicas may share it), or a SQLite file path (created and migrated). Each
 * backend is imported only when chosen, so a SQLite install never loads `pg` and vice versa.
 */
export async function openStore(database: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//i.test(database)) {
    const { createPostgresStore } = await import('./postgres/create-postgres-store.ts');
    return createPostgresStore(database);
  }
  const { createSqliteStore } = await import('./sqlite/create-sqlite-store.ts');
  return createSqliteStore(database);
}
