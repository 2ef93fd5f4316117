import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createDigestService, type DigestService } from '../../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import type { ChannelRef } from '../../../src/core/ports.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { createFakePublisher, type FakePublisher } from '../../fakes/fake-publisher.ts';
import { createLibrary, createTempDir, silentLogger } from './digest-fixtures.ts';

const channel: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const context = { channel, canManageChannel: true };
const MINUTE = 60_000;

/** node-cron on vitest's fake timers (PLATFORM.md): the real timing code, on simulated time. */
describe('scheduling digests with node-cron', () => {
  let temp: ReturnType<typeof createTempDir>;
  let store: Store;
  let slack: FakePublisher;
  let service: DigestService;

  beforeEach(() => {
    temp = createTempDir();
    store = createSqliteStore(temp.path('eujp.sqlite'));
  });
  afterEach(async () => {
    await service.stop();
    await store.close();
    vi.useRealTimers();
    temp.cleanup();
  });

  async function startAt(iso: string) {
    vi.useFakeTimers({ now: new Date(iso) });
    const clock = { now: () => new Date() };
    slack = createFakePublisher({ platform: 'slack', clock });
    service = createDigestService({
      store,
      getLibrary: () => createLibrary(),
      clock,
      logger: silentLogger,
      publishers: new Map([['slack', slack]]),
      defaultTimeZone: 'Europe/Brussels',
      // The recovery sweep is not under test here; keep it from ticking every few minutes.
      leaseMs: 7 * 24 * 60 * MINUTE,
    });
    await service.start();
  }
  const sentAt = () => slack.messages.map((message) => message.at.toISOString());

  it('fires at 09:00 in Tokyo for a subscription added while running, without a restart', async () => {
    await startAt('2025-06-01T23:50:00Z'); // Monday 08:50 JST
    await service.commands.subscribe({
      channel,
      context,
      lang: 'en',
      schedule: { kind: 'weekly', day: 'mon', time: '09:00' },
      timeZone: 'Asia/Tokyo',
      topics: ['quantum'],
    });
    await vi.advanceTimersByTimeAsync(9 * MINUTE);
    expect(sentAt()).toEqual([]);
    await vi.advanceTimersByTimeAsync(2 * MINUTE);
    expect(sentAt()).toEqual(['2025-06-02T00:00:00.000Z']);
  });

  it('stops firing as soon as the subscription is removed', async () => {
    await startAt('2025-06-01T12:00:00Z');
    const daily = { kind: 'daily', time: '09:00' } as const;
    await service.commands.subscribe({
      channel,
      context,
      lang: 'en',
      schedule: daily,
      timeZone: 'Asia/Tokyo',
      topics: [],
    });
    await vi.advanceTimersByTimeAsync(24 * 60 * MINUTE);
    expect(sentAt()).toEqual(['2025-06-02T00:00:00.000Z']);
    await service.commands.unsubscribe({
      channel,
      context,
      lang: 'en',
      target: { kind: 'number', index: 1 },
    });
    await vi.advanceTimersByTimeAsync(3 * 24 * 60 * MINUTE);
    expect(sentAt()).toEqual(['2025-06-02T00:00:00.000Z']);
  });

  it('keeps 09:00 Brussels time across the spring change: 08:00 UTC before, 07:00 UTC after', async () => {
    await startAt('2025-03-29T06:00:00Z'); // Saturday, the day before clocks go forward
    const daily = { kind: 'daily', time: '09:00' } as const;
    await service.commands.subscribe({
      channel,
      context,
      lang: 'en',
      schedule: daily,
      timeZone: 'Europe/Brussels',
      topics: [],
    });
    await vi.advanceTimersByTimeAsync(3 * 24 * 60 * MINUTE);
    expect(sentAt()).toEqual([
      '2025-03-29T08:00:00.000Z',
      '2025-03-30T07:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
    ]);
  });

  it('sends a Monday digest once per week in Tokyo, whatever Brussels does in October', async () => {
    await startAt('2025-10-19T12:00:00Z');
    await service.commands.subscribe({
      channel,
      context,
      lang: 'en',
      schedule: { kind: 'weekly', day: 'mon', time: '09:00' },
      timeZone: 'Asia/Tokyo',
      topics: [],
    });
    await vi.advanceTimersByTimeAsync(14 * 24 * 60 * MINUTE);
    expect(sentAt()).toEqual(['2025-10-20T00:00:00.000Z', '2025-10-27T00:00:00.000Z']);
  });
});
