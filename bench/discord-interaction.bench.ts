import { performance } from 'node:perf_hooks';
import { startDiscordAdapter } from '../src/adapters/discord/start-discord-adapter.ts';
import {
  APP_ID,
  autocompletePayload,
  callbackPath,
  deliverInteraction,
  eujpPayload,
} from '../test/fakes/discord-interactions.ts';
import { startFakeDiscordApi } from '../test/fakes/fake-discord-api.ts';
import { silentLogger } from '../test/support/test-core.ts';
import { createBenchCore } from './bench-core.ts';

const INTERACTIONS = 500;
const WARM_UP = 50;
// Discord drops an interaction whose first callback arrives later than this.
const DISCORD_BUDGET_MS = 3_000;
const QUERIES = [
  'semiconductors',
  'quantum',
  'sources ai',
  'timeline',
  'help',
  'search chips',
  '半導体',
  'zzqqxx',
];
const PARTIALS = ['semi', '半導', 'quantun', 'da', 'cyber', 'ai'];

/**
 * Interaction-to-callback latency through the real discord.js client on loopback: a raw gateway
 * payload is handed to the client, and the clock stops when the fake Discord API receives the
 * interaction callback (the moment Discord's 3-second budget is judged). Slash commands and
 * autocomplete are measured separately.
 */
export async function run(): Promise<{ name: string; metrics: Record<string, number | string> }> {
  const core = await createBenchCore();
  const api = await startFakeDiscordApi();
  const adapter = await startDiscordAdapter({
    token: 'bench-token',
    appId: APP_ID,
    apiUrl: api.url,
    core,
    logger: silentLogger,
    login: false,
    rest: { retries: 0 },
  });
  const commands: number[] = [];
  const completions: number[] = [];
  let deferred = 0;
  try {
    for (let i = 0; i < WARM_UP + INTERACTIONS; i++) {
      for (const kind of ['command', 'autocomplete'] as const) {
        const payload =
          kind === 'command'
            ? eujpPayload(QUERIES[i % QUERIES.length], { locale: i % 3 === 0 ? 'ja' : 'en-US' })
            : autocompletePayload(PARTIALS[i % PARTIALS.length] ?? '');
        const started = performance.now();
        deliverInteraction(adapter.client, payload);
        const [callback] = await api.waitFor('POST', callbackPath(payload));
        const elapsed = performance.now() - started;
        if ((callback?.body as { type?: number } | undefined)?.type === 5) deferred += 1;
        if (i >= WARM_UP) (kind === 'command' ? commands : completions).push(elapsed);
      }
      // The fake keeps every request; drop them so lookups stay cheap over a long run.
      api.requests.length = 0;
    }
  } finally {
    await adapter.stop();
    await api.close();
  }
  return {
    name: 'discord interaction-to-callback (discord.js, loopback)',
    metrics: {
      interactions: INTERACTIONS,
      ...summarise('command', commands),
      ...summarise('autocomplete', completions),
      deferred_replies: deferred,
    },
  };
}

function summarise(label: string, samples: number[]): Record<string, number> {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
  const round = (value: number, digits = 2) => Math.round(value * 10 ** digits) / 10 ** digits;
  return {
    [`${label}_p50_ms`]: round(at(0.5)),
    [`${label}_p99_ms`]: round(at(0.99)),
    [`${label}_max_ms`]: round(at(1)),
    [`${label}_p99_share_of_3s_budget`]: round(at(0.99) / DISCORD_BUDGET_MS, 5),
  };
}

if (process.argv[1] && import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
