import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../../src/core/core.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import type { RequestContext } from '../../../src/core/ports.ts';
import { type CoreWithDigests, startCoreWithDigests } from '../../support/core-with-digests.ts';

const channel = { platform: 'discord' as const, channelId: '42', workspaceId: 'G1' };
const manager: RequestContext = { channel, canManageChannel: true, locale: 'en-US' };

/** The command grammar (docs/contracts.md), typed as a user would, through the real core and briefings. */
describe('digest commands through the core', () => {
  let fixture: CoreWithDigests;
  let store: Store;
  let core: Core;

  beforeEach(async () => {
    fixture = await startCoreWithDigests();
    ({ core, store } = fixture);
  });
  afterEach(() => fixture.close());

  it('subscribes with the issue’s example and lists it', async () => {
    const reply = await core.handle(
      '/eujp subscribe weekly mon 09:00 tz=Asia/Tokyo semiconductors quantum',
      manager,
    );
    expect(reply.type).toBe('subscription');
    expect(reply.title).toBe('Digest subscribed: every Monday at 09:00 (Asia/Tokyo)');
    expect(reply.sections[0]?.items).toHaveLength(3);
    const list = await core.handle('subscriptions', manager);
    expect(list.sections[0]?.items[0]?.text).toMatch(/^every Monday at 09:00 \(Asia\/Tokyo\) · /);
  });

  it('subscribes with a quoted cron schedule', async () => {
    const reply = await core.handle('subscribe cron "0 9 * * 1-5" tz=Europe/Brussels', manager);
    expect(reply.title).toBe('Digest subscribed: every Monday to Friday at 09:00 (Europe/Brussels)');
  });

  it('answers a bad schedule, time zone or topic with a clear error and stores nothing', async () => {
    const replies = [
      await core.handle('subscribe daily 25:00', manager),
      await core.handle('subscribe daily 09:00 tz=Mars/Olympus', manager),
      await core.handle('subscribe daily 09:00 astrology', manager),
    ];
    expect(replies.map((reply) => reply.type)).toEqual(['error', 'error', 'error']);
    expect(replies[0]?.sections.flatMap((s) => s.paragraphs).join(' ')).toMatch(/“25:00” is not a time/);
    expect(replies[1]?.sections.flatMap((s) => s.paragraphs).join(' ')).toMatch(/Mars\/Olympus/);
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });

  it('refuses a Discord member without Manage Channels', async () => {
    const reply = await core.handle('subscribe daily 09:00', { channel, canManageChannel: false });
    expect(reply.type).toBe('error');
    expect(await store.listChannelSubscriptions(channel)).toEqual([]);
  });

  it('shows status and a digest preview for the channel', async () => {
    await core.handle('subscribe daily 08:30', manager);
    const status = await core.handle('status', manager);
    expect(status.type).toBe('status');
    expect(status.sections.map((section) => section.heading)).toEqual([
      'Last digest',
      'Next due',
      'Skipped or failed',
    ]);
    const preview = await core.handle('digest semiconductors', manager);
    expect(preview.type).toBe('digest');
    expect(preview.visibility).toBe('private');
  });

  it('keeps a channel language set with `language ja` in the same store, and digests follow it', async () => {
    await core.handle('language ja', manager);
    expect(await store.getLanguage(channel)).toBe('ja');
    const preview = await core.handle('digest', manager);
    expect(preview.lang).toBe('ja');
  });
});
