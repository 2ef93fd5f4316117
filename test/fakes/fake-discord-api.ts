import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createConditionWaiter } from './condition-waiter.ts';

/** One request the bot made, with its JSON body parsed. */
export interface RecordedRequest {
  method: string;
  /** The path after `/api/v10`, e.g. `/channels/123/messages`. */
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: unknown;
}

/** A scripted failure for the next request(s) matching `method` and `path`. */
export interface InjectedFailure {
  method?: string;
  path: RegExp;
  status: number;
  /** For 429: the `Retry-After` header and the body's `retry_after`, in seconds. */
  retryAfterSeconds?: number;
  global?: boolean;
  body?: Record<string, unknown>;
  /** Wait this long before answering (to trip the client's timeout). */
  delayMs?: number;
  times?: number;
}

/** A loopback stand-in for Discord's REST API, recording what the real discord.js stack sends. */
export interface FakeDiscordApi {
  /** Give this to discord.js as `rest.api`. */
  readonly url: string;
  readonly requests: RecordedRequest[];
  /** Channels that answer 404 Unknown Channel. */
  readonly unknownChannels: Set<string>;
  /** Channels that answer 403 Missing Access. */
  readonly forbiddenChannels: Set<string>;
  fail(failure: InjectedFailure): void;
  /** Requests matching method and path, in order. */
  find(method: string, path: RegExp): RecordedRequest[];
  /** Resolves once `count` matching requests have arrived; rejects after `timeoutMs`. */
  waitFor(method: string, path: RegExp, count?: number, timeoutMs?: number): Promise<RecordedRequest[]>;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v10';
let nextSnowflake = 1_300_000_000_000_000_000n;

function snowflake(): string {
  nextSnowflake += 1n;
  return nextSnowflake.toString();
}

/** Options for running the fake behind a real `client.login()` (the default serves neither). */
export interface FakeDiscordApiOptions {
  /** Answer `GET /gateway/bot` with this websocket URL, e.g. a fake gateway's. */
  gatewayUrl?: string;
  /** The only bot token accepted: other `Authorization` headers, or none on `/gateway/bot`, get 401. */
  botToken?: string;
  /**
   * Send the per-route bucket headers Discord sends, as for a bucket just emptied (Remaining 0,
   * Reset-After `resetAfterSeconds`), on every channel message post.
   */
  bucketHeaders?: { limit: number; resetAfterSeconds: number };
}

export async function startFakeDiscordApi(options: FakeDiscordApiOptions = {}): Promise<FakeDiscordApi> {
  const requests: RecordedRequest[] = [];
  const failures: InjectedFailure[] = [];
  const unknownChannels = new Set<string>();
  const forbiddenChannels = new Set<string>();
  const waiter = createConditionWaiter();

  const server = createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    const method = request.method ?? 'GET';
    const recorded: RecordedRequest = {
      method,
      path: url.pathname.startsWith(API_PREFIX) ? url.pathname.slice(API_PREFIX.length) : url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body: parseBody(raw, request.headers['content-type']),
    };
    requests.push(recorded);
    waiter.notify();

    if (options.botToken !== undefined && !authorized(recorded, options.botToken)) {
      json(response, 401, { message: '401: Unauthorized', code: 0 });
      return;
    }
    const failure = takeFailure(failures, recorded);
    if (failure) {
      if (failure.delayMs) await new Promise((resolve) => setTimeout(resolve, failure.delayMs));
      if (!response.destroyed) answerFailure(response, failure);
      return;
    }
    const { status, body } =
      method === 'GET' && recorded.path === GATEWAY_BOT && options.gatewayUrl
        ? { status: 200, body: gatewayBot(options.gatewayUrl) }
        : answer(recorded, { unknownChannels, forbiddenChannels });
    if (body === undefined) response.writeHead(status).end();
    else {
      if (options.bucketHeaders && method === 'POST' && CHANNEL_MESSAGES.test(recorded.path)) {
        response.setHeader('X-RateLimit-Bucket', 'fake-channel-messages');
        response.setHeader('X-RateLimit-Limit', String(options.bucketHeaders.limit));
        response.setHeader('X-RateLimit-Remaining', '0');
        response.setHeader('X-RateLimit-Reset-After', String(options.bucketHeaders.resetAfterSeconds));
      }
      json(response, status, body);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  const find = (method: string, path: RegExp) =>
    requests.filter((request) => request.method === method && path.test(request.path));

  return {
    url: `http://127.0.0.1:${port}/api`,
    requests,
    unknownChannels,
    forbiddenChannels,
    fail: (failure) => failures.push({ times: 1, ...failure }),
    find,
    waitFor: (method, path, count = 1, timeoutMs = 5_000) =>
      waiter.waitFor(
        () => {
          const found = find(method, path);
          return found.length >= count ? found : undefined;
        },
        () => `fake Discord API: expected ${count} × ${method} ${path}, got ${find(method, path).length}`,
        timeoutMs,
      ),
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

const GATEWAY_BOT = '/gateway/bot';

// Interaction callbacks and webhooks carry no Authorization header; anything that does, and
// the gateway lookup that starts every login, must carry the bot's own token.
function authorized(request: RecordedRequest, botToken: string): boolean {
  const header = request.headers.authorization;
  if (header === undefined && request.path !== GATEWAY_BOT) return true;
  return header === `Bot ${botToken}`;
}

function gatewayBot(url: string): Record<string, unknown> {
  return {
    url,
    shards: 1,
    session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
  };
}

function parseBody(raw: string, contentType: string | undefined): unknown {
  if (!raw) return undefined;
  if (contentType?.includes('application/json')) return JSON.parse(raw);
  return raw;
}

function takeFailure(failures: InjectedFailure[], request: RecordedRequest): InjectedFailure | undefined {
  const index = failures.findIndex(
    (failure) => (!failure.method || failure.method === request.method) && failure.path.test(request.path),
  );
  const failure = failures[index];
  if (!failure) return undefined;
  failure.times = (failure.times ?? 1) - 1;
  if (failure.times <= 0) failures.splice(index, 1);
  return failure;
}

function answerFailure(response: ServerResponse, failure: InjectedFailure): void {
  if (failure.status !== 429) {
    json(response, failure.status, { message: `${failure.status}: injected`, code: 0, ...failure.body });
    return;
  }
  const retryAfter = failure.retryAfterSeconds ?? 1;
  response.setHeader('Retry-After', String(retryAfter));
  response.setHeader('X-RateLimit-Scope', failure.global ? 'global' : 'user');
  if (failure.global) response.setHeader('X-RateLimit-Global', 'true');
  json(response, 429, {
    message: 'You are being rate limited.',
    retry_after: retryAfter,
    global: Boolean(failure.global),
    ...failure.body,
  });
}

const CALLBACK = /^\/interactions\/\d+\/[^/]+\/callback$/;
const ORIGINAL_OR_FOLLOW_UP = /^\/webhooks\/(\d+)\/[^/]+\/messages\/(?:%40original|@original|\d+)$/;
const FOLLOW_UP = /^\/webhooks\/(\d+)\/[^/]+$/;
const CHANNEL_MESSAGES = /^\/channels\/(\d+)\/messages$/;
const COMMANDS = /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/;

function answer(
  request: RecordedRequest,
  channels: { unknownChannels: Set<string>; forbiddenChannels: Set<string> },
): { status: number; body?: unknown } {
  const { method, path } = request;
  if (method === 'POST' && CALLBACK.test(path)) return { status: 204 };
  const edited = ORIGINAL_OR_FOLLOW_UP.exec(path);
  if (edited && method === 'PATCH')
    return { status: 200, body: messageJson(request.body, edited[1] as string) };
  if (edited && method === 'DELETE') return { status: 204 };
  const followUp = FOLLOW_UP.exec(path);
  if (followUp && method === 'POST')
    return { status: 200, body: messageJson(request.body, followUp[1] as string) };
  const posted = CHANNEL_MESSAGES.exec(path);
  if (posted && method === 'POST') {
    const channelId = posted[1] as string;
    if (channels.unknownChannels.has(channelId))
      return { status: 404, body: { message: 'Unknown Channel', code: 10003 } };
    if (channels.forbiddenChannels.has(channelId))
      return { status: 403, body: { message: 'Missing Access', code: 50001 } };
    return { status: 200, body: messageJson(request.body, channelId) };
  }
  if (method === 'PUT' && COMMANDS.test(path)) {
    const commands = Array.isArray(request.body) ? (request.body as object[]) : [];
    return {
      status: 200,
      body: commands.map((command) => ({ id: snowflake(), version: snowflake(), ...command })),
    };
  }
  return { status: 404, body: { message: '404: Not Found', code: 0 } };
}

// discord.js builds a Message from what webhook and channel routes return, so the fake answers
// with the fields it reads.
function messageJson(body: unknown, channelId: string): Record<string, unknown> {
  const sent = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  return {
    id: snowflake(),
    channel_id: channelId,
    type: 0,
    content: sent.content ?? '',
    embeds: sent.embeds ?? [],
    components: sent.components ?? [],
    flags: sent.flags ?? 0,
    author: { id: '1100000000000000001', username: 'eujp', discriminator: '0', avatar: null, bot: true },
    attachments: [],
    mentions: [],
    mention_roles: [],
    mention_everyone: false,
    pinned: false,
    tts: false,
    timestamp: new Date().toISOString(),
    edited_timestamp: null,
  };
}

function json(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'Content-Type': 'application/json' }).end(JSON.stringify(body));
}
