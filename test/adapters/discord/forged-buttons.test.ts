import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type DiscordAdapter,
  startDiscordAdapter,
} from '../../../src/adapters/discord/start-discord-adapter.ts';
import type { Core } from '../../../src/core/core.ts';
import {
  APP_ID,
  buttonPayload,
  callbackPath,
  deliverInteraction,
  eujpPayload,
} from '../../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/fake-discord-api.ts';
import { createTestCore, silentLogger } from '../../support/test-core.ts';

interface CallbackBody {
  type: number;
  data?: {
    flags?: number;
    embeds?: { title?: string; description?: string }[];
    components?: { components: { custom_id: string }[] }[];
  };
}

let api: FakeDiscordApi;
let adapter: DiscordAdapter;
const asked: string[] = [];

beforeAll(async () => {
  api = await startFakeDiscordApi();
  const inner = await createTestCore();
  const core: Core = {
    ...inner,
    handle: (text, context) => {
      asked.push(text);
      return inner.handle(text, context);
    },
  };
  adapter = await startDiscordAdapter({
    token: 'test-token',
    appId: APP_ID,
    apiUrl: api.url,
    core,
    logger: silentLogger,
    login: false,
    rest: { retries: 0 },
  });
});

afterAll(async () => {
  await adapter?.stop();
  await api?.close();
});

async function interact(payload: Record<string, unknown>): Promise<CallbackBody> {
  deliverInteraction(adapter.client, payload);
  const [found] = await api.waitFor('POST', callbackPath(payload), 1);
  return (found?.body ?? { type: 0 }) as CallbackBody;
}

const textOf = (body: CallbackBody) =>
  (body.data?.embeds ?? []).map((embed) => `${embed.title ?? ''}\n${embed.description ?? ''}`).join('\n');
const PRIVATE = 64;

describe('buttons the bot never issued, through the real discord.js client', () => {
  it('refuses a forged Share button kindly and privately, and runs nothing', async () => {
    asked.length = 0;
    const body = await interact(buttonPayload('eujp:s:search https://evil.example/phish'));
    expect(body.data?.flags).toBe(PRIVATE);
    expect(textOf(body)).toContain('no longer supported');
    expect(asked).toEqual([]);
  });

  it('refuses a real button whose command was edited', async () => {
    const reply = await interact(eujpPayload('semiconductors'));
    const share = (reply.data?.components ?? [])
      .flatMap((row) => row.components)
      .find((button) => button.custom_id.startsWith('eujp:s:'));
    expect(share).toBeDefined();
    const signature = share?.custom_id.slice(-11) ?? '';
    asked.length = 0;
    const forged = await interact(buttonPayload(`eujp:s:search evil${signature}`));
    expect(forged.data?.flags).toBe(PRIVATE);
    expect(asked).toEqual([]);

    // The button as issued still shares, in public.
    const shared = await interact(buttonPayload(share?.custom_id ?? ''));
    expect(shared.data?.flags ?? 0).not.toBe(PRIVATE);
    expect(asked).toEqual(['semiconductors lang=en']);
  });
});

describe('user text echoed back on Discord', () => {
  it('never turns a typed bare URL into a link', async () => {
    const body = await interact(eujpPayload('https://evil.example/phish'));
    const text = textOf(body);
    expect(text).toContain('evil.example/phish');
    expect(text).not.toMatch(/https?:\/\/evil/);
  });
});
