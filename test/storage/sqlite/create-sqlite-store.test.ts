import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSubscription, Store } from '../../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';

const channel = { platform: 'slack' as const, channelId: 'C1', workspaceId: 'T1' };
const at = (iso: string) => new Date(iso);

function newSubscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
  return {
    channel,
    schedule: 'weekly mon 09:00',
    cron: '0 9 * * 1',
    timeZone: 'Asia/Tokyo',
    topics: ['semiconductors', 'quantum'],
    lang: 'en',
    createdAt: at('2025-06-01T00:00:00Z'),
    ...overrides,
  };
}

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
    expect(versions).toEqual([{ version: 1 }, { version: 2 }]);
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

  it('keeps subscriptions across a reopen, numbered in the order they were added', async () => {
    const first = openStore();
    await first.addSubscription(newSubscription());
    await first.addSubscription(
      newSubscription({ schedule: 'daily 08:30', cron: '30 8 * * *', topics: ['ai'] }),
    );
    await first.close();
    const listed = await openStore().listChannelSubscriptions(channel);
    expect(listed.map((s) => [s.schedule, s.topics, s.enabled])).toEqual([
      ['weekly mon 09:00', ['semiconductors', 'quantum'], true],
      ['daily 08:30', ['ai'], true],
    ]);
    expect(listed[0]?.channel).toEqual(channel);
  });

  it('claims a scheduled slot once: a second claim of the same slot gets nothing', async () => {
    const store = openStore();
    const subscription = await store.addSubscription(newSubscription());
    const slot = at('2025-06-02T00:00:00Z');
    const claimed = await store.claimDelivery(subscription, slot, at('2025-06-02T00:00:01Z'));
    expect(claimed?.state).toBe('claimed');
    expect(await store.claimDelivery(subscription, slot, at('2025-06-02T00:00:02Z'))).toBeUndefined();
  });

  it('lets a released claim be claimed again, but never a sent one', async () => {
    const store = openStore();
    const subscription = await store.addSubscription(newSubscription());
    const slot = at('2025-06-02T00:00:00Z');
    const claimed = await store.claimDelivery(subscription, slot, slot);
    await store.releaseDelivery(claimed!.id, slot);
    const again = await store.claimDelivery(subscription, slot, slot);
    expect(again?.id).toBe(claimed?.id);
    await store.confirmDelivery(again!.id, {
      sentAt: slot,
      messageId: 'm1',
      summary: '1 development',
      advance: { developmentIds: [], briefingAsOf: {} },
      topics: ['quantum'],
    });
    expect(await store.claimDelivery(subscription, slot, slot)).toBeUndefined();
  });

  it('merges cursor advances so a later confirm never forgets what an earlier one sent', async () => {
    const store = openStore();
    const subscription = await store.addSubscription(newSubscription());
    const first = await store.claimDelivery(
      subscription,
      at('2025-06-02T00:00:00Z'),
      at('2025-06-02T00:00:00Z'),
    );
    const second = await store.claimDelivery(
      subscription,
      at('2025-06-09T00:00:00Z'),
      at('2025-06-09T00:00:00Z'),
    );
    await store.confirmDelivery(first!.id, {
      sentAt: at('2025-06-02T00:00:05Z'),
      messageId: 'm1',
      summary: 's',
      advance: { developmentIds: ['a', 'b'], briefingAsOf: { quantum: '2025-05-01', ai: '2025-05-03' } },
      topics: ['quantum'],
    });
    await store.confirmDelivery(second!.id, {
      sentAt: at('2025-06-09T00:00:05Z'),
      messageId: 'm2',
      summary: 's',
      advance: { developmentIds: ['b', 'c'], briefingAsOf: { quantum: '2025-04-01', ai: '2025-06-01' } },
      topics: ['quantum'],
    });
    const cursor = await store.getDigestCursor(channel);
    expect(cursor?.sentDevelopmentIds.sort()).toEqual(['a', 'b', 'c']);
    expect(cursor?.briefingAsOf).toEqual({ quantum: '2025-05-01', ai: '2025-06-01' });
    expect(cursor?.digestCount).toBe(2);
    expect(await store.findMessageRef(channel, 'm2')).toMatchObject({ kind: 'digest', topics: ['quantum'] });
  });

  it('recovers a stale claim only if nobody touched it since it was read', async () => {
    const store = openStore();
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(
      subscription,
      at('2025-06-02T00:00:00Z'),
      at('2025-06-02T00:00:00Z'),
    );
    expect(await store.recoverClaim(claimed!.id, claimed!.claimedAt!, at('2025-06-02T01:00:00Z'))).toBe(true);
    expect(await store.recoverClaim(claimed!.id, claimed!.claimedAt!, at('2025-06-02T01:00:01Z'))).toBe(
      false,
    );
    const [row] = await store.listUnfinishedDeliveries();
    expect(row?.recoveries).toBe(1);
  });

  it('records skipped and failed slots with their reasons, newest first per channel', async () => {
    const store = openStore();
    const subscription = await store.addSubscription(newSubscription());
    await store.recordSkipped(
      subscription,
      at('2025-06-02T00:00:00Z'),
      'missed_beyond_window',
      at('2025-06-09T00:00:00Z'),
    );
    const claimed = await store.claimDelivery(
      subscription,
      at('2025-06-09T00:00:00Z'),
      at('2025-06-09T00:00:00Z'),
    );
    await store.finishDelivery(claimed!.id, {
      state: 'failed',
      reason: 'retries_exhausted',
      detail: 'HTTP 503',
      at: at('2025-06-09T00:10:00Z'),
    });
    const rows = await store.listChannelDeliveries(channel, 10);
    expect(rows.map((row) => [row.state, row.reason, row.detail])).toEqual([
      ['failed', 'retries_exhausted', 'HTTP 503'],
      ['skipped', 'missed_beyond_window', null],
    ]);
    expect(await store.latestScheduledAt(subscription.id)).toEqual(at('2025-06-09T00:00:00Z'));
  });

  it('disables every subscription of a channel that is gone, with the reason', async () => {
    const store = openStore();
    await store.addSubscription(newSubscription());
    await store.addSubscription(newSubscription({ channel: { platform: 'slack', channelId: 'C2' } }));
    await store.disableChannel(channel, 'channel_gone', 'channel_not_found', at('2025-06-02T00:00:00Z'));
    const [gone] = await store.listChannelSubscriptions(channel);
    expect(gone).toMatchObject({
      enabled: false,
      disabledReason: 'channel_gone',
      disabledDetail: 'channel_not_found',
    });
    expect((await store.listEnabledSubscriptions()).map((s) => s.channel.channelId)).toEqual(['C2']);
  });

  it('finds enabled subscriptions by their cron expression and time zone', async () => {
    const store = openStore();
    await store.addSubscription(newSubscription());
    await store.addSubscription(newSubscription({ timeZone: 'Europe/Brussels' }));
    const tokyo = await store.listEnabledSubscriptions({ cron: '0 9 * * 1', timeZone: 'Asia/Tokyo' });
    expect(tokyo.map((s) => s.timeZone)).toEqual(['Asia/Tokyo']);
  });

  it('remembers a channel language', async () => {
    const store = openStore();
    expect(await store.getLanguage(channel)).toBeUndefined();
    await store.setLanguage(channel, 'ja');
    expect(await store.getLanguage(channel)).toBe('ja');
  });
});
