import type { Pool } from 'pg';
import type { OnceKeys } from '../../core/once-keys.ts';

// Expired claims are deleted every this many claims (per replica), keeping the table small.
const PURGE_EVERY = 200;

/** The `once_keys` table (migration 5), as on SQLite: the upsert is atomic across replicas. */
export function createPostgresOnceKeys(pool: Pool): OnceKeys {
  let claims = 0;
  return {
    async claimOnce(key, now, ttlMs) {
      if (++claims % PURGE_EVERY === 0)
        await pool.query('DELETE FROM once_keys WHERE expires_at <= $1', [now]);
      const { rowCount } = await pool.query(
        `INSERT INTO once_keys (key, expires_at) VALUES ($1, $3)
         ON CONFLICT (key) DO UPDATE SET expires_at = excluded.expires_at WHERE once_keys.expires_at <= $2
         RETURNING key`,
        [key, now, new Date(now.getTime() + ttlMs)],
      );
      return (rowCount ?? 0) > 0;
    },
  };
}
