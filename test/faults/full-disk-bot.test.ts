import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCore } from '../../src/core/create-core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import { DeliveryError, type Logger, type RequestContext } from '../../src/core/ports.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import {
  channels,
  MONDAY_SLOT,
  startInstance,
  subscribeAll,
  WEEKLY_TOKYO,
} from '../core/digests/digest-harness.ts';
import { createFakePublisher, type FakePublisher } from '../fakes/fake-publisher.ts';
import { createVirtualTime, type VirtualTime } from '../fakes/virtual-time.ts';
import { mountSmallDisk, SMALL_DISK_UNAVAILABLE, type SmallDisk } from '../support/small-disk.ts';
import { loadRealLibrary } from '../support/test-core.ts';

// The bot on a really full disk: it never confirms what it did not save, and once space is
// back it finishes what the full disk stopped without waiting for a restart.

if (SMALL_DISK_UNAVAILABLE) console.warn(`full-disk bot tests skipped: ${SMALL_DISK_UNAVAILABLE}`);

const channel = { platform: 'slack' as const, channelId: 'C1', workspaceId: 'W1' };
const member: RequestContext = { channel, userId: 'U1' };

describe.skipIf(SMALL_DISK_UNAVAILABLE !== undefined)('the bot on a full disk', () => {
  let disk: SmallDisk;
  let time: VirtualTime;
  let publisher: FakePublisher;
  const logged: string[] = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn: (_obj, msg) => logged.push(String(msg)),
    error: (_obj, msg) => logged.push(String(msg)),
  };

  beforeEach(() => {
    disk = mountSmallDisk();
    time = createVirtualTime('2025-06-01T00:00:00Z');
    publisher = createFakePublisher({ platform: 'slack', clock: time.clock });
    logged.length = 0;
  });
  afterEach(() => disk.cleanup());

  it('answers "could not save" to subscribe, unsubscribe and lang, and changes nothing', async () => {
    const library = await loadRealLibrary();
    const store: Store = createSqliteStore(disk.path('eujp.sqlite'));
    const service: DigestService = createDigestService({
      store,
      getLibrary: () => library,
      clock: time.clock,
      logger,
      publishers: new Map(),
      defaultTimeZone: 'Europe/Brussels',
      schedule: false,
    });
    const core = createCore({
      getLibrary: () => library,
      digests: service.commands,
      settings: store,
      clock: time.clock,
      logger,
    });
    const say = async (text: string) => {
      const reply = await core.handle(text, member);
      return { type: reply.type, text: reply.sections.flatMap((s) => s.paragraphs).join(' ') };
    };
    expect((await say('subscribe daily 09:00')).type).toBe('subscription');

    disk.fill();
    const refused = [
      await say('subscribe weekly mon 09:00'),
      await say('unsubscribe 1'),
      await say('lang ja'),
    ];
    disk.free();

    for (const reply of refused) {
      expect(reply.type).toBe('error');
      expect(reply.text).toBe('Sorry, I could not save that. Please try again in a few minutes.');
    }
    expect(logged.filter((line) => line === 'command could not save its change')).toHaveLength(3);
    expect((await store.listChannelSubscriptions(channel)).map((s) => s.schedule)).toEqual(['daily 09:00']);
    expect(await store.getLanguage(channel)).toBeUndefined();
    await service.stop();
    await store.close();
  });

  it('sends a slot the full disk stopped once space is back, without a restart', async () => {
    const bot = startInstance(disk.path('eujp.sqlite'), time, [publisher], { logger });
    const targets = channels('slack', 30);
    await subscribeAll(bot.store, targets);
    await time.run(bot.service.start());

    time.set(MONDAY_SLOT);
    disk.fill();
    // What node-cron does at the slot: it fails, as the ledger cannot be written.
    await time
      .run(bot.service.fireSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT))
      .catch(() => {});
    await time.run(time.sleep(30_000));
    expect(publisher.messages).toHaveLength(0);

    disk.free();
    await time.run(time.sleep(75_000));
    expect(targets.map((target) => publisher.messagesTo(target.channelId).length)).toEqual(
      targets.map(() => 1),
    );
    await time.run(bot.service.stop());
    await bot.store.close();
  });

  it('after hours on a full disk, sends one digest for an hourly schedule, and records the rest as superseded', async () => {
    const hourly = { schedule: 'cron "0 * * * *"', cron: '0 * * * *', timeZone: 'UTC' };
    time.set('2025-06-01T23:30:00Z');
    const bot = startInstance(disk.path('eujp.sqlite'), time, [publisher], { logger });
    const targets = channels('slack', 2);
    await subscribeAll(bot.store, targets, { schedule: hourly, createdAt: new Date('2025-06-01T23:00:00Z') });
    await time.run(bot.service.start());
    disk.fill();
    for (const hour of ['00', '01', '02']) {
      const slot = new Date(`2025-06-02T${hour}:00:00Z`);
      time.set(slot);
      await time.run(bot.service.fireSlot(hourly.cron, hourly.timeZone, slot)).catch(() => {});
    }
    disk.free();
    await time.run(time.sleep(75_000));
    expect(targets.map((target) => publisher.messagesTo(target.channelId).length)).toEqual([1, 1]);
    const ledger = await bot.store.listChannelDeliveries(targets[0]!, 5);
    expect(ledger.map((row) => [row.scheduledAt.toISOString().slice(11, 13), row.state, row.reason])).toEqual(
      [
        ['02', 'sent', null],
        ['01', 'skipped', 'superseded'],
        ['00', 'skipped', 'superseded'],
      ],
    );
    await time.run(bot.service.stop());
    await bot.store.close();
  });

  it('sends a delivery that crashed on the full disk mid-retry once space is back, without a restart', async () => {
    const bot = startInstance(disk.path('eujp.sqlite'), time, [publisher], { logger });
    await subscribeAll(bot.store, channels('slack', 1));
    await time.run(bot.service.start());
    time.set(MONDAY_SLOT);
    publisher.failNext('*', new DeliveryError('transient', 'HTTP 503'), 1);
    void bot.service.fireSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT);
    await time.runUntil(() => publisher.publishCalls === 1);
    // The disk fills while the delivery waits out its backoff: its next attempt cannot be recorded.
    disk.fill();
    await time.run(time.sleep(30_000));
    expect(logged).toContain('digest delivery crashed');
    expect(publisher.messages).toHaveLength(0);

    disk.free();
    await time.run(time.sleep(75_000));
    expect(publisher.messagesTo('slack-1')).toHaveLength(1);
    await time.run(bot.service.stop());
    await bot.store.close();
  });

  it('records a sent digest whose record hit the full disk once space is back, so a restart resends nothing', async () => {
    const file = disk.path('eujp.sqlite');
    const bot = startInstance(file, time, [publisher], { logger });
    await subscribeAll(bot.store, channels('slack', 1));
    await time.run(bot.service.start());
    time.set(MONDAY_SLOT);
    publisher.holdAfter(0);
    void bot.service.fireSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, MONDAY_SLOT);
    await time.runUntil(() => publisher.held.length === 1);
    // The platform posts it while the disk fills: the confirm cannot be written.
    disk.fill();
    publisher.held[0]?.accept();
    await time.run(time.sleep(5_000));
    expect(logged).toContain('digest sent but not recorded; a restart may send it once more');

    disk.free();
    await time.run(time.sleep(30_000));
    const [row] = await bot.store.listChannelDeliveries({ platform: 'slack', channelId: 'slack-1' }, 1);
    expect(row).toMatchObject({ state: 'sent', messageId: publisher.messages[0]?.messageId });
    await time.run(bot.service.stop());
    await bot.store.close();

    publisher.holdAfter(Number.POSITIVE_INFINITY);
    time.advance(10 * 60_000); // past the lease: an unrecorded claim would now be taken over and resent
    const restarted = startInstance(file, time, [publisher], { logger });
    await time.run(restarted.service.start().then(() => restarted.service.idle()));
    expect(publisher.messagesTo('slack-1')).toHaveLength(1);
    await time.run(restarted.service.stop());
    await restarted.store.close();
  });

  it('sends a catch-up the full disk stopped at start-up, and never calls it taken over', async () => {
    const file = disk.path('eujp.sqlite');
    const targets = channels('slack', 30);
    const seeding = createSqliteStore(file);
    await subscribeAll(seeding, targets);
    await seeding.close();

    // The bot was down over the Monday slot and starts while the disk is full.
    time.set(new Date(MONDAY_SLOT.getTime() + 60_000));
    const bot = startInstance(file, time, [publisher], { logger });
    disk.fill();
    await time.run(bot.service.start());
    await time.run(time.sleep(30_000));
    expect(publisher.messages).toHaveLength(0);

    disk.free();
    await time.run(time.sleep(75_000));
    expect(targets.map((target) => publisher.messagesTo(target.channelId).length)).toEqual(
      targets.map(() => 1),
    );
    expect(logged.filter((line) => line.includes('taken over by another replica'))).toEqual([]);
    await time.run(bot.service.stop());
    await bot.store.close();
  });
});
