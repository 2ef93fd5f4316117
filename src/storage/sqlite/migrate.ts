import type Database from 'better-sqlite3';
import type { Migration } from './migrations.ts';

/**
 * Applies every migration newer than the database, each in its own transaction, and records it
 * in `schema_migrations`. Returns the versions applied. A database newer than this code is refused
 * rather than guessed at.
 */
export function migrate(
  db: Database.Database,
  migrations: readonly Migration[],
  now: () => number,
): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    version INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    applied_at INTEGER NOT NULL
  )`);
  const current =
    (db.prepare('SELECT MAX(version) AS version FROM schema_migrations').get() as { version: number | null })
      .version ?? 0;
  const latest = Math.max(0, ...migrations.map((migration) => migration.version));
  if (current > latest) {
    throw new Error(`database schema version ${current} is newer than this eujp (${latest}); upgrade eujp`);
  }
  const record = db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (?, ?, ?)');
  const applied: number[] = [];
  for (const migration of [...migrations].sort((a, b) => a.version - b.version)) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      record.run(migration.version, migration.name, now());
    })();
    applied.push(migration.version);
  }
  return applied;
}
