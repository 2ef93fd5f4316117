import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonIntent } from '../../../src/adapters/discord/discord-buttons.ts';
import {
  type DiscordAdapter,
  startDiscordAdapter,
} from '../../../src/adapters/discord/start-discord-adapter.ts';
import type { Core } from '../../../src/core/core.ts';
import {
  type IdempotentPublisher,
  isIdempotentPublisher,
} from '../../../src/core/digests/idempotent-publisher.ts';
import { DeliveryError } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { APP_ID } from '../../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/fake-discord-api.ts';
import { silentLogger } from '../../support/test-core.ts';

/** The custom_id the bot issues for a button, signature included. */
const issued = (kind: 'command' | 'share', command: string) => encodeButtonIntent({ kind, command });

const CHANNEL = '1100000000000000100';
const channel = { platform: 'discord' as const, channelId: CHANNEL, workspaceId: '1100000000000000002' };

// The publisher never calls the core; a core that fails loudly proves it.
const unusedCore = new Proxy({} as Core, {
  get: () => {
    throw new Error('the publisher must not use the core');
  },
});

function digest(overrides: Partial<Reply> = {}): Reply {
  return {
    type: 'digest',
    topic: null,
    title: 'Weekly digest @everyone',
    summary: 'Two developments since the last digest <@&1100000000000000005>.',
    sections: [{ heading: 'New', paragraphs: [], items: [{ date: '2026-11-20', text: 'Council met [1].' }] }],
    sources: [
      { n: 1, title: 'Statement', publisher: 'EC', date: '2026-11-20', url: 'https://ec.europa.eu/x' },
    ],
    suggestions: [],
    actions: [
      { kind: 'share', label: 'Share', command: 'digest' },
      { kind: 'command', label: 'Sources', command: 'sources ai' },
    ],
    visibility: 'public',
    lang: 'en',
    ...overrides,
  };
}

let api: FakeDiscordApi;
let adapter: DiscordAdapter;

beforeAll(async () => {
  api = await startFakeDiscordApi();
  adapter = await startDiscordAdapter({
    token: 'test-token',
    appId: APP_ID,
    apiUrl: api.url,
    core: unusedCore,
    logger: silentLogger,
    login: false,
    rest: { retries: 0, timeout: 300 },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

async function failureOf(promise: Promise<unknown>): Promise<DeliveryError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DeliveryError);
  return error as DeliveryError;
}

describe('the Discord publisher', () => {
  it('posts a digest to the channel with no mentions allowed and returns the message id', async () => {
    const { messageId } = await adapter.publisher.publish(channel, digest());
    expect(messageId).toMatch(/^\d+$/);
    const [post] = api.find('POST', new RegExp(`^/channels/${CHANNEL}/messages$`));
    const body = post?.body as {
      allowed_mentions: unknown;
      embeds: { title: string; description: string }[];
      components: { components: { custom_id: string }[] }[];
      flags?: number;
    };
    expect(post?.headers.authorization).toBe('Bot test-token');
    expect(body.allowed_mentions).toEqual({ parse: [] });
    expect(body.flags).toBeUndefined();
    expect(body.embeds[0]?.title).toBe('Weekly digest @\u200beveryone');
    expect(body.embeds[0]?.description).toContain('\\<@&1100000000000000005\\>');
    expect(body.components.flatMap((row) => row.components.map((button) => button.custom_id))).toEqual([
      issued('command', 'sources ai'),
    ]);
  });

  it('sends a nonce Discord enforces when asked to publish once, one per part, and none otherwise', async () => {
    const before = api.find('POST', /^\/channels\/\d+\/messages$/).length;
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Development ${i} `.repeat(20).trim());
    const publisher = adapter.publisher as IdempotentPublisher;
    expect(isIdempotentPublisher(publisher)).toBe(true);
    await publisher.publishOnce(channel, digest({ sections: [{ paragraphs, items: [] }] }), 'eujp-2s');
    const posts = api.find('POST', /^\/channels\/\d+\/messages$/).slice(before);
    const nonces = posts.map((post) => post.body as { nonce?: string; enforce_nonce?: boolean });
    expect(nonces[0]).toMatchObject({ nonce: 'eujp-2s', enforce_nonce: true });
    expect(nonces[1]).toMatchObject({ nonce: 'eujp-2s-2', enforce_nonce: true });
    for (const { nonce } of nonces) expect(nonce!.length).toBeLessThanOrEqual(25);
    await adapter.publisher.publish(channel, digest());
    expect(api.find('POST', /^\/channels\/\d+\/messages$/).at(-1)?.body).not.toHaveProperty('nonce');
  });

  it('posts a digest too long for one message as several, in order', async () => {
    const before = api.find('POST', /^\/channels\/\d+\/messages$/).length;
    const paragraphs = Array.from({ length: 60 }, (_, i) => `Development ${i} `.repeat(20).trim());
    await adapter.publisher.publish(channel, digest({ sections: [{ paragraphs, items: [] }] }));
    const posts = api.find('POST', /^\/channels\/\d+\/messages$/).slice(before);
    expect(posts.length).toBeGreaterThan(1);
    for (const post of posts)
      expect((post.body as { allowed_mentions: unknown }).allowed_mentions).toEqual({ parse: [] });
  });

  it('reports a 429 as rate_limited with Discord’s retry_after', async () => {
    api.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 429, retryAfterSeconds: 2 });
    const error = await failureOf(adapter.publisher.publish(channel, digest()));
    expect(error.kind).toBe('rate_limited');
    expect(error.retryAfterMs).toBeGreaterThanOrEqual(2_000);
    expect(error.retryAfterMs).toBeLessThan(3_000);
  });

  it('reports a 500 and a timeout as maybe posted (ambiguous), not as a plain retry', async () => {
    api.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 500 });
    expect((await failureOf(adapter.publisher.publish(channel, digest()))).kind).toBe('ambiguous');
    api.fail({ method: 'POST', path: /^\/channels\/\d+\/messages$/, status: 200, delayMs: 1_000 });
    expect((await failureOf(adapter.publisher.publish(channel, digest()))).kind).toBe('ambiguous');
  });

  it('reports a deleted channel (404 Unknown Channel) and a lost one (403 Missing Access) as gone', async () => {
    api.unknownChannels.add('1100000000000000101');
    api.forbiddenChannels.add('1100000000000000102');
    const deleted = await failureOf(
      adapter.publisher.publish({ ...channel, channelId: '1100000000000000101' }, digest()),
    );
    const lost = await failureOf(
      adapter.publisher.publish({ ...channel, channelId: '1100000000000000102' }, digest()),
    );
    expect([deleted.kind, lost.kind]).toEqual(['gone', 'gone']);
  });

  it('reports a missing Send Messages permission as permanent, not gone', async () => {
    api.fail({
      method: 'POST',
      path: /^\/channels\/\d+\/messages$/,
      status: 403,
      body: { code: 50013, message: 'Missing Permissions' },
    });
    expect((await failureOf(adapter.publisher.publish(channel, digest()))).kind).toBe('permanent');
  });

  it('refuses a channel of another platform', async () => {
    const error = await failureOf(
      adapter.publisher.publish({ platform: 'slack', channelId: 'C1' }, digest()),
    );
    expect(error.kind).toBe('permanent');
  });
});
