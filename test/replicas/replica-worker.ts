// One bot replica as its own process, for the replica tests: the real digest service on the real
// Postgres store, posting to the fake platform server over loopback. Spawned with
// `node --import tsx test/replicas/replica-worker.ts`; it prints `ready` once loaded, starts the
// digest service on a `start` line from stdin, and stops gracefully on SIGTERM.
import { createInterface } from 'node:readline';
import { createDigestService } from '../../src/core/digests/create-digest-service.ts';
import type { IdempotentPublisher } from '../../src/core/digests/idempotent-publisher.ts';
import { type ChannelRef, DeliveryError, type Logger, type Publisher } from '../../src/core/ports.ts';
import { createPostgresStore } from '../../src/storage/postgres/create-postgres-store.ts';
import { createLibrary } from '../core/digests/digest-fixtures.ts';

const env = (name: string) => {
  const value = process.env[name];
  if (!value) throw new Error(`replica worker: ${name} is not set`);
  return value;
};
const replica = env('REPLICA_ID');
const platformUrl = env('FAKE_PLATFORM_URL');

const logger: Logger = {
  debug() {},
  info() {},
  warn: (obj, msg) => console.error(replica, 'warn', msg ?? '', JSON.stringify(obj)),
  error: (obj, msg) => console.error(replica, 'error', msg ?? '', JSON.stringify(obj)),
};

async function post(channel: ChannelRef, idempotencyKey?: string) {
  let response: Response;
  try {
    response = await fetch(`${platformUrl}/post`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ replica, channelId: channel.channelId, idempotencyKey }),
    });
  } catch (error) {
    throw new DeliveryError('transient', String(error));
  }
  const body = (await response.json()) as { messageId?: string; retry_after_ms?: number };
  if (response.status === 429) throw new DeliveryError('rate_limited', '429', body.retry_after_ms);
  if (!response.ok || !body.messageId) throw new DeliveryError('transient', `HTTP ${response.status}`);
  return { messageId: body.messageId };
}

// IDEMPOTENT=1: a publisher like Discord's with a nonce; otherwise one like Slack's, which has none.
const publisher: Publisher | IdempotentPublisher =
  process.env.IDEMPOTENT === '1'
    ? {
        platform: 'discord',
        publish: (channel) => post(channel),
        publishOnce: (channel, _reply, key) => post(channel, key),
      }
    : { platform: 'discord', publish: (channel) => post(channel) };

const store = await createPostgresStore(env('EUJP_TEST_PG_URL'), { schema: env('REPLICA_SCHEMA') });
const service = createDigestService({
  store,
  getLibrary: () => createLibrary(),
  clock: { now: () => new Date() },
  logger,
  publishers: new Map([['discord', publisher]]),
  defaultTimeZone: 'UTC',
  replicaId: replica,
  leaseMs: Number(env('LEASE_MS')),
  pollMs: Number(env('POLL_MS')),
  prefetch: Number(env('PREFETCH')),
  concurrencyPerPlatform: Number(env('CONCURRENCY')),
  rateLimits: { discord: [{ scope: 'platform', limit: Number(env('BOT_RATE_PER_S')), windowMs: 1_000 }] },
});

process.on('SIGTERM', () => {
  service
    .stop()
    .then(() => store.close())
    .then(
      () => process.exit(0),
      () => process.exit(1),
    );
});
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  if (line.trim() !== 'start') return;
  service.start().then(
    () => console.log('started'),
    (error: unknown) => {
      console.error(replica, 'could not start', error);
      process.exit(1);
    },
  );
});
console.log('ready');
