import { randomBytes } from 'node:crypto';
import pg from 'pg';

/** The Postgres the store tests run against; unset means they are reported as skipped. */
export const TEST_PG_URL = process.env.EUJP_TEST_PG_URL;

/** Why the Postgres suites did not run, as vitest shows it in the suite's name. */
export const PG_SKIP_REASON = 'set EUJP_TEST_PG_URL to run';

/** Says, once per file, that the Postgres tests were skipped and how to run them. */
export function warnIfPostgresSkipped(what: string): void {
  if (!TEST_PG_URL) {
    console.warn(
      `${what}: SKIPPED — EUJP_TEST_PG_URL is not set (e.g. EUJP_TEST_PG_URL=postgres://postgres@127.0.0.1:5432/test)`,
    );
  }
}

/** A schema of its own for one test or suite, so parallel files and reruns never share tables. */
export interface TestSchema {
  url: string;
  name: string;
  drop(): Promise<void>;
}

export async function createTestSchema(url: string): Promise<TestSchema> {
  const name = `eujp_test_${randomBytes(6).toString('hex')}`;
  await admin(url, `CREATE SCHEMA ${name}`);
  return { url, name, drop: () => admin(url, `DROP SCHEMA IF EXISTS ${name} CASCADE`) };
}

async function admin(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
