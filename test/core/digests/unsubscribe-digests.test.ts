import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createDigestService, type DigestService } from '../../../src/core/digests/create-digest-service.ts';
import type { UnsubscribeTarget } from '../../../src/core/digests/digest-commands.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import type { ChannelRef, RequestContext } from '../../../src/core/ports.ts';
import type { Language, Reply } from '../../../src/core/reply.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { createVirtualTime, type VirtualTime } from '../../fakes/virtual-time.ts';
import { createLibrary, createTempDir, silentLogger } from './digest-fixtures.ts';

const channel: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const otherChannel: ChannelRef = { platform: 'slack', channelId: 'C2', workspaceId: 'T1' };
const member: RequestContext = { channel, canManageChannel: true };

describe('unsubscribe', () => {
  let temp: ReturnType<typeof createTempDir>;
  let store: Store;
  let time: VirtualTime;
  let service: DigestService;

  beforeEach(() => {
    temp = createTempDir();
    store = createSqliteStore(temp.path('eujp.sqlite'));
    time = createVirtualTime('2025-06-04T03:00:00Z');
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

  const subscribeDaily = (at: string, where: ChannelRef = channel, lang: Language = 'en') =>
    service.commands.subscribe({
      channel: where,
      context: { channel: where, canManageChannel: true },
      lang,
      schedule: { kind: 'daily', time: at },
      topics: at === '07:00' ? ['quantum', 'ai'] : [],
      timeZone: 'Asia/Tokyo',
    });
  const unsubscribe = (target: UnsubscribeTarget, where: ChannelRef = channel, lang: Language = 'en') =>
    service.commands.unsubscribe({ channel: where, context: { ...member, channel: where }, lang, target });
  const schedules = async (where: ChannelRef = channel) =>
    (await store.listChannelSubscriptions(where)).map((s) => s.schedule);
  const confirmationOf = (reply: Reply) => {
    const command = reply.actions.find((action) => action.command.startsWith('unsubscribe all '))?.command;
    const code = command?.split(' ')[2];
    if (!code) throw new Error('no confirmation button');
    return code;
  };
  const lines = (reply: Reply) => reply.sections.flatMap((section) => section.items.map((item) => item.text));

  it('does not remove several digests when no number is given, and says how to choose', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    const reply = await unsubscribe({ kind: 'only' });
    expect(reply.type).toBe('error');
    expect(reply.title).toBe('Which digest?');
    expect(reply.sections[0]?.paragraphs[0]).toMatch(/“unsubscribe <number>”.*“unsubscribe all”/);
    expect(await schedules()).toEqual(['daily 07:00', 'daily 08:00']);
  });

  it('removes the only digest at once and gives the line that restores it', async () => {
    await subscribeDaily('07:00');
    const reply = await unsubscribe({ kind: 'only' });
    expect(reply.title).toBe('Digest 1 removed (every day at 07:00 (Asia/Tokyo)).');
    expect(lines(reply)).toEqual(['/eujp subscribe daily 07:00 tz=Asia/Tokyo quantum ai']);
    expect(reply.actions[0]).toEqual({
      kind: 'command',
      label: 'Undo',
      command: 'subscribe daily 07:00 tz=Asia/Tokyo quantum ai lang=en',
    });
    expect(await schedules()).toEqual([]);
  });

  it('asks before removing all, then removes exactly the listed digests and says how to restore them', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00', channel, 'ja');
    const prompt = await unsubscribe({ kind: 'all' });
    expect(prompt.title).toBe('Remove all 2 digests from this channel?');
    expect(prompt.visibility).toBe('private');
    expect(await schedules()).toEqual(['daily 07:00', 'daily 08:00']);
    const code = confirmationOf(prompt);
    expect(prompt.sections[1]?.paragraphs[0]).toContain(`/eujp unsubscribe all ${code}`);

    const done = await unsubscribe({ kind: 'confirmed', code });
    expect(done.title).toBe('All 2 digests were removed.');
    expect(lines(done)).toEqual([
      '/eujp subscribe daily 07:00 tz=Asia/Tokyo quantum ai',
      '/eujp subscribe daily 08:00 tz=Asia/Tokyo lang=ja',
    ]);
    expect(await schedules()).toEqual([]);
  });

  it('removes nothing when the confirmation is used in another channel', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    await subscribeDaily('07:00', otherChannel);
    await subscribeDaily('08:00', otherChannel);
    const code = confirmationOf(await unsubscribe({ kind: 'all' }));
    await expect(unsubscribe({ kind: 'confirmed', code }, otherChannel)).rejects.toMatchObject({
      code: 'subscriptions_changed',
    });
    expect(await schedules(otherChannel)).toEqual(['daily 07:00', 'daily 08:00']);
  });

  it('removes nothing once the confirmation has expired', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    const code = confirmationOf(await unsubscribe({ kind: 'all' }));
    time.advance(11 * 60_000);
    await expect(unsubscribe({ kind: 'confirmed', code })).rejects.toMatchObject({
      code: 'confirmation_expired',
      message: expect.stringMatching(/expired \(they last 10 minutes\)/),
    });
    expect(await schedules()).toHaveLength(2);
  });

  it('never removes a digest subscribed after the prompt', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    const code = confirmationOf(await unsubscribe({ kind: 'all' }));
    await subscribeDaily('09:00');
    await expect(unsubscribe({ kind: 'confirmed', code })).rejects.toMatchObject({
      code: 'subscriptions_changed',
    });
    expect(await schedules()).toEqual(['daily 07:00', 'daily 08:00', 'daily 09:00']);
  });

  it('removes nothing when a made-up code is typed', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    await expect(unsubscribe({ kind: 'confirmed', code: 'zzzzzz-0000' })).rejects.toMatchObject({
      code: 'subscriptions_changed',
    });
    expect(await schedules()).toHaveLength(2);
  });

  it('keeps the confirmation usable when the store fails once while removing', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    const code = confirmationOf(await unsubscribe({ kind: 'all' }));
    const remove = store.removeSubscriptions.bind(store);
    let failures = 1;
    store.removeSubscriptions = async (ids) => {
      if (failures-- > 0) throw new Error('disk I/O error');
      return remove(ids);
    };
    // The person reads "could not save"; the store's error is kept for the log.
    await expect(unsubscribe({ kind: 'confirmed', code })).rejects.toMatchObject({
      code: 'not_saved',
      cause: { message: 'disk I/O error' },
    });
    expect(await schedules()).toHaveLength(2);
    const done = await unsubscribe({ kind: 'confirmed', code });
    expect(done.title).toBe('All 2 digests were removed.');
    expect(await schedules()).toEqual([]);
  });

  it('asks and confirms in Japanese', async () => {
    await subscribeDaily('07:00');
    await subscribeDaily('08:00');
    const prompt = await unsubscribe({ kind: 'all' }, channel, 'ja');
    expect(prompt.title).toBe('このチャンネルのダイジェスト2件をすべて削除しますか？');
    expect(prompt.actions[0]?.label).toBe('2件すべて削除');
    expect(prompt.actions[0]?.command).toMatch(/ lang=ja$/);
    const done = await unsubscribe({ kind: 'confirmed', code: confirmationOf(prompt) }, channel, 'ja');
    expect(done.title).toBe('ダイジェスト2件をすべて削除しました。');
    expect(done.sections[0]?.heading).toBe('元に戻すには次のように入力してください：');
  });
});
