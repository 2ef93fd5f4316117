import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeButtonIntent } from '../../../src/adapters/discord/discord-buttons.ts';
import {
  type DiscordAdapter,
  startDiscordAdapter,
} from '../../../src/adapters/discord/start-discord-adapter.ts';
import { toDiscordMessages } from '../../../src/adapters/discord/to-discord-messages.ts';
import type { Core } from '../../../src/core/core.ts';
import type { Logger } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import {
  APP_ID,
  autocompletePayload,
  buttonPayload,
  callbackPath,
  chatInputPayload,
  deliverInteraction,
  eujpPayload,
  PERMISSIONS,
  webhookPath,
} from '../../fakes/discord-interactions.ts';
import {
  type FakeDiscordApi,
  type RecordedRequest,
  startFakeDiscordApi,
} from '../../fakes/fake-discord-api.ts';
import { createTestCore, silentLogger } from '../../support/test-core.ts';

/** The custom_id the bot issues for a button, signature included. */
const issued = (kind: 'command' | 'share', command: string) => encodeButtonIntent({ kind, command });

interface LogEntry {
  level: string;
  msg: string | undefined;
  detail: object | string;
}

function recordingLogger(entries: LogEntry[]): Logger {
  const at = (level: string) => (detail: object | string, msg?: string) =>
    void entries.push({ level, msg, detail });
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

interface CallbackBody {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string; footer?: { text: string } }[];
    components?: { components: { custom_id: string; label: string }[] }[];
    allowed_mentions?: unknown;
    choices?: { name: string; value: string }[];
  };
}

let api: FakeDiscordApi;
let core: Core;
let adapter: DiscordAdapter;
const logs: LogEntry[] = [];

beforeAll(async () => {
  api = await startFakeDiscordApi();
  core = await createTestCore();
  adapter = await startDiscordAdapter({
    token: 'test-token',
    appId: APP_ID,
    apiUrl: api.url,
    core,
    logger: recordingLogger(logs),
    login: false,
    rest: { retries: 0 },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

async function interact(payload: Record<string, unknown>, callbacks = 1): Promise<CallbackBody> {
  deliverInteraction(adapter.client, payload);
  const found = await api.waitFor('POST', callbackPath(payload), callbacks);
  return bodyOf(found[callbacks - 1]);
}

function bodyOf(request: RecordedRequest | undefined): CallbackBody {
  return (request?.body ?? { type: 0 }) as CallbackBody;
}

function buttonsOf(body: CallbackBody): { custom_id: string; label: string }[] {
  return (body.data?.components ?? []).flatMap((row) => row.components);
}

function textOf(body: CallbackBody): string {
  return (body.data?.embeds ?? [])
    .map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`)
    .join('\n');
}

describe('the Discord adapter, driven through the real discord.js client', () => {
  it('answers /eujp semiconductors privately with the briefing, its citations and buttons', async () => {
    const body = await interact(eujpPayload('semiconductors'));
    expect(body.type).toBe(4);
    expect(body.data?.flags).toBe(64);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    expect(body.data?.embeds?.[0]?.title).toBe('Semiconductors');
    expect(body.data?.embeds?.[0]?.description).toMatch(/\\\[\[1\]\(https:\/\/[^)]+\)\\\]/);
    const labels = buttonsOf(body).map((button) => button.label);
    expect(labels).toEqual(expect.arrayContaining(['Sources', 'Share in channel']));
  });

  it('shows help when /eujp is run without a query', async () => {
    const body = await interact(eujpPayload(undefined));
    expect(body.data?.embeds?.[0]?.title).toMatch(/EU–Japan Digital Partnership/);
  });

  it.each([
    ['a partial word', 'semi', 'semiconductors'],
    ['Japanese', '半導', 'semiconductors'],
    ['a typo', 'quantun', 'quantum'],
  ])('autocompletes topics from %s', async (_what, partial, topic) => {
    const body = await interact(autocompletePayload(partial));
    expect(body.type).toBe(8);
    const choices = body.data?.choices ?? [];
    expect(choices[0]?.value).toBe(topic);
    expect(choices.length).toBeLessThanOrEqual(25);
    for (const choice of choices) {
      expect(choice.name.length).toBeGreaterThanOrEqual(1);
      expect(choice.name.length).toBeLessThanOrEqual(100);
      expect(choice.value.length).toBeLessThanOrEqual(100);
    }
  });

  it('speaks Japanese to a user whose Discord locale is ja', async () => {
    const body = await interact(eujpPayload('semiconductors', { locale: 'ja' }));
    expect(body.data?.embeds?.[0]?.title).toBe('半導体');
    expect(buttonsOf(body).map((button) => button.label)).toEqual(expect.arrayContaining(['出典']));
    const choices = (await interact(autocompletePayload('半導', { locale: 'ja' }))).data?.choices ?? [];
    expect(choices[0]?.name).toMatch(/^半導体/);
  });

  it('lists numbered sources with links when Sources is pressed', async () => {
    const first = await interact(eujpPayload('semiconductors'));
    const sources = buttonsOf(first).find((button) => button.label === 'Sources');
    expect(sources?.custom_id).toMatch(/^eujp:c:sources semiconductors/);
    const body = await interact(buttonPayload(sources?.custom_id ?? ''));
    expect(body.data?.flags).toBe(64);
    expect(textOf(body)).toMatch(/\*\*\\\[1\\\]\*\* .*\[↗\]\(https:\/\//);
  });

  it('posts the briefing publicly, without a Share button, when Share is pressed', async () => {
    const first = await interact(eujpPayload('quantum'));
    const share = buttonsOf(first).find((button) => button.custom_id.startsWith('eujp:s:'));
    expect(share).toBeDefined();
    const body = await interact(buttonPayload(share?.custom_id ?? ''));
    expect(body.type).toBe(4);
    expect(body.data?.flags ?? 0).toBe(0);
    expect(body.data?.embeds?.[0]?.title).toMatch(/^Quantum/);
    expect(buttonsOf(body).some((button) => button.custom_id.startsWith('eujp:s:'))).toBe(false);
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
  });

  it('refuses subscribe typed into /eujp by a member without Manage Channels', async () => {
    const body = await interact(eujpPayload('subscribe daily 09:00 quantum'));
    expect(body.data?.flags).toBe(64);
    expect(textOf(body)).toMatch(/needs the Manage Channels permission/);
  });

  it('refuses /eujp-manage subscribe too, in Japanese for a Japanese user', async () => {
    const payload = chatInputPayload(
      'eujp-manage',
      [{ name: 'subscribe', type: 1, options: [{ name: 'arguments', type: 3, value: 'daily 09:00' }] }],
      { locale: 'ja' },
    );
    const body = await interact(payload);
    expect(textOf(body)).toMatch(/「チャンネルの管理」権限が必要です/);
  });

  it('lets a member with Manage Channels through to the core', async () => {
    const payload = chatInputPayload(
      'eujp-manage',
      [{ name: 'subscribe', type: 1, options: [{ name: 'arguments', type: 3, value: 'daily 09:00' }] }],
      { permissions: PERMISSIONS.moderator },
    );
    const body = await interact(payload);
    expect(textOf(body)).not.toMatch(/Manage Channels permission/);
    expect(body.data?.embeds?.length).toBeGreaterThan(0);
  });

  it('answers a button it no longer knows with a notice', async () => {
    const body = await interact(buttonPayload('someone-else:thing'));
    expect(body.data?.flags).toBe(64);
    expect(textOf(body)).toMatch(/no longer supported/);
  });

  it('never lets mention syntax in a query ping anyone', async () => {
    const injected =
      '@everyone @here <@1100000000000000004> <@&1100000000000000005> **x** [a](https://evil.example)';
    const body = await interact(eujpPayload(injected));
    expect(body.data?.allowed_mentions).toEqual({ parse: [] });
    const text = textOf(body);
    expect(text).toContain('@\u200beveryone');
    expect(text).toContain('@\u200bhere');
    expect(text).not.toMatch(/(?<!\\)<@/);
    expect(text).not.toMatch(/(?<!\\)\[a\]\(/);
  });

  it('waits out a 429 with retry_after on the interaction callback and still answers', async () => {
    api.fail({
      method: 'POST',
      path: /^\/interactions\/.*\/callback$/,
      status: 429,
      retryAfterSeconds: 0.05,
    });
    const payload = eujpPayload('hpc');
    const body = await interact(payload, 2);
    expect(body.data?.embeds?.[0]?.title).toMatch(/High-performance computing|HPC/i);
  });

  it('survives a 500 from Discord: apologises, logs, and answers the next command', async () => {
    api.fail({ method: 'POST', path: /^\/interactions\/.*\/callback$/, status: 500 });
    const failed = eujpPayload('ai');
    const apology = await interact(failed, 2);
    expect(textOf(apology)).toMatch(/something went wrong/);
    expect(logs.some((entry) => entry.level === 'error' && entry.msg?.includes('could not answer'))).toBe(
      true,
    );
    const next = await interact(eujpPayload('ai'));
    expect(next.data?.embeds?.[0]?.title).toBe('Artificial intelligence');
  });

  it('asks for the Guilds intent only and keeps no users or members from interactions', () => {
    expect(adapter.client.options.intents.toArray()).toEqual(['Guilds']);
    expect(adapter.client.options.allowedMentions).toEqual({ parse: [] });
    expect(adapter.client.users.cache.size).toBe(0);
    expect(adapter.client.guilds.cache.reduce((sum, guild) => sum + guild.members.cache.size, 0)).toBe(0);
  });

  it('sends allowed_mentions with no parse on every message it sent in this suite', () => {
    const messages = api.requests.filter(
      (request: RecordedRequest) =>
        request.method !== 'PUT' && typeof request.body === 'object' && request.body !== null,
    );
    expect(messages.length).toBeGreaterThan(10);
    for (const request of messages) {
      const body = request.body as {
        type?: number;
        data?: { allowed_mentions?: unknown };
        allowed_mentions?: unknown;
      };
      if (body.type === 8) continue;
      expect(body.data?.allowed_mentions ?? body.allowed_mentions).toEqual({ parse: [] });
    }
  });
});

describe('the Discord adapter when the core is slow or the reply is long', () => {
  let slowAdapter: DiscordAdapter;
  const longReply: Reply = {
    type: 'timeline',
    topic: null,
    title: 'Timeline',
    sections: [
      { paragraphs: Array.from({ length: 50 }, (_, i) => `Milestone ${i} `.repeat(25).trim()), items: [] },
    ],
    sources: [],
    suggestions: [],
    actions: [{ kind: 'share', label: 'Share in channel', command: 'timeline lang=en' }],
    visibility: 'private',
    lang: 'en',
  };

  beforeAll(async () => {
    const slowCore: Core = {
      ...core,
      handle: async (text, context) => {
        if (text === 'long timeline') return longReply;
        await new Promise((resolve) => setTimeout(resolve, 80));
        return core.handle(text, context);
      },
    };
    slowAdapter = await startDiscordAdapter({
      token: 'test-token',
      appId: APP_ID,
      apiUrl: api.url,
      core: slowCore,
      logger: silentLogger,
      login: false,
      rest: { retries: 1 },
      deferAfterMs: 20,
    });
  });

  afterAll(async () => {
    await slowAdapter?.stop();
  });

  it('defers privately when the core is slow, then edits in the answer', async () => {
    const payload = eujpPayload('semiconductors');
    deliverInteraction(slowAdapter.client, payload);
    const [deferral] = await api.waitFor('POST', callbackPath(payload));
    expect(deferral?.body).toEqual({ type: 5, data: { flags: 64 } });
    const [edit] = await api.waitFor('PATCH', webhookPath(payload, '/messages/%40original'));
    const body = edit?.body as { embeds: { title: string }[]; allowed_mentions: unknown };
    expect(body.embeds[0]?.title).toBe('Semiconductors');
    expect(body.allowed_mentions).toEqual({ parse: [] });
  });

  it('sends a reply too long for one message as private follow-ups, buttons on the last', async () => {
    const payload = eujpPayload('long timeline');
    deliverInteraction(slowAdapter.client, payload);
    const [first] = await api.waitFor('POST', callbackPath(payload));
    expect(bodyOf(first).data?.flags).toBe(64);
    expect(bodyOf(first).data?.components).toEqual([]);
    const parts = toDiscordMessages(longReply).length;
    expect(parts).toBeGreaterThan(1);
    const followUps = await api.waitFor('POST', webhookPath(payload), parts - 1);
    const last = followUps.at(-1)?.body as CallbackBody['data'];
    expect(last?.flags).toBe(64);
    expect(last?.allowed_mentions).toEqual({ parse: [] });
    expect(last?.components?.[0]?.components[0]?.custom_id).toBe(issued('share', 'timeline lang=en'));
  });

  it('retries a 500 on the interaction callback once and the user still gets the answer', async () => {
    api.fail({ method: 'POST', path: /^\/interactions\/.*\/callback$/, status: 500 });
    const payload = eujpPayload('long timeline');
    deliverInteraction(slowAdapter.client, payload);
    const attempts = await api.waitFor('POST', callbackPath(payload), 2);
    expect(bodyOf(attempts[1]).data?.embeds?.[0]?.title).toBe('Timeline');
  });
});
