import { startSlackAdapter } from '../src/adapters/slack/start-slack-adapter.ts';
import { startFakeSlackApi } from '../test/fakes/fake-slack-api.ts';
import { postSignedToSlack, slashCommandBody } from '../test/fakes/slack-requests.ts';
import { silentLogger } from '../test/support/test-core.ts';
import { createBenchCore } from './bench-core.ts';

const REQUESTS = 500;
const WARM_UP = 50;
const SLACK_ACK_BUDGET_MS = 3000;
const SIGNING_SECRET = 'bench-signing-secret';
const QUERIES = ['semiconductors', 'quantum', 'sources ai', 'timeline', 'help', 'search chips', 'zzqqxx'];

/**
 * `/eujp` ack latency through the real Bolt stack on loopback: signed request in, HTTP reply
 * out, with Bolt's default `processBeforeResponse: false`. Two patterns are measured: the reply
 * inside the ack (what the adapter does) and an empty ack followed by response_url (the
 * fallback when the core is slow), where what the user waits for is the response_url post.
 */
export async function run(): Promise<{ name: string; metrics: Record<string, number | string> }> {
  const core = await createBenchCore();
  const api = await startFakeSlackApi();
  const metrics: Record<string, number | string> = { requests: REQUESTS };
  try {
    for (const [label, ackBudgetMs] of [
      ['reply_in_ack', 2000],
      ['empty_ack_then_respond', 0],
    ] as const) {
      const adapter = await startSlackAdapter({
        botToken: 'xoxb-bench',
        signingSecret: SIGNING_SECRET,
        apiUrl: api.apiUrl,
        port: 0,
        host: '127.0.0.1',
        core,
        logger: silentLogger,
        clientOptions: { retryConfig: { retries: 0 } },
        ackBudgetMs,
      });
      const url = `http://127.0.0.1:${adapter.port}/slack/events`;
      const acks: number[] = [];
      const answers: number[] = [];
      try {
        for (let i = 0; i < WARM_UP + REQUESTS; i++) {
          const id = `${label}-${i}`;
          const body = slashCommandBody({
            text: QUERIES[i % QUERIES.length]!,
            responseUrl: api.responseUrl(id),
          });
          const started = performance.now();
          const result = await postSignedToSlack(url, body, {
            signingSecret: SIGNING_SECRET,
            contentType: 'application/x-www-form-urlencoded',
          });
          const acked = performance.now();
          if (result.status !== 200) throw new Error(`slash command answered HTTP ${result.status}`);
          if (ackBudgetMs === 0) await api.waitForResponse(id);
          const answered = ackBudgetMs === 0 ? performance.now() : acked;
          if (i >= WARM_UP) {
            acks.push(acked - started);
            answers.push(answered - started);
          }
        }
      } finally {
        await adapter.stop();
      }
      Object.assign(metrics, summarise(label, acks, answers));
    }
  } finally {
    await api.close();
  }
  return { name: 'slack slash-command ack (Bolt HTTP, loopback)', metrics };
}

function summarise(label: string, acks: number[], answers: number[]): Record<string, number> {
  const p = (values: number[], q: number) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  };
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    [`${label}_ack_p50_ms`]: round(p(acks, 0.5)),
    [`${label}_ack_p99_ms`]: round(p(acks, 0.99)),
    [`${label}_ack_p99_share_of_3s_budget`]:
      Math.round((p(acks, 0.99) / SLACK_ACK_BUDGET_MS) * 10000) / 10000,
    [`${label}_reply_visible_p50_ms`]: round(p(answers, 0.5)),
    [`${label}_reply_visible_p99_ms`]: round(p(answers, 0.99)),
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(JSON.stringify(await run(), null, 2));
}
