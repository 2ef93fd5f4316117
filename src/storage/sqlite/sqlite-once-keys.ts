import type Database from 'better-sqlite3';
import type { OnceKeys } from '../../core/once-keys.ts';
import { writeReturning } from './write-returning.ts';

// Expired claims are deleted every this many claims, so the table stays about one window's size.
const PURGE_EVERY = 200;

/** The `once_keys` table (migration 5): a claim inserts the key, or renews one that expired. */
export function createSqliteOnceKeys(db: Database.Database): OnceKeys {
  const claim = db.prepare(
    `INSERT INTO once_keys (key, expires_at) VALUES (@key, @expiresAt)
     ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE once_keys.expires_at <= @now
     RETURNING key`,
  );
  const purge = db.prepare('DELETE FROM once_keys WHERE expires_at <= ?');
  let claims = 0;
  return {
    async claimOnce(key, now, ttlMs) {
      if (++claims % PURGE_EVERY === 0) purge.run(now.getTime());
      const row = writeReturning(claim, { key, now: now.getTime(), expiresAt: now.getTime() + ttlMs });
      return row !== undefined;
    },
  };
}
