import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { migrate } from '../../../src/storage/sqlite/migrate.ts';
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

  it('keeps every ledger row, its id and the id counter when the ledger gains the unconfirmed state', async () => {
    // A database as the previous release left it: migrations 1 to 6, with a ledger in use.
    mkdirSync(join(dir, 'nested', 'data'), { recursive: true });
    const old = new Database(path);
    migrate(
      old,
      MIGRATIONS.filter(({ version }) => version <= 6),
      () => 0,
    );
    old.exec(`INSERT INTO deliveries (id, platform, channel_id, subscription_id, scheduled_at, state, attempts,
        recoveries, claimed_at, owner, updated_at)
      VALUES (7, 'slack', 'C1', 1, 1000, 'claimed', 1, 0, 1000, 'r1', 1000),
             (9, 'slack', 'C1', 1, 2000, 'sent', 1, 0, NULL, NULL, 2000)`);
    old.exec('DELETE FROM deliveries WHERE id = 9');
    old.close();

    const store = openStore();
    const [kept] = await store.listUnfinishedDeliveries();
    expect(kept).toMatchObject({ id: 7, state: 'claimed', attempts: 1, owner: 'r1' });
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, new Date(5000), new Date(5000), 'r2');
    // AUTOINCREMENT never reuses an id, not even that of a deleted row.
    expect(claimed?.id).toBe(10);
    await store.settleUnconfirmed(7, new Date(6000), 'attempted twice');
    const ledger = await store.listChannelDeliveries({ platform: 'slack', channelId: 'C1' }, 5);
    expect(ledger.find((row) => row.id === 7)?.state).toBe('unconfirmed');
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
