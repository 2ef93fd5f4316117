import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A post the fake platform accepted. */
export interface AcceptedPost {
  replica: string;
  channelId: string;
  messageId: string;
  at: number;
}

/** How a held post ends: never reaching the platform, or posted with the answer lost. */
export type HoldMode = 'before_accept' | 'after_accept';

export interface FakePlatformServer {
  url: string;
  readonly posts: AcceptedPost[];
  /** Requests refused with 429 because they broke the limit. */
  readonly rateLimited: number;
  /** Posts not made again because their idempotency key had been posted (Discord's enforce_nonce). */
  readonly deduplicated: number;
  /**
   * Once any replica has had `after` posts accepted, its next post hangs (see HoldMode); the
   * promise says whose it was, so the test can kill that replica then.
   */
  holdOnce(after: number, mode: HoldMode): Promise<{ replica: string; channelId: string }>;
  close(): Promise<void>;
}

/**
 * The chat platform the replica processes post to, on loopback: one shared rate limit (a sliding
 * window, like the bot's own limiter and Discord's global bucket) answered with 429 and
 * Retry-After, every accepted post recorded with the replica that sent it. A post carrying an
 * idempotency key already posted is answered with the earlier post's id and not posted again, as
 * Discord does for a `nonce` with `enforce_nonce`.
 */
export async function startFakePlatformServer(limit: {
  count: number;
  windowMs: number;
}): Promise<FakePlatformServer> {
  const posts: AcceptedPost[] = [];
  const recent: number[] = [];
  const perReplica = new Map<string, number>();
  const byKey = new Map<string, string>();
  let rateLimited = 0;
  let deduplicated = 0;
  let hold:
    | { after: number; mode: HoldMode; resolve(held: { replica: string; channelId: string }): void }
    | undefined;

  const handle = async (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    for await (const chunk of request) body += chunk;
    const post = JSON.parse(body) as { replica: string; channelId: string; idempotencyKey?: string };
    const now = Date.now();
    const earlier = post.idempotencyKey ? byKey.get(post.idempotencyKey) : undefined;
    if (earlier) {
      deduplicated++;
      response.writeHead(200, { 'content-type': 'application/json' });
      response.end(JSON.stringify({ ok: true, messageId: earlier }));
      return;
    }
    while (recent.length > 0 && (recent[0] ?? 0) <= now - limit.windowMs) recent.shift();
    if (recent.length >= limit.count) {
      rateLimited++;
      const retryAfterMs = (recent[0] ?? now) + limit.windowMs - now;
      response.writeHead(429, {
        'content-type': 'application/json',
        'retry-after': String(retryAfterMs / 1000),
      });
      response.end(JSON.stringify({ retry_after_ms: retryAfterMs }));
      return;
    }
    recent.push(now);
    const accept = () => {
      const messageId = `m${posts.length + 1}`;
      posts.push({ replica: post.replica, channelId: post.channelId, messageId, at: now });
      if (post.idempotencyKey) byKey.set(post.idempotencyKey, messageId);
      perReplica.set(post.replica, (perReplica.get(post.replica) ?? 0) + 1);
      return messageId;
    };
    if (hold && (perReplica.get(post.replica) ?? 0) >= hold.after) {
      const { mode, resolve } = hold;
      hold = undefined;
      if (mode === 'after_accept') accept();
      // Never answered: the replica is killed while it waits.
      resolve({ replica: post.replica, channelId: post.channelId });
      return;
    }
    const messageId = accept();
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify({ ok: true, messageId }));
  };

  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      response.writeHead(500);
      response.end();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    posts,
    get rateLimited() {
      return rateLimited;
    },
    get deduplicated() {
      return deduplicated;
    },
    holdOnce(after, mode) {
      return new Promise((resolve) => {
        hold = { after, mode, resolve };
      });
    },
    async close() {
      server.closeAllConnections();
      server.close();
      await once(server, 'close').catch(() => {});
    },
  };
}
