import { afterEach, beforeEach, expect, it } from 'vitest';
import type { NewSubscription, Store, Subscription } from '../../src/core/digests/store-port.ts';
import type { ChannelRef } from '../../src/core/ports.ts';
import { unconfirmedDeliveryContract } from './unconfirmed-delivery-contract.ts';

/** How one backend gives the contract a store to test. */
export interface StoreHarness {
  /** A fresh, empty, migrated store of its own. */
  open(): Promise<Store>;
  /** Another connection to the same data, as a second process or replica would have. */
  openAnother(): Promise<Store>;
  cleanup(): Promise<void>;
}

const channel: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const at = (iso: string) => new Date(iso);
const SLOT = at('2025-06-02T00:00:00Z');
const sent = (messageId: string, developmentIds: string[] = []) => ({
  sentAt: at('2025-06-02T00:00:05Z'),
  messageId,
  summary: '1 development',
  advance: { developmentIds, briefingAsOf: {} },
  topics: ['quantum' as const],
});

export function newSubscription(overrides: Partial<NewSubscription> = {}): NewSubscription {
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

/**
 * What every Store backend must do, as tests: call inside a `describe`. The same file runs against
 * SQLite always and Postgres when EUJP_TEST_PG_URL is set, so the backends cannot drift apart.
 */
export function storeContract(createHarness: () => Promise<StoreHarness>): void {
  let harness: StoreHarness;
  let store: Store;
  const opened: Store[] = [];
  const another = async () => {
    const second = await harness.openAnother();
    opened.push(second);
    return second;
  };
  const subscribeChannels = async (count: number, target = store) => {
    const subscriptions: Subscription[] = [];
    for (let i = 1; i <= count; i++) {
      subscriptions.push(
        await target.addSubscription(
          newSubscription({ channel: { platform: 'discord', channelId: `D${i}` } }),
        ),
      );
    }
    return subscriptions;
  };

  beforeEach(async () => {
    harness = await createHarness();
    store = await harness.open();
    opened.push(store);
  });
  afterEach(async () => {
    for (const open of opened.splice(0)) await open.close();
    await harness.cleanup();
  });
  unconfirmedDeliveryContract(() => store);

  it('answers a health ping while open, and refuses one once closed', async () => {
    await expect(store.ping()).resolves.toBeUndefined();
    const closing = await another();
    await closing.close();
    await expect(closing.ping()).rejects.toThrow();
  });

  it('commits a write probe for /healthz, and refuses one once closed', async () => {
    await expect(store.probeWrite(new Date('2026-12-01T10:00:00Z'))).resolves.toBeUndefined();
    await expect(store.probeWrite(new Date('2026-12-01T10:00:10Z'))).resolves.toBeUndefined();
    // The heartbeat sits beside the pacing lanes without disturbing a reservation.
    const bucket = { key: 'slack:1/1000:p', limit: 1, windowMs: 1_000 };
    const at = new Date('2026-12-01T10:00:20Z');
    expect(await store.reserveSendTime([bucket], at)).toEqual(at);
    const closing = await another();
    await closing.close();
    await expect(closing.probeWrite(at)).rejects.toThrow();
  });

  it('keeps subscriptions for other connections, numbered in the order they were added', async () => {
    const first = await store.addSubscription(newSubscription());
    await store.addSubscription(
      newSubscription({ schedule: 'daily 08:30', cron: '30 8 * * *', topics: ['ai'] }),
    );
    const listed = await (await another()).listChannelSubscriptions(channel);
    expect(listed.map((s) => [s.schedule, s.topics, s.enabled])).toEqual([
      ['weekly mon 09:00', ['semiconductors', 'quantum'], true],
      ['daily 08:30', ['ai'], true],
    ]);
    expect(listed[0]).toEqual(first);
    expect(await store.getSubscription(first.id)).toEqual(first);
  });

  it('finds enabled subscriptions by cron and time zone, and forgets removed ones', async () => {
    const tokyo = await store.addSubscription(newSubscription());
    const brussels = await store.addSubscription(newSubscription({ timeZone: 'Europe/Brussels' }));
    const found = await store.listEnabledSubscriptions({ cron: '0 9 * * 1', timeZone: 'Asia/Tokyo' });
    expect(found.map((s) => s.id)).toEqual([tokyo.id]);
    await store.removeSubscriptions([tokyo.id]);
    expect((await store.listEnabledSubscriptions()).map((s) => s.id)).toEqual([brussels.id]);
    expect(await store.getSubscription(tokyo.id)).toBeUndefined();
  });

  it('disables every subscription of a channel that is gone, with the reason', async () => {
    await store.addSubscription(newSubscription());
    await store.addSubscription(newSubscription({ channel: { platform: 'slack', channelId: 'C2' } }));
    await store.disableChannel(channel, 'channel_gone', 'channel_not_found', SLOT);
    const [gone] = await store.listChannelSubscriptions(channel);
    expect(gone).toMatchObject({
      enabled: false,
      disabledReason: 'channel_gone',
      disabledDetail: 'channel_not_found',
    });
    expect((await store.listEnabledSubscriptions()).map((s) => s.channel.channelId)).toEqual(['C2']);
  });

  it('claims a scheduled slot once: a second claim of the same slot gets nothing', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, at('2025-06-02T00:00:01Z'), 'a');
    expect(claimed).toMatchObject({ state: 'claimed', owner: 'a', attempts: 0, scheduledAt: SLOT });
    expect(await store.claimDelivery(subscription, SLOT, at('2025-06-02T00:00:02Z'), 'b')).toBeUndefined();
  });

  it('lets exactly one of two connections claim each slot when they race for it', async () => {
    const subscriptions = await subscribeChannels(20);
    const second = await another();
    const results = await Promise.all(
      subscriptions.flatMap((subscription) => [
        store.claimDelivery(subscription, SLOT, SLOT, 'a'),
        second.claimDelivery(subscription, SLOT, SLOT, 'b'),
      ]),
    );
    expect(results.filter(Boolean)).toHaveLength(20);
  });

  it('fences every write after a publish on owner and state: a replica that lost its lease changes nothing', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    const later = at('2025-06-02T00:05:00Z');
    expect(await store.recoverClaim(claimed!.id, claimed!.claimedAt!, later, 'b')).toBe(true);
    const failure = { state: 'failed' as const, reason: 'retries_exhausted' as const, at: later, owner: 'a' };
    expect(await store.finishDelivery(claimed!.id, failure)).toBe(false);
    expect(await store.releaseDelivery(claimed!.id, later, 'a')).toBe(false);
    expect((await store.listUnfinishedDeliveries())[0]).toMatchObject({ state: 'claimed', owner: 'b' });
    await store.confirmDelivery(claimed!.id, sent('m1'));
    expect(await store.finishDelivery(claimed!.id, failure)).toBe(false);
    expect(await store.finishDelivery(claimed!.id, { ...failure, owner: 'b' })).toBe(false);
    expect(await store.releaseDelivery(claimed!.id, later, 'b')).toBe(false);
    const [row] = await store.listChannelDeliveries(subscription.channel, 1);
    expect(row).toMatchObject({ state: 'sent', messageId: 'm1', reason: null });
  });

  it('counts publishes that may have landed for the owner only, and keeps the count through release and takeover', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    expect(await store.recordMaybeSent(claimed!.id, SLOT, 'b')).toBeUndefined();
    expect(await store.recordMaybeSent(claimed!.id, SLOT, 'a')).toBe(1);
    await store.releaseDelivery(claimed!.id, SLOT, 'a');
    const again = await store.claimDelivery(subscription, SLOT, SLOT, 'b');
    expect(again).toMatchObject({ owner: 'b', maybeSent: 1 });
    const later = at('2025-06-02T00:05:00Z');
    expect(await store.recoverClaim(again!.id, again!.claimedAt!, later, 'c', true)).toBe(true);
    expect((await store.listUnfinishedDeliveries())[0]).toMatchObject({ owner: 'c', maybeSent: 2 });
    await store.settleUnconfirmed(again!.id, later, 'two timeouts', 'maybe_sent_twice');
    const [row] = await store.listChannelDeliveries(subscription.channel, 1);
    expect(row).toMatchObject({ state: 'unconfirmed', reason: 'maybe_sent_twice', detail: 'two timeouts' });
  });

  it('lets a released claim be claimed again by anyone, but never a sent one', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    await store.releaseDelivery(claimed!.id, SLOT, 'a');
    expect((await store.listUnfinishedDeliveries())[0]).toMatchObject({ state: 'released', owner: null });
    const again = await store.claimDelivery(subscription, SLOT, SLOT, 'b');
    expect([again?.id, again?.owner]).toEqual([claimed?.id, 'b']);
    await store.confirmDelivery(again!.id, sent('m1'));
    expect(await store.claimDelivery(subscription, SLOT, SLOT, 'c')).toBeUndefined();
  });

  it('counts an attempt only for the claim’s owner, so a replica that lost its lease cannot publish', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    expect(await store.recordAttempt(claimed!.id, at('2025-06-02T00:00:01Z'), 'a')).toBe(true);
    const [row] = await store.listUnfinishedDeliveries();
    expect(await store.recoverClaim(claimed!.id, row!.claimedAt!, at('2025-06-02T00:10:00Z'), 'b')).toBe(
      true,
    );
    expect(await store.recordAttempt(claimed!.id, at('2025-06-02T00:10:01Z'), 'a')).toBe(false);
    expect(await store.recordAttempt(claimed!.id, at('2025-06-02T00:10:01Z'), 'b')).toBe(true);
    const [after] = await store.listUnfinishedDeliveries();
    expect(after).toMatchObject({ owner: 'b', attempts: 2, recoveries: 1 });
  });

  it('recovers a stale claim only if nobody touched it since it was read', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    const second = await another();
    const [first, other] = await Promise.all([
      store.recoverClaim(claimed!.id, claimed!.claimedAt!, at('2025-06-02T01:00:00Z'), 'b'),
      second.recoverClaim(claimed!.id, claimed!.claimedAt!, at('2025-06-02T01:00:00Z'), 'c'),
    ]);
    expect([first, other].filter(Boolean)).toHaveLength(1);
    const [row] = await store.listUnfinishedDeliveries();
    expect(row?.recoveries).toBe(1);
  });

  it('confirms a send once: a second confirm, even after a takeover, changes nothing', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT, 'a');
    await store.confirmDelivery(claimed!.id, sent('m1', ['d1']));
    await store.confirmDelivery(claimed!.id, sent('m2', ['d2']));
    const [row] = await store.listChannelDeliveries(channel, 1);
    expect(row).toMatchObject({ state: 'sent', messageId: 'm1' });
    expect(await store.getDigestCursor(channel)).toMatchObject({
      digestCount: 1,
      sentDevelopmentIds: ['d1'],
    });
    expect(await store.recordAttempt(claimed!.id, SLOT, 'a')).toBe(false);
  });

  it('merges cursor advances so a later confirm never forgets what an earlier one sent', async () => {
    const subscription = await store.addSubscription(newSubscription());
    const first = await store.claimDelivery(subscription, SLOT, SLOT);
    const second = await store.claimDelivery(subscription, at('2025-06-09T00:00:00Z'), SLOT);
    await store.confirmDelivery(first!.id, {
      ...sent('m1'),
      advance: { developmentIds: ['a', 'b'], briefingAsOf: { quantum: '2025-05-01', ai: '2025-05-03' } },
    });
    await store.confirmDelivery(second!.id, {
      ...sent('m2'),
      sentAt: at('2025-06-09T00:00:05Z'),
      advance: { developmentIds: ['b', 'c'], briefingAsOf: { quantum: '2025-04-01', ai: '2025-06-01' } },
    });
    const cursor = await store.getDigestCursor(channel);
    expect(cursor?.sentDevelopmentIds.sort()).toEqual(['a', 'b', 'c']);
    expect(cursor?.briefingAsOf).toEqual({ quantum: '2025-05-01', ai: '2025-06-01' });
    expect(cursor?.digestCount).toBe(2);
    expect(cursor?.lastSentAt).toEqual(at('2025-06-09T00:00:05Z'));
    expect(await store.findMessageRef(channel, 'm2')).toMatchObject({ kind: 'digest', topics: ['quantum'] });
  });

  it('records skipped and failed slots with their reasons, newest first per channel', async () => {
    const subscription = await store.addSubscription(newSubscription());
    await store.recordSkipped(subscription, SLOT, 'missed_beyond_window', at('2025-06-09T00:00:00Z'));
    await store.recordSkipped(subscription, SLOT, 'superseded', at('2025-06-09T00:00:00Z'), 'x');
    const claimed = await store.claimDelivery(subscription, at('2025-06-09T00:00:00Z'), SLOT);
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
    expect(await store.latestScheduledAt(subscription.id + 1000)).toBeUndefined();
  });

  it('offers a slot’s deliveries once, and two replicas pulling them share them without overlap', async () => {
    const subscriptions = await subscribeChannels(60);
    expect(await store.offerDeliveries(subscriptions, SLOT, SLOT)).toBe(60);
    expect(await store.offerDeliveries(subscriptions, SLOT, SLOT)).toBe(0);
    const second = await another();
    const pulled = new Map<string, number[]>([
      ['a', []],
      ['b', []],
    ]);
    const pull = async (target: Store, owner: string) => {
      for (;;) {
        const batch = await target.claimReleasedDeliveries(owner, SLOT, 7);
        if (batch.length === 0) return;
        expect(batch.every((delivery) => delivery.state === 'claimed' && delivery.owner === owner)).toBe(
          true,
        );
        pulled.get(owner)?.push(...batch.map((delivery) => delivery.subscriptionId));
      }
    };
    await Promise.all([pull(store, 'a'), pull(second, 'b')]);
    const all = [...(pulled.get('a') ?? []), ...(pulled.get('b') ?? [])].sort((x, y) => x - y);
    expect(all).toEqual(subscriptions.map((s) => s.id));
  });

  it('renews only the claims named that the owner holds; the rest are listed as stale', async () => {
    const [one, two, three] = await subscribeChannels(3);
    const held = await store.claimDelivery(one!, SLOT, SLOT, 'alive');
    const forgotten = await store.claimDelivery(two!, SLOT, SLOT, 'alive');
    const others = await store.claimDelivery(three!, SLOT, SLOT, 'dead');
    // The dead replica's id among them changes nothing: only the owner's own claims are renewed.
    expect(await store.renewClaims('alive', at('2025-06-02T00:04:00Z'), [held!.id, others!.id])).toBe(1);
    const stale = await store.listStaleClaims(at('2025-06-02T00:01:00Z'), 10);
    expect(stale.map((delivery) => delivery.id).sort()).toEqual([forgotten!.id, others!.id].sort());
  });

  it('lets one caller run a cron slot, and another only after the first one’s lease ran out unfinished', async () => {
    const second = await another();
    const key = 'digest Asia/Tokyo 0 9 * * 1:2025-06-02T00:00:00.000Z';
    const winners = await Promise.all([
      store.acquireRunSlot(key, 'a', SLOT, 30_000),
      second.acquireRunSlot(key, 'b', SLOT, 30_000),
      store.acquireRunSlot(key, 'c', SLOT, 30_000),
    ]);
    expect(winners.filter(Boolean)).toHaveLength(1);
    expect(await store.acquireRunSlot(key, 'd', at('2025-06-02T00:00:29Z'), 30_000)).toBe(false);
    expect(await store.isRunSlotFinished(key)).toBe(false);
    expect(await store.acquireRunSlot(key, 'd', at('2025-06-02T00:00:31Z'), 30_000)).toBe(true);
    await store.finishRunSlot(key, 'd', at('2025-06-02T00:00:40Z'));
    expect(await store.isRunSlotFinished(key)).toBe(true);
    expect(await store.acquireRunSlot(key, 'e', at('2025-06-03T00:00:00Z'), 30_000)).toBe(false);
  });

  it('reserves send times that keep every sliding window within its limit, across connections', async () => {
    const second = await another();
    const platform = { key: 'discord:p', limit: 4, windowMs: 100 };
    const times = await Promise.all(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? second : store).reserveSendTime([platform], SLOT)),
    );
    expect(times.map((time) => time.getTime() - SLOT.getTime()).sort((a, b) => a - b)).toEqual([
      0, 0, 0, 0, 100, 100, 100, 100, 200, 200,
    ]);
  });

  it('counts a message at its real send time in every bucket, even one that was free earlier', async () => {
    const workspace = { key: 'slack:w:T1', limit: 1, windowMs: 5_000 };
    const channelBucket = { key: 'slack:c:C1', limit: 1, windowMs: 1_000 };
    expect(await store.reserveSendTime([workspace], SLOT)).toEqual(SLOT);
    // The workspace holds this message to 5 s; the channel must count it at 5 s, not at 0.
    expect(await store.reserveSendTime([channelBucket, workspace], SLOT)).toEqual(at('2025-06-02T00:00:05Z'));
    expect(await store.reserveSendTime([channelBucket], SLOT)).toEqual(at('2025-06-02T00:00:06Z'));
  });

  it('claims a channel’s released deliveries together, so one replica paces that channel', async () => {
    const [one, two] = await subscribeChannels(2);
    const sameChannel = await store.addSubscription(
      newSubscription({ channel: one!.channel, schedule: 'daily 09:00', cron: '0 9 * * *' }),
    );
    await store.offerDeliveries([one!, two!, sameChannel], SLOT, SLOT);
    const claimed = await store.claimReleasedDeliveries('a', SLOT, 1);
    expect(claimed.map((delivery) => delivery.subscriptionId).sort((x, y) => x - y)).toEqual([
      one!.id,
      sameChannel.id,
    ]);
  });

  it('prunes finished run slots and old pacing', async () => {
    await store.acquireRunSlot('old', 'a', SLOT, 1_000);
    await store.finishRunSlot('old', 'a', SLOT);
    const bucket = { key: 'k', limit: 1, windowMs: 10 };
    await store.reserveSendTime([bucket], at('2025-06-02T00:00:05Z'));
    await store.pruneCoordination(at('2025-06-03T00:00:00Z'));
    expect(await store.isRunSlotFinished('old')).toBe(false);
    expect(await store.reserveSendTime([bucket], SLOT)).toEqual(SLOT);
  });

  it('remembers a channel language and the messages it posted', async () => {
    expect(await store.getLanguage(channel)).toBeUndefined();
    await store.setLanguage(channel, 'ja');
    expect(await store.getLanguage(channel)).toBe('ja');
    const ref = { platform: 'slack' as const, channelId: 'C1', messageId: '1.1', kind: 'reply' as const };
    await store.saveMessageRef({ ...ref, topics: ['ai'], command: 'ai' }, SLOT);
    await store.saveMessageRef({ ...ref, topics: ['quantum'], command: 'quantum' }, SLOT);
    expect(await store.findMessageRef(channel, '1.1')).toEqual({
      ...ref,
      topics: ['quantum'],
      command: 'quantum',
    });
    expect(await store.findMessageRef(channel, '2.2')).toBeUndefined();
  });

  it("lists one workspace's subscriptions across its channels, by channel, disabled ones too", async () => {
    const inWorkspace = (channelId: string, workspaceId = 'T1') => ({
      channel: { platform: 'slack' as const, channelId, workspaceId },
    });
    const b = await store.addSubscription(newSubscription(inWorkspace('CB')));
    const a = await store.addSubscription(newSubscription(inWorkspace('CA')));
    await store.addSubscription(newSubscription(inWorkspace('CC', 'T2')));
    await store.disableChannel(b.channel, 'channel_gone', 'channel_not_found', SLOT);
    const listed = await store.listWorkspaceSubscriptions('slack', 'T1');
    expect(listed.map((s) => [s.id, s.enabled])).toEqual([
      [a.id, true],
      [b.id, false],
    ]);
    expect(await store.listWorkspaceSubscriptions('discord', 'T1')).toEqual([]);
  });

  it("keeps a message's language, title and sources, also when the digest's confirmation saves it again", async () => {
    const detail = {
      lang: 'ja' as const,
      title: '週次ダイジェスト',
      sources: [{ n: 1, title: '声明', publisher: 'EC', date: '2025-05-12', url: 'https://example.org/a' }],
      via: 'message' as const,
    };
    const subscription = await store.addSubscription(newSubscription());
    const claimed = await store.claimDelivery(subscription, SLOT, SLOT);
    const ref = { platform: 'slack' as const, channelId: 'C1', messageId: 'm9', kind: 'digest' as const };
    await store.saveMessageRef({ ...ref, topics: ['quantum'], command: 'digest', detail }, SLOT);
    await store.confirmDelivery(claimed!.id, sent('m9'));
    expect(await store.findMessageRef(channel, 'm9')).toMatchObject({ ...ref, topics: ['quantum'], detail });
  });

  it('keeps an installation, replaces it on reinstall, remembering the first install', async () => {
    const record = {
      platform: 'slack' as const,
      workspaceId: 'T1',
      teamId: 'T1',
      enterpriseId: null,
      isEnterpriseInstall: false,
    };
    await store.saveInstallation({ ...record, installation: { bot: { token: 'xoxb-1' } } }, SLOT);
    await store.saveInstallation(
      { ...record, installation: { bot: { token: 'xoxb-2' } } },
      at('2025-07-01T00:00:00Z'),
    );
    const found = await store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(found).toMatchObject({ ...record, installation: { bot: { token: 'xoxb-2' } } });
    expect([found?.installedAt, found?.updatedAt]).toEqual([SLOT, at('2025-07-01T00:00:00Z')]);
    expect(await store.findInstallation({ platform: 'discord', workspaceId: 'T1' })).toBeUndefined();
    expect(await store.deleteInstallation({ platform: 'slack', workspaceId: 'T1' })).toBe(true);
    expect(await store.deleteInstallation({ platform: 'slack', workspaceId: 'T1' })).toBe(false);
  });

  it('forgets an uninstalled workspace, but not a shared channel another workspace still subscribes', async () => {
    const teamTwo: ChannelRef = { platform: 'slack', channelId: 'C2', workspaceId: 'T2' };
    const shared: ChannelRef = { platform: 'slack', channelId: 'CS', workspaceId: 'T1' };
    const gone = await store.addSubscription(newSubscription());
    const kept = await store.addSubscription(newSubscription({ channel: teamTwo }));
    await store.addSubscription(newSubscription({ channel: shared }));
    await store.addSubscription(newSubscription({ channel: { ...shared, workspaceId: 'T2' } }));
    const claimed = await store.claimDelivery(gone, SLOT, SLOT);
    await store.confirmDelivery(claimed!.id, sent('1.1', ['d1']));
    await store.setLanguage(channel, 'ja');
    await store.setLanguage(shared, 'ja');
    expect(await store.deleteWorkspaceData('slack', 'T1')).toEqual({ subscriptions: 2 });
    expect((await store.listEnabledSubscriptions()).map((s) => s.channel.channelId)).toEqual(['C2', 'CS']);
    expect(await store.listChannelDeliveries(channel, 10)).toEqual([]);
    expect(await store.getDigestCursor(channel)).toBeUndefined();
    expect(await store.findMessageRef(channel, '1.1')).toBeUndefined();
    expect(await store.getLanguage(channel)).toBeUndefined();
    expect(await store.getLanguage(shared)).toBe('ja');
    expect(kept.enabled).toBe(true);
  });
}
