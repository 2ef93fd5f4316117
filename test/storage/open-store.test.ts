import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/open-store.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  warnIfPostgresSkipped,
} from './postgres-test-schema.ts';

warnIfPostgresSkipped('test/storage/open-store (Postgres case)');

describe('choosing the store from EUJP_DB', () => {
  it('opens a SQLite file for a path', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eujp-open-'));
    try {
      const store = await openStore(join(dir, 'eujp.sqlite'));
      expect(store.sharedByReplicas).toBe(false);
      await store.close();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('names the server it could not reach for a postgres:// URL', async () => {
    await expect(openStore('postgres://nobody@127.0.0.1:1/eujp')).rejects.toThrow(/ECONNREFUSED|connect/);
  });

  it.skipIf(!TEST_PG_URL)(`opens Postgres for a postgresql:// URL (${PG_SKIP_REASON})`, async () => {
    const schema = await createTestSchema(TEST_PG_URL ?? '');
    // An operator picks the schema the same way: libpq's `options` parameter in the URL.
    const url = new URL(schema.url.replace(/^postgres:/, 'postgresql:'));
    url.searchParams.set('options', `-c search_path=${schema.name}`);
    try {
      const store = await openStore(url.toString());
      expect(store.sharedByReplicas).toBe(true);
      await store.close();
    } finally {
      await schema.drop();
    }
  });
});
