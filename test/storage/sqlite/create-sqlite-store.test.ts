import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { MIGRATIONS } from '../../../src/storage/sqlite/migrations.ts';
import { secretsAtRestContract } from '../secrets-at-rest-contract.ts';
import { newSubscription, storeContract } from '../store-contract.ts';

describe('the SQLite store', () => {
  let dir: string;
  let path: string;
  const open: Store[] = [];
  const openStore = (file = path) => {
    const store = createSqliteStore(file);
    open.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eujp-store-'));
    path = join(dir, 'nested', 'data', 'eujp.sqlite');
  });
  afterEach(async () => {
    for (const store of open.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('creates its folder and file, in WAL mode, with every migration recorded once', async () => {
    await openStore().close();
    await openStore().close();
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    const versions = db.prepare('SELECT version FROM schema_migrations ORDER BY version').all();
    expect(versions).toEqual(MIGRATIONS.map(({ version }) => ({ version })));
    db.close();
  });

  it('refuses a database written by a newer version rather than guessing at it', async () => {
    await openStore().close();
    const db = new Database(path);
    db.prepare('INSERT INTO schema_migrations (version, name, applied_at) VALUES (99, ?, 0)').run('future');
    db.close();
    expect(() => createSqliteStore(path)).toThrow(/newer than this eujp/);
  });

  it('works in memory for throwaway runs', async () => {
    const store = openStore(':memory:');
    const subscription = await store.addSubscription(newSubscription());
    expect(await store.getSubscription(subscription.id)).toEqual(subscription);
  });

  it('says it is not shared by replicas, so digests need no run coordination', () => {
    expect(openStore(':memory:').sharedByReplicas).toBe(false);
  });
});

describe('the SQLite store, held to the Store contract', () => {
  storeContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eujp-contract-'));
    const file = join(dir, 'eujp.sqlite');
    return {
      open: async () => createSqliteStore(file),
      openAnother: async () => createSqliteStore(file),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});

describe('the SQLite store: secrets at rest and single-use keys', () => {
  secretsAtRestContract(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'eujp-secrets-'));
    const file = join(dir, 'eujp.sqlite');
    return {
      open: async () => createSqliteStore(file),
      openAnother: async () => createSqliteStore(file),
      cleanup: async () => rmSync(dir, { recursive: true, force: true }),
    };
  });
});
