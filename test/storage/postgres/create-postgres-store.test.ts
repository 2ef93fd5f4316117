import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPostgresStore } from '../../../src/storage/postgres/create-postgres-store.ts';
import { POSTGRES_MIGRATIONS } from '../../../src/storage/postgres/postgres-migrations.ts';
import { MIGRATIONS } from '../../../src/storage/sqlite/migrations.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  type TestSchema,
  warnIfPostgresSkipped,
} from '../postgres-test-schema.ts';
import { secretsAtRestContract } from '../secrets-at-rest-contract.ts';
import { storeContract } from '../store-contract.ts';

warnIfPostgresSkipped('test/storage/postgres');
const url = TEST_PG_URL ?? '';

describe.skipIf(!TEST_PG_URL)(`the Postgres store (${PG_SKIP_REASON})`, () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema(url);
  });
  afterAll(async () => {
    await schema?.drop();
  });

  const versions = async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query(
        `SELECT version FROM ${schema.name}.schema_migrations ORDER BY version`,
      );
      return rows.map((row: { version: number }) => row.version);
    } finally {
      await client.end();
    }
  };

  it('has the same migration versions, with the same names, as SQLite', () => {
    expect(POSTGRES_MIGRATIONS.map(({ version, name }) => ({ version, name }))).toEqual(
      MIGRATIONS.map(({ version, name }) => ({ version, name })),
    );
  });

  it('migrates once when several replicas start at the same moment', async () => {
    const stores = await Promise.all(
      Array.from({ length: 4 }, () => createPostgresStore(url, { schema: schema.name, maxConnections: 2 })),
    );
    await Promise.all(stores.map((store) => store.close()));
    expect(await versions()).toEqual(MIGRATIONS.map(({ version }) => version));
    expect(stores.every((store) => store.sharedByReplicas)).toBe(true);
  });

  it('refuses a database written by a newer version rather than guessing at it', async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query(`INSERT INTO ${schema.name}.schema_migrations (version, name) VALUES (99, 'future')`);
    await client.end();
    await expect(createPostgresStore(url, { schema: schema.name })).rejects.toThrow(/newer than this eujp/);
  });
});

describe.skipIf(!TEST_PG_URL)(`the Postgres store, held to the Store contract (${PG_SKIP_REASON})`, () => {
  storeContract(async () => {
    const schema = await createTestSchema(url);
    const open = () => createPostgresStore(url, { schema: schema.name, maxConnections: 4 });
    return { open, openAnother: open, cleanup: () => schema.drop() };
  });
});

describe.skipIf(!TEST_PG_URL)(
  `the Postgres store: secrets at rest and single-use keys (${PG_SKIP_REASON})`,
  () => {
    secretsAtRestContract(async () => {
      const schema = await createTestSchema(url);
      const open = () => createPostgresStore(url, { schema: schema.name, maxConnections: 4 });
      return { open, openAnother: open, cleanup: () => schema.drop() };
    });
  },
);
