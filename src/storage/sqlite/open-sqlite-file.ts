import { mkdirSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';

/** A database file that is there but holds no trustworthy data: starting on it would lose the rest. */
export class DamagedDatabaseError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DamagedDatabaseError';
  }
}

/**
 * Opens `path` (`:memory:` or a `file:` URI as given), creating its folder and the file when it does
 * not exist yet. A file that exists must be a sound database: SQLite would happily treat a 0-byte
 * file (a failed restore, a truncating copy, a full disk) as a new empty database, and the bot
 * would start with no subscriptions and say nothing. That, and a file failing `quick_check`, is
 * refused instead.
 */
export function openSqliteFile(path: string): Database.Database {
  const onDisk = path !== ':memory:' && !path.startsWith('file:');
  const existed = onDisk && fileSize(path) !== undefined;
  if (existed && fileSize(path) === 0)
    throw new DamagedDatabaseError(
      'is empty (0 bytes): it existed, so starting on it would begin with no subscriptions; restore a backup, or delete the file to start a new database',
    );
  if (onDisk && !existed) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  try {
    if (existed) {
      const problems = (db.pragma('quick_check') as Array<{ quick_check: string }>).map(
        (row) => row.quick_check,
      );
      if (problems.length !== 1 || problems[0] !== 'ok')
        throw new DamagedDatabaseError(
          `failed PRAGMA quick_check (${problems.slice(0, 2).join('; ')}); restore a backup`,
        );
    }
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

function fileSize(path: string): number | undefined {
  try {
    const info = statSync(path);
    return info.isFile() ? info.size : -1;
  } catch {
    return undefined;
  }
}
