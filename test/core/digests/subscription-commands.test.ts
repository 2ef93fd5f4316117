import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestService, type DigestService } from '../../../src/core/digests/create-digest-service.ts';
import type { ScheduleSpec } from '../../../src/core/digests/digest-commands.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import { UserFacingError } from '../../../src/core/errors.ts';
import type { ChannelRef, RequestContext } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import type { TopicId } from '../../../src/core/topics/topic-ids.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { createVirtualTime } from '../../fakes/virtual-time.ts';
import { createLibrary, createTempDir, silentLogger } from './digest-fixtures.ts';

const channel: ChannelRef = { platform: 'discord', channelId: '111', workspaceId: 'G1' };
const manager: RequestContext = { channel, canManageChannel: true };

describe('subscription commands', () => {
  let temp: ReturnType<typeof createTempDir>;
  let store: Store;
  let service: DigestService;

  beforeEach(() => {
    temp = createTempDir();
    store = createSqliteStore(temp.path('eujp.sqlite'));
    const time = createVirtualTime('2025-06-04T03:00:00Z'); // a Wednesday
    service = createDigestService({
      store,
      getLibrary: () => createLibrary(),
      clock: time.clock,
      logger: silentLogger,
      publishers: new Map(),
      defaultTimeZone: 'Europe/Brussels',
      schedule: false,
      sleep: time.sleep,
    });
  });
  afterEach(async () => {
    await service.stop();
    await store.close();
    temp.cleanup();
  });

  const subscribe = (
    schedule: ScheduleSpec,
    options: { timeZone?: string; topics?: TopicId[]; lang?: 'en' | 'ja'; context?: RequestContext } = {},
  ) =>
    service.commands.subscribe({
      channel,
      context: options.context ?? manager,
      lang: options.lang ?? 'en',
      schedule,
      topics: options.topics ?? [],
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    });
  const texts = (reply: Reply) =>
    reply.sections.flatMap((section) => [...section.paragraphs, ...section.items.map((item) => item.text)]);

  it.each(['direct', 'group'] as const)(
    'refuses to subscribe in a %s message, where the bot cannot post, and stores nothing',
    async (kind) => {
      await expect(
        subscribe({ kind: 'daily', time: '09:00' }, { context: { ...manager, directMessage: kind } }),
      ).rejects.toThrow(/cannot be delivered in a direct message or group DM/);
      expect(await store.listChannelSubscriptions(channel)).toEqual([]);
    },
  );

  it('confirms the schedule in words and the next three send times in the channel’s time zone', async () => {
    const reply = await subscribe(
      { kind: 'weekly', day: 'mon', time: '09:00' },
      { timeZone: 'asia/tokyo', topics: ['semiconductors', 'quantum'] },
    );
    expect(reply.title).toBe('Digest subscribed: every Monday at 09:00 (Asia/Tokyo)');
    expect(reply.summary).toBe('Topics: Semiconductors, Quantum technology');
    expect(reply.sections[0]?.items.map((item) => item.text)).toEqual([
      'Mon, 9 June 2025 at 09:00 (Asia/Tokyo)',
      'Mon, 16 June 2025 at 09:00 (Asia/Tokyo)',
      'Mon, 23 June 2025 at 09:00 (Asia/Tokyo)',
    ]);
    expect(reply.visibility).toBe('public');
    expect(reply.actions.map((action) => action.command)).toEqual([
      'digest semiconductors quantum',
      'subscriptions',
    ]);
    const [stored] = await store.listChannelSubscriptions(channel);
    expect(stored).toMatchObject({ schedule: 'weekly mon 09:00', cron: '0 9 * * 1', timeZone: 'Asia/Tokyo' });
  });

  it('uses all topics and the default time zone when none are given', async () => {
    const reply = await subscribe({ kind: 'daily', time: '8:30' });
    expect(reply.title).toBe('Digest subscribed: every day at 08:30 (Europe/Brussels)');
    expect(reply.summary).toBe('Topics: all topics');
    expect(reply.sections[0]?.items[0]?.text).toBe('Wed, 4 June 2025 at 08:30 (Europe/Brussels)');
  });

  it('describes a cron schedule in words', async () => {
    const reply = await subscribe({ kind: 'cron', expression: '0 9 * * 1-5' }, { timeZone: 'Asia/Tokyo' });
    expect(reply.title).toBe('Digest subscribed: every Monday to Friday at 09:00 (Asia/Tokyo)');
    expect(reply.sections[0]?.items.map((item) => item.text)[0]).toBe(
      'Thu, 5 June 2025 at 09:00 (Asia/Tokyo)',
    );
  });

  it('answers in Japanese', async () => {
    const reply = await subscribe(
      { kind: 'weekly', day: 'monday', time: '09:00' },
      { timeZone: 'Asia/Tokyo', lang: 'ja', topics: ['quantum'] },
    );
    expect(reply.title).toBe('ダイジェストを登録しました：毎週月曜日 09:00 (Asia/Tokyo)');
    expect(reply.summary).toBe('トピック：量子技術');
  });

  it.each([
    [
      'a time that is not a time',
      { kind: 'daily', time: '25:00' },
      {},
      'bad_schedule',
      /“25:00” is not a time/,
    ],
    [
      'a day that is not a day',
      { kind: 'weekly', day: 'funday', time: '09:00' },
      {},
      'bad_schedule',
      /not a day of the week/,
    ],
    ['a broken cron', { kind: 'cron', expression: '0 9 * *' }, {}, 'bad_schedule', /five-field cron/],
    [
      'a cron out of range',
      { kind: 'cron', expression: '61 9 * * *' },
      {},
      'bad_schedule',
      /the minute \(1st\) field takes 0 to 59/,
    ],
    [
      'a cron more often than hourly',
      { kind: 'cron', expression: '*/5 * * * *' },
      {},
      'bad_schedule',
      /more than once an hour/,
    ],
    [
      'an unknown time zone',
      { kind: 'daily', time: '09:00' },
      { timeZone: 'Mars/Olympus' },
      'unknown_time_zone',
      /“Mars\/Olympus” is not a time zone/,
    ],
    [
      'a raw offset instead of a zone',
      { kind: 'daily', time: '09:00' },
      { timeZone: '+09:00' },
      'unknown_time_zone',
      /not a time zone/,
    ],
    [
      'an unknown topic',
      { kind: 'daily', time: '09:00' },
      { topics: ['astrology' as TopicId] },
      'unknown_topic',
      /“astrology”/,
    ],
  ] as const)(
    'refuses %s with a clear message and stores nothing',
    async (_, schedule, options, code, message) => {
      const error = await subscribe(schedule as ScheduleSpec, options as never).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserFacingError);
      expect((error as UserFacingError).code).toBe(code);
      expect((error as UserFacingError).message).toMatch(message);
      expect(await store.listChannelSubscriptions(channel)).toEqual([]);
    },
  );

  it('refuses members who may not manage the channel, and changes nothing', async () => {
    await subscribe({ kind: 'daily', time: '09:00' });
    const notManager = { channel, canManageChannel: false };
    await expect(subscribe({ kind: 'daily', time: '10:00' }, { context: notManager })).rejects.toThrow(
      /Manage Channels/,
    );
    await expect(
      service.commands.unsubscribe({ channel, context: notManager, lang: 'en', target: { kind: 'only' } }),
    ).rejects.toThrow(/Manage Channels/);
    expect(await store.listChannelSubscriptions(channel)).toHaveLength(1);
  });

  it('refuses the same digest twice', async () => {
    await subscribe({ kind: 'daily', time: '09:00' }, { topics: ['ai', 'quantum'] });
    await expect(subscribe({ kind: 'daily', time: '09:00' }, { topics: ['quantum', 'ai'] })).rejects.toThrow(
      /already has that digest \(number 1\)/,
    );
  });

  it('lists the channel’s digests numbered, with their next send time', async () => {
    await subscribe(
      { kind: 'weekly', day: 'mon', time: '09:00' },
      { timeZone: 'Asia/Tokyo', topics: ['quantum'] },
    );
    await subscribe({ kind: 'daily', time: '08:30' });
    const reply = await service.commands.list({ channel, context: manager, lang: 'en' });
    expect(reply.sections[0]?.items.map((item) => `${item.label} ${item.text}`)).toEqual([
      '1. every Monday at 09:00 (Asia/Tokyo) · Quantum technology · next: Mon, 9 June 2025 at 09:00 (Asia/Tokyo)',
      '2. every day at 08:30 (Europe/Brussels) · all topics · next: Wed, 4 June 2025 at 08:30 (Europe/Brussels)',
    ]);
  });

  it('removes one digest by its number', async () => {
    await subscribe({ kind: 'daily', time: '07:00' });
    await subscribe({ kind: 'daily', time: '08:00' });
    await subscribe({ kind: 'daily', time: '09:00' });
    const unsubscribe = (index: number) =>
      service.commands.unsubscribe({
        channel,
        context: manager,
        lang: 'en',
        target: { kind: 'number', index },
      });
    const one = await unsubscribe(2);
    expect(one.title).toBe('Digest 2 removed (every day at 08:00 (Europe/Brussels)).');
    expect((await store.listChannelSubscriptions(channel)).map((s) => s.schedule)).toEqual([
      'daily 07:00',
      'daily 09:00',
    ]);
    await expect(unsubscribe(5)).rejects.toThrow(/no digest number 5 here: this channel has 2/);
  });

  it('shows an empty list and status for a channel without digests', async () => {
    const list = await service.commands.list({ channel, context: manager, lang: 'en' });
    expect(texts(list)).toEqual([
      'This channel has no digests. Try “subscribe weekly mon 09:00 tz=Europe/Brussels”.',
    ]);
    const status = await service.commands.status({ channel, context: manager, lang: 'en' });
    expect(texts(status)).toEqual([
      'No digest has been sent here yet.',
      'Nothing is scheduled.',
      'Nothing was skipped or failed.',
    ]);
  });

  it('previews the digest a channel would get, without recording anything', async () => {
    const preview = await service.commands.preview({
      channel,
      context: manager,
      lang: 'en',
      topics: ['quantum'],
    });
    expect(preview.title).toBe('Digest preview');
    expect(preview.sections[0]?.items[0]?.text).toBe('quantum-loi happened');
    await service.commands.preview({ channel, context: manager, lang: 'en', topics: ['quantum'] });
    expect(await store.getDigestCursor(channel)).toBeUndefined();
    expect(await store.listChannelDeliveries(channel, 10)).toEqual([]);
  });
});
