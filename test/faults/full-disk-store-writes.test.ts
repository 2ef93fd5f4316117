import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Delivery, Store, Subscription } from '../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { mountSmallDisk, SMALL_DISK_UNAVAILABLE, type SmallDisk } from '../support/small-disk.ts';

// Every write the bot confirms to a person, or acts on, must have committed. On a really full
// disk (a small tmpfs filled to the last byte), each store write must fail loudly rather than
// answer as if it had been saved: better-sqlite3's `.get()` on INSERT … RETURNING used to hand
// back the row and drop the SQLITE_FULL of the commit.

if (SMALL_DISK_UNAVAILABLE) console.warn(`full-disk store tests skipped: ${SMALL_DISK_UNAVAILABLE}`);

const channel = { platform: 'slack' as const, channelId: 'C1', workspaceId: 'T1' };
const at = new Date('2026-11-30T08:00:00Z');
const later = new Date('2026-11-30T08:01:00Z');
const slot = (hour: number) => new Date(Date.UTC(2026, 10, 30, hour));

interface Seeded {
  store: Store;
  subscription: Subscription;
  claimed: Delivery;
  released: Delivery;
}

/** Each write, set up so that it changes something, and how to see that it did not. */
const WRITES: Array<{
  name: string;
  write(seeded: Seeded): Promise<unknown>;
  unchanged?(store: Store, seeded: Seeded): Promise<void>;
}> = [
  {
    name: 'addSubscription',
    write: ({ store, subscription }) => store.addSubscription({ ...subscription, schedule: 'daily 10:00' }),
    unchanged: async (store) => expect(await store.listChannelSubscriptions(channel)).toHaveLength(1),
  },
  {
    name: 'removeSubscriptions',
    write: ({ store, subscription }) => store.removeSubscriptions([subscription.id]),
  },
  { name: 'disableChannel', write: ({ store }) => store.disableChannel(channel, 'channel_gone', 'gone', at) },
  {
    name: 'claimDelivery',
    write: ({ store, subscription }) => store.claimDelivery(subscription, slot(12), at, 'r1'),
    unchanged: async (store, { subscription }) =>
      expect((await store.latestScheduledAt(subscription.id))?.getTime()).toBeLessThan(slot(12).getTime()),
  },
  { name: 'recordAttempt', write: ({ store, claimed }) => store.recordAttempt(claimed.id, later, 'r1') },
  {
    name: 'recoverClaim',
    write: ({ store, claimed }) => store.recoverClaim(claimed.id, claimed.claimedAt ?? at, later, 'r2'),
  },
  {
    name: 'confirmDelivery',
    write: ({ store, claimed }) =>
      store.confirmDelivery(claimed.id, {
        sentAt: later,
        messageId: 'M1',
        summary: '1 development',
        advance: { developmentIds: ['d1'], briefingAsOf: {} },
        topics: [],
      }),
    unchanged: async (store) => expect(await store.getDigestCursor(channel)).toBeUndefined(),
  },
  {
    name: 'releaseDelivery',
    write: ({ store, claimed }) => store.releaseDelivery(claimed.id, later, claimed.owner ?? undefined),
  },
  {
    name: 'finishDelivery',
    write: ({ store, claimed }) =>
      store.finishDelivery(claimed.id, {
        state: 'failed',
        reason: 'permanent_error',
        at: later,
        owner: claimed.owner ?? undefined,
      }),
  },
  {
    name: 'recordSkipped',
    write: ({ store, subscription }) => store.recordSkipped(subscription, slot(13), 'superseded', at),
  },
  { name: 'setLanguage', write: ({ store }) => store.setLanguage(channel, 'ja') },
  {
    name: 'saveMessageRef',
    write: ({ store }) =>
      store.saveMessageRef({ ...channel, messageId: 'M9', kind: 'reply', topics: [], command: 'help' }, at),
  },
  {
    name: 'offerDeliveries',
    write: ({ store, subscription }) => store.offerDeliveries([subscription], slot(14), at),
  },
  { name: 'claimReleasedDeliveries', write: ({ store }) => store.claimReleasedDeliveries('r1', later, 10) },
  { name: 'renewClaims', write: ({ store }) => store.renewClaims('r1', later, [1, 2, 3]) },
  {
    name: 'acquireRunSlot',
    write: ({ store }) => store.acquireRunSlot('slot-b', 'r1', at, 60_000),
    unchanged: async (store) => expect(await store.acquireRunSlot('slot-b', 'r2', at, 60_000)).toBe(true),
  },
  { name: 'finishRunSlot', write: ({ store }) => store.finishRunSlot('slot-a', 'r1', later) },
  {
    name: 'reserveSendTime',
    write: ({ store }) => store.reserveSendTime([{ key: 'slack:T1', limit: 1, windowMs: 1_000 }], at),
  },
  {
    name: 'pruneCoordination',
    write: ({ store }) => store.pruneCoordination(new Date('2027-01-01T00:00:00Z')),
  },
  {
    name: 'saveInstallation',
    write: ({ store }) =>
      store.saveInstallation(
        {
          platform: 'slack',
          workspaceId: 'T2',
          teamId: 'T2',
          enterpriseId: null,
          isEnterpriseInstall: false,
          installation: {},
        },
        at,
      ),
  },
  {
    name: 'deleteInstallation',
    write: ({ store }) => store.deleteInstallation({ platform: 'slack', workspaceId: 'T1' }),
  },
  { name: 'deleteWorkspaceData', write: ({ store }) => store.deleteWorkspaceData('slack', 'T1') },
  {
    name: 'claimOnce',
    write: ({ store }) => store.claimOnce('slack-signature:abc', at, 60_000),
    // A claim that never happened must not stop the same key from being claimed later.
    unchanged: async (store) => expect(await store.claimOnce('slack-signature:abc', at, 60_000)).toBe(true),
  },
  { name: 'probeWrite', write: ({ store }) => store.probeWrite(later) },
];

describe.skipIf(SMALL_DISK_UNAVAILABLE !== undefined)('every SQLite store write on a full disk', () => {
  let disk: SmallDisk;
  beforeAll(() => {
    disk = mountSmallDisk();
  });
  afterAll(() => disk.cleanup());

  async function seed(file: string): Promise<Seeded> {
    const store = createSqliteStore(file);
    const subscription = await store.addSubscription({
      channel,
      schedule: 'daily 09:00',
      cron: '0 9 * * *',
      timeZone: 'UTC',
      topics: [],
      lang: 'en',
      createdAt: new Date('2026-11-01T00:00:00Z'),
    });
    const claimed = await store.claimDelivery(subscription, slot(9), at, 'r1');
    await store.offerDeliveries([subscription], slot(10), at);
    const released = (await store.listUnfinishedDeliveries()).find((d) => d.state === 'released');
    await store.acquireRunSlot('slot-a', 'r1', at, 60_000);
    await store.saveInstallation(
      {
        platform: 'slack',
        workspaceId: 'T1',
        teamId: 'T1',
        enterpriseId: null,
        isEnterpriseInstall: false,
        installation: {},
      },
      at,
    );
    await store.reserveSendTime(
      [{ key: 'slack:T1', limit: 1, windowMs: 1_000 }],
      new Date('2026-01-01T00:00:00Z'),
    );
    if (!claimed || !released) throw new Error('seeding the ledger failed');
    return { store, subscription, claimed, released };
  }

  it.each(WRITES)('$name fails instead of reporting a write that never happened', async (write) => {
    const file = disk.path(`${write.name}.sqlite`);
    const seeded = await seed(file);
    disk.fill();
    try {
      await expect(write.write(seeded)).rejects.toMatchObject({
        code: expect.stringMatching(/^SQLITE_(FULL|IOERR)/),
      });
    } finally {
      disk.free();
    }
    // Nothing of the refused write is there, even after a restart.
    await seeded.store.close();
    const reopened = createSqliteStore(file);
    await write.unchanged?.(reopened, seeded);
    await reopened.close();
  });
});
