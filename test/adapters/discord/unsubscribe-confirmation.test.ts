import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type DiscordAdapter,
  startDiscordAdapter,
} from '../../../src/adapters/discord/start-discord-adapter.ts';
import type { ChannelRef, Clock } from '../../../src/core/ports.ts';
import {
  APP_ID,
  buttonPayload,
  CHANNEL_ID,
  callbackPath,
  deliverInteraction,
  eujpPayload,
  GUILD_ID,
  PERMISSIONS,
} from '../../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/fake-discord-api.ts';
import { createReplyWorld, type ReplyWorld } from '../../i18n/reply-catalogue.ts';
import { FIXED_NOW, silentLogger } from '../../support/test-core.ts';

// `unsubscribe all` through the real discord.js client: the confirm button needs Manage
// Channels like the command, acts only in its channel, and expires.

interface CallbackBody {
  data?: {
    embeds?: { title?: string; description?: string }[];
    components?: { components: { custom_id: string; label: string }[] }[];
  };
}

const OTHER_CHANNEL = '1100000000000000099';
const moderator = { permissions: PERMISSIONS.moderator };
let now = FIXED_NOW.getTime();
const clock: Clock = { now: () => new Date(now) };

let world: ReplyWorld;
let api: FakeDiscordApi;
let adapter: DiscordAdapter;
beforeEach(async () => {
  now = FIXED_NOW.getTime();
  world = await createReplyWorld({ clock });
  api = await startFakeDiscordApi();
  adapter = await startDiscordAdapter({
    token: 'test-token',
    appId: APP_ID,
    apiUrl: api.url,
    core: world.core,
    logger: silentLogger,
    login: false,
    rest: { retries: 0 },
  });
});
afterEach(async () => {
  await adapter.stop();
  await api.close();
  await world.close();
});

async function interact(payload: Record<string, unknown>): Promise<CallbackBody> {
  deliverInteraction(adapter.client, payload);
  const [callback] = await api.waitFor('POST', callbackPath(payload));
  return (callback?.body ?? {}) as CallbackBody;
}

const textOf = (body: CallbackBody) =>
  (body.data?.embeds ?? []).map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`).join('\n');
const channel = (channelId: string): ChannelRef => ({
  platform: 'discord',
  channelId,
  workspaceId: GUILD_ID,
});
const countIn = async (channelId: string) =>
  (await world.store.listChannelSubscriptions(channel(channelId))).length;

async function subscribeTwo(channelId = CHANNEL_ID): Promise<void> {
  for (const text of ['subscribe daily 07:00 quantum', 'subscribe weekly fri 17:30 tz=tokyo'])
    await interact(eujpPayload(text, { ...moderator, channelId }));
}

async function confirmButton(): Promise<string> {
  await subscribeTwo();
  const prompt = await interact(eujpPayload('unsubscribe all', moderator));
  expect(textOf(prompt)).toContain('Remove all 2 digests from this channel?');
  const button = (prompt.data?.components ?? [])
    .flatMap((row) => row.components)
    .find((component) => component.label === 'Remove all 2');
  expect(button).toBeDefined();
  expect(await countIn(CHANNEL_ID)).toBe(2);
  return button!.custom_id;
}

describe('unsubscribe all on Discord', () => {
  it('removes the listed digests when a moderator presses the button, with the lines to restore them', async () => {
    const customId = await confirmButton();
    const answer = textOf(await interact(buttonPayload(customId, moderator)));
    expect(answer).toContain('All 2 digests were removed.');
    expect(answer).toContain('/eujp subscribe weekly fri 17:30 tz=Asia/Tokyo');
    expect(await countIn(CHANNEL_ID)).toBe(0);
  });

  it('refuses the button to a member without Manage Channels', async () => {
    const customId = await confirmButton();
    const refusal = await interact(buttonPayload(customId, { permissions: PERMISSIONS.member }));
    expect(refusal.data?.embeds?.[0]?.title).toBe('Needs Manage Channels');
    const japanese = await interact(
      buttonPayload(customId, { permissions: PERMISSIONS.member, locale: 'ja' }),
    );
    expect(japanese.data?.embeds?.[0]?.title).toBe('「チャンネルの管理」権限が必要です');
    expect(await countIn(CHANNEL_ID)).toBe(2);
  });

  it('removes nothing when the button is pressed in another channel', async () => {
    const customId = await confirmButton();
    await subscribeTwo(OTHER_CHANNEL);
    const answer = textOf(
      await interact(buttonPayload(customId, { ...moderator, channelId: OTHER_CHANNEL })),
    );
    expect(answer).toContain('Nothing was removed');
    expect(await countIn(OTHER_CHANNEL)).toBe(2);
    expect(await countIn(CHANNEL_ID)).toBe(2);
  });

  it('removes nothing once the confirmation has expired', async () => {
    const customId = await confirmButton();
    now += 11 * 60_000;
    const answer = textOf(await interact(buttonPayload(customId, moderator)));
    expect(answer).toContain('Confirmation expired');
    expect(await countIn(CHANNEL_ID)).toBe(2);
  });
});
