import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTransaction } from '../../../src/storage/postgres/with-transaction.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  type TestSchema,
  warnIfPostgresSkipped,
} from '../postgres-test-schema.ts';

warnIfPostgresSkipped('test/storage/postgres/with-transaction');

describe.skipIf(!TEST_PG_URL)(`Postgres transactions (${PG_SKIP_REASON})`, () => {
  let schema: TestSchema;
  let pool: pg.Pool;
  beforeAll(async () => {
    schema = await createTestSchema(TEST_PG_URL ?? '');
    pool = new pg.Pool({ connectionString: TEST_PG_URL, options: `-c search_path=${schema.name}`, max: 2 });
    await pool.query('CREATE TABLE t (id INT PRIMARY KEY)');
  });
  afterAll(async () => {
    await pool?.end();
    await schema?.drop();
  });

  it('refuses to report a transaction Postgres rolled back at COMMIT as committed', async () => {
    // A statement fails and the work swallows it: Postgres then answers COMMIT with ROLLBACK.
    const outcome = withTransaction(pool, async (client) => {
      await client.query('INSERT INTO t VALUES (1)');
      await client.query('INSERT INTO t VALUES (1)').catch(() => {});
      return 'saved';
    });
    await expect(outcome).rejects.toThrow(/not committed/);
    expect((await pool.query('SELECT COUNT(*)::int AS n FROM t')).rows[0]).toEqual({ n: 0 });
  });

  it('commits work that succeeds', async () => {
    await expect(
      withTransaction(pool, (client) => client.query('INSERT INTO t VALUES (2)')),
    ).resolves.toBeDefined();
    expect((await pool.query('SELECT id FROM t')).rows).toEqual([{ id: 2 }]);
  });
});
