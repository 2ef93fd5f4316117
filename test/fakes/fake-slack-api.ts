import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConditionWaiter } from './condition-waiter.ts';

/** One Web API call as the fake received it; `blocks` stays a JSON string, as Slack gets it. */
export interface RecordedCall {
  method: string;
  params: Record<string, string>;
  authorization: string | undefined;
}

/** One POST to a loopback response_url. */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
}

/** How the next call to a method fails. */
export type FakeFailure = { status: 429; retryAfterSeconds: number } | { status: 500 } | { error: string };

/** A local stand-in for slack.com/api plus a response_url receiver, on 127.0.0.1 only. */
export interface FakeSlackApi {
  /** Base URL for `slackApiUrl`, ending in `/api/`. */
  apiUrl: string;
  /** A fresh loopback response_url; posts to it are recorded under `id`. */
  responseUrl(id: string): string;
  calls: RecordedCall[];
  responses: RecordedResponse[];
  /** The next call to `method` fails this way (queued, one failure per call). */
  failNext(method: string, failure: FakeFailure): void;
  /** Resolves with the `count`-th call to `method` (1-based), waiting for it if needed. */
  waitForCall(method: string, count?: number): Promise<RecordedCall>;
  /** Resolves with the `count`-th response_url post to `id`. */
  waitForResponse(id: string, count?: number): Promise<RecordedResponse>;
  callsTo(method: string): RecordedCall[];
  close(): Promise<void>;
}

/**
 * Answers a call before the built-in answers do (e.g. `oauth.v2.access`, or `auth.test` per
 * token); undefined falls through to them.
 */
export type FakeSlackAnswer = (call: RecordedCall) => Record<string, unknown> | undefined;

export const FAKE_BOT_USER_ID = 'UBOT';
/**
 * Slack refuses a message whose blocks carry more than about 12,000 characters of text in all
 * (`msg_blocks_too_long`, undocumented), even when each block is within its own limit.
 */
export const SLACK_MAX_BLOCKS_TEXT = 12_000;

/** Every `text` string anywhere in the blocks, counted the way the refusal above counts them. */
export function slackBlockTextLength(blocks: unknown): number {
  if (typeof blocks === 'string') return 0;
  if (Array.isArray(blocks)) return blocks.reduce((sum: number, item) => sum + slackBlockTextLength(item), 0);
  if (!blocks || typeof blocks !== 'object') return 0;
  let total = 0;
  for (const [key, value] of Object.entries(blocks))
    total += key === 'text' && typeof value === 'string' ? value.length : slackBlockTextLength(value);
  return total;
}
const WAIT_LIMIT_MS = 5000;

export async function startFakeSlackApi(options: { answer?: FakeSlackAnswer } = {}): Promise<FakeSlackApi> {
  const calls: RecordedCall[] = [];
  const responses: RecordedResponse[] = [];
  const failures = new Map<string, FakeFailure[]>();
  const { notify, waitFor: waitUntil } = createConditionWaiter();
  let nextTs = 1_700_000_000_000_100;

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (url.pathname.startsWith('/respond/')) {
      const refusal = refuse(JSON.parse(raw || '{}'));
      if (refusal) {
        res.writeHead(400).end(JSON.stringify({ ok: false, error: refusal }));
        return;
      }
      responses.push({ id: url.pathname.slice('/respond/'.length), body: JSON.parse(raw || '{}') });
      notify();
      res.writeHead(200).end('ok');
      return;
    }
    const method = url.pathname.replace(/^\/api\//, '');
    const params = parseParams(raw, req.headers['content-type']);
    const call = { method, params, authorization: req.headers.authorization };
    calls.push(call);
    notify();
    const failure = failures.get(method)?.shift();
    res.setHeader('content-type', 'application/json');
    if (failure && 'status' in failure) {
      if (failure.status === 429) res.setHeader('retry-after', String(failure.retryAfterSeconds));
      res.writeHead(failure.status).end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    if (failure) {
      res.writeHead(200).end(JSON.stringify({ ok: false, error: failure.error }));
      return;
    }
    const refusal = refuse(params);
    if (refusal) {
      res.writeHead(200).end(JSON.stringify({ ok: false, error: refusal }));
      return;
    }
    const body = options.answer?.(call) ?? answer(method, params, () => formatTs(nextTs++));
    res.writeHead(200).end(JSON.stringify(body));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const base = `http://127.0.0.1:${port}`;

  const waitFor = <T>(find: () => T | undefined, what: string): Promise<T> =>
    waitUntil(find, () => `fake Slack API: gave up waiting for ${what}`, WAIT_LIMIT_MS);

  const callsTo = (method: string) => calls.filter((call) => call.method === method);
  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${id}`,
    calls,
    responses,
    callsTo,
    failNext(method, failure) {
      failures.set(method, [...(failures.get(method) ?? []), failure]);
    },
    waitForCall: (method, count = 1) =>
      waitFor(() => callsTo(method)[count - 1], `call ${count} to ${method}`),
    waitForResponse: (id, count = 1) =>
      waitFor(
        () => responses.filter((response) => response.id === id)[count - 1],
        `response ${count} to ${id}`,
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** The limits Slack enforces on any call that carries blocks (messages, responses, views). */
function refuse(params: Record<string, unknown>): string | undefined {
  const blocks = typeof params.blocks === 'string' ? JSON.parse(params.blocks) : params.blocks;
  if (blocks && slackBlockTextLength(blocks) > SLACK_MAX_BLOCKS_TEXT) return 'msg_blocks_too_long';
  if (typeof params.view === 'string') {
    const view = JSON.parse(params.view) as { type?: string; blocks?: unknown[] };
    // Home tabs and modals hold at most 100 blocks.
    if (!Array.isArray(view.blocks) || view.blocks.length > 100) return 'invalid_arguments';
  }
  return undefined;
}

function answer(
  method: string,
  params: Record<string, string>,
  newTs: () => string,
): Record<string, unknown> {
  switch (method) {
    case 'auth.test':
      return {
        ok: true,
        user_id: FAKE_BOT_USER_ID,
        bot_id: 'BBOT',
        team_id: 'T1',
        user: 'eujp',
        team: 'Test',
      };
    case 'users.info':
      return { ok: true, user: { id: params.user, locale: 'en-US' } };
    case 'conversations.members':
      return { ok: true, members: ['U1'], response_metadata: { next_cursor: '' } };
    case 'chat.postMessage': {
      const ts = newTs();
      return { ok: true, channel: params.channel, ts, message: { ts, text: params.text } };
    }
    default:
      return { ok: true };
  }
}

function parseParams(raw: string, contentType: string | undefined): Record<string, string> {
  if (contentType?.includes('application/json')) {
    const json = JSON.parse(raw || '{}') as Record<string, unknown>;
    return Object.fromEntries(
      Object.entries(json).map(([key, value]) => [
        key,
        typeof value === 'string' ? value : JSON.stringify(value),
      ]),
    );
  }
  return Object.fromEntries(new URLSearchParams(raw));
}

function formatTs(micros: number): string {
  const text = String(micros);
  return `${text.slice(0, 10)}.${text.slice(10)}`;
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}
