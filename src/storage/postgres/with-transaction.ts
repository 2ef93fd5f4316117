import type { Pool, PoolClient } from 'pg';

/**
 * Runs `work` on one pooled connection inside BEGIN … COMMIT, rolling back if it throws. A COMMIT
 * of a transaction that an earlier statement aborted is answered ROLLBACK without an error: that
 * is refused here, so a caller is never told of a change that was rolled back.
 */
export async function withTransaction<T>(pool: Pool, work: (client: PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  let broken: Error | undefined;
  try {
    await client.query('BEGIN');
    const result = await work(client);
    const commit = await client.query('COMMIT');
    if (commit.command !== 'COMMIT') throw new Error(`transaction not committed (${commit.command})`);
    return result;
  } catch (error) {
    await client.query('ROLLBACK').catch((rollbackError: Error) => {
      broken = rollbackError;
    });
    throw error;
  } finally {
    // A connection that could not even roll back is discarded rather than handed to the next caller.
    client.release(broken);
  }
}
