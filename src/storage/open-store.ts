import type { Store } from '../core/digests/store-port.ts';
import { describeStoreError } from './describe-store-error.ts';

/**
 * Opens the store named by EUJP_DB: a `postgres://` or `postgresql://` URL (connected and
 * migrated; several replicas may share it), or a SQLite file path (created and migrated). Each
 * backend is imported only when chosen, so a SQLite install never loads `pg` and vice versa.
 * Failures are StartupErrors naming EUJP_DB and its value.
 */
export async function openStore(
  database: string,
  options: { poolSize?: number; timeouts?: { connectMs: number; queryMs: number; idleMs: number } } = {},
): Promise<Store> {
  const postgres = /^postgres(ql)?:\/\//i.test(database);
  try {
    if (postgres) {
      const { createPostgresStore } = await import('./postgres/create-postgres-store.ts');
      return await createPostgresStore(database, {
        ...(options.poolSize ? { maxConnections: options.poolSize } : {}),
        ...(options.timeouts ? { timeouts: options.timeouts } : {}),
      });
    }
    const { createSqliteStore } = await import('./sqlite/create-sqlite-store.ts');
    return createSqliteStore(database);
  } catch (error) {
    throw describeStoreError(database, postgres, error);
  }
}
