import type { Store } from '../core/digests/store-port.ts';

/** Opens the store named by EUJP_DB: a SQLite file path (created and migrated) or a Postgres URL. */
export async function openStore(database: string): Promise<Store> {
  if (/^postgres(ql)?:\/\//.test(database)) {
    throw new Error('EUJP_DB: Postgres storage is not available in this version; use a SQLite file path');
  }
  const { createSqliteStore } = await import('./sqlite/create-sqlite-store.ts');
  return createSqliteStore(database);
}
