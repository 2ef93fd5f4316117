import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startDiscordAdapter } from '../../src/adapters/discord/start-discord-adapter.ts';
import { startSlackAdapter } from '../../src/adapters/slack/start-slack-adapter.ts';
import type { Core } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import type { Platform, Publisher } from '../../src/core/ports.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import {
  CHANNEL_ID,
  callbackPath,
  deliverInteraction,
  eujpPayload,
  PERMISSIONS,
} from '../fakes/discord-interactions.ts';
import { startFakeDiscordApi } from '../fakes/fake-discord-api.ts';
import { startFakeSlackApi } from '../fakes/fake-slack-api.ts';
import { postSignedToSlack, slashCommandBody } from '../fakes/slack-requests.ts';
import { fixedClock, loadRealLibrary, silentLogger } from '../support/test-core.ts';

// A Japanese channel gets its digest in Japanese, end to end, on each platform:
// the channel's language is set by command, the subscription made by command, and the
// scheduled slot published through the real adapter to the fake platform API.

let dir: string;
let store: Store;
let digests: DigestService;
let core: Core;
const publishers = new Map<Platform, Publisher>();

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'eujp-ja-'));
  store = createSqliteStore(path.join(dir, 'eujp.sqlite'));
  const library = await loadRealLibrary();
  const clock = fixedClock();
  digests = createDigestService({
    store,
    getLibrary: () => library,
    clock,
    logger: silentLogger,
    publishers,
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
  });
  core = createCore({
    getLibrary: () => library,
    digests: digests.commands,
    settings: store,
    clock,
    logger: silentLogger,
  });
});

afterEach(async () => {
  await digests.stop();
  await store.close();
  publishers.clear();
  rmSync(dir, { recursive: true, force: true });
});

async function runTheOnlySubscription(platform: Platform, channelId: string): Promise<void> {
  const [subscription] = await store.listChannelSubscriptions({ platform, channelId });
  expect(subscription?.lang).toBe('ja');
  await digests.runSlot(subscription!.cron, subscription!.timeZone, new Date('2026-11-28T23:30:00Z'));
  await digests.idle();
}

const JAPANESE = /[\u3040-\u30ff\u4e00-\u9fff]/;

describe('a Japanese digest, end to end', () => {
  it('reaches a Slack channel set to Japanese, in Japanese', async () => {
    const api = await startFakeSlackApi();
    const adapter = await startSlackAdapter({
      botToken: 'xoxb-test',
      signingSecret: 'secret',
      apiUrl: api.apiUrl,
      port: 0,
      host: '127.0.0.1',
      core,
      logger: silentLogger,
      clientOptions: { retryConfig: { retries: 0 } },
      processBeforeResponse: true,
    });
    publishers.set('slack', adapter.publisher);
    const slash = (text: string) =>
      postSignedToSlack(
        `http://127.0.0.1:${adapter.port}/slack/events`,
        slashCommandBody({ text, responseUrl: api.responseUrl(text) }),
        {
          signingSecret: 'secret',
          contentType: 'application/x-www-form-urlencoded',
        },
      );
    try {
      const setLanguage = await slash('language ja');
      expect(setLanguage.body).toContain('日本語');
      const subscribed = await slash('subscribe daily 08:30 tz=Asia/Tokyo 量子 半導体');
      expect(subscribed.body).toMatch(/毎日/);
      await runTheOnlySubscription('slack', 'C1');
      const [post] = api.callsTo('chat.postMessage');
      expect(post?.params.channel).toBe('C1');
      expect(post?.params.text).toMatch(JAPANESE);
      expect(post?.params.blocks).toMatch(/量子/);
    } finally {
      await adapter.stop();
      await api.close();
    }
  });

  it('reaches a Discord channel whose moderator chose Japanese, in Japanese', async () => {
    const api = await startFakeDiscordApi();
    const adapter = await startDiscordAdapter({
      token: 'test-token',
      appId: '1100000000000000001',
      apiUrl: api.url,
      core,
      logger: silentLogger,
      login: false,
      rest: { retries: 0 },
    });
    publishers.set('discord', adapter.publisher);
    const moderator = { permissions: PERMISSIONS.moderator, locale: 'en-US' };
    try {
      for (const text of ['language ja', 'subscribe weekly mon 09:00 tz=Asia/Tokyo quantum']) {
        const payload = eujpPayload(text, moderator);
        deliverInteraction(adapter.client, payload);
        const [callback] = await api.waitFor('POST', callbackPath(payload));
        expect(JSON.stringify(callback?.body)).toMatch(JAPANESE);
      }
      await runTheOnlySubscription('discord', CHANNEL_ID);
      const [post] = await api.waitFor('POST', new RegExp(`/channels/${CHANNEL_ID}/messages$`));
      const body = post?.body as { embeds: Array<{ title: string }>; allowed_mentions: unknown };
      expect(body.embeds[0]?.title).toMatch(JAPANESE);
      expect(body.allowed_mentions).toEqual({ parse: [] });
    } finally {
      await adapter.stop();
      await api.close();
    }
  });
});

describe('Japanese input', () => {
  it('folds half-width katakana and full-width letters before matching', async () => {
    const library = await loadRealLibrary();
    const plain = createCore({ getLibrary: () => library, clock: fixedClock(), logger: silentLogger });
    expect((await plain.handle('ｻｲﾊﾞｰｾｷｭﾘﾃｨ', {})).topic).toBe('cybersecurity');
    expect((await plain.handle('ＡＩ', {})).topic).toBe('ai');
    expect((await plain.handle('量子　出典', {})).type).toBe('sources');
  });
});
