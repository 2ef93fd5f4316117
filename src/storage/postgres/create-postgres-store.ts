import pg from 'pg';
import { type Store, WRITE_PROBE_KEY } from '../../core/digests/store-port.ts';
import type { ChannelRef } from '../../core/ports.ts';
import type { Language } from '../../core/reply.ts';
import { migratePostgres } from './migrate-postgres.ts';
import { createPostgresCoordination } from './postgres-coordination.ts';
import { createPostgresInstallations } from './postgres-installations.ts';
import { CONFIRM, SETTLE_UNCONFIRMED } from './postgres-ledger-sql.ts';
import { POSTGRES_MIGRATIONS } from './postgres-migrations.ts';
import { createPostgresOnceKeys } from './postgres-once-keys.ts';
import {
  type CursorRow,
  type DeliveryRow,
  type MessageRefRow,
  type SubscriptionRow,
  toCursor,
  toDelivery,
  toMessageRef,
  toSubscription,
} from './postgres-rows.ts';
import { createPreparedQuery } from './prepared-query.ts';

/** Connection options beyond the URL; tests use `schema` to isolate each run. */
export interface PostgresStoreOptions {
  /** Tables live in this schema (it must exist; a plain identifier); by default, the URL's search_path. */
  schema?: string;
  /** Connections in the pool (default 10). */
  maxConnections?: number;
  /**
   * Time limits, so a partition (connections open, no answers) fails fast instead of holding every
   * caller until it ends: opening a connection (default 5 s), a query's answer (default 10 s,
   * enforced by the client, since a server that does not answer cannot enforce it), and how long an
   * idle connection is kept (default 30 s).
   */
  timeouts?: { connectMs?: number; queryMs?: number; idleMs?: number };
}

/**
 * Connects to Postgres, migrates (see migratePostgres) and returns the Store. Every ledger change
 * is one statement whose WHERE clause is its own guard (ON CONFLICT, a conditional UPDATE, SKIP
 * LOCKED), so replicas sharing the database never both win the same claim.
 */
export async function createPostgresStore(url: string, options: PostgresStoreOptions = {}): Promise<Store> {
  if (options.schema !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(options.schema)) {
    throw new Error(`Postgres schema must be a plain identifier: ${options.schema}`);
  }
  const pool = new pg.Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.timeouts?.connectMs ?? 5000,
    query_timeout: options.timeouts?.queryMs ?? 10_000,
    idleTimeoutMillis: options.timeouts?.idleMs ?? 30_000,
    // A dead peer behind a partition is noticed by TCP too, not only by the timeouts above.
    keepAlive: true,
    // Set at connection start-up, so no query can ever run on the wrong schema.
    ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
  });
  // An idle connection the server dropped must not crash the process: the next query reconnects
  // or fails, and that failure reaches the caller.
  pool.on('error', () => {});
  try {
    await migratePostgres(pool, POSTGRES_MIGRATIONS);
  } catch (error) {
    await pool.end();
    throw error;
  }

  const run = createPreparedQuery(pool);
  const query = async <Row extends pg.QueryResultRow>(text: string, values: unknown[] = []) =>
    (await run<Row>(text, values)).rows;
  const channelWhere = 'platform = $1 AND channel_id = $2';
  const channelValues = (channel: ChannelRef) => [channel.platform, channel.channelId];
  const deliveryKey = (subscription: { id: number; channel: ChannelRef }, scheduledAt: Date) => [
    subscription.channel.platform,
    subscription.channel.channelId,
    subscription.channel.workspaceId ?? null,
    subscription.id,
    scheduledAt,
  ];
  let closed = false;

  return {
    ...createPostgresInstallations(pool),
    ...createPostgresOnceKeys(pool),
    ...createPostgresCoordination(run),
    async addSubscription(subscription) {
      const [row] = await query<SubscriptionRow>(
        `INSERT INTO subscriptions (platform, channel_id, workspace_id, schedule, cron, time_zone, topics, lang, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING *`,
        [
          ...channelValues(subscription.channel),
          subscription.channel.workspaceId ?? null,
          subscription.schedule,
          subscription.cron,
          subscription.timeZone,
          JSON.stringify(subscription.topics),
          subscription.lang,
          subscription.createdAt,
        ],
      );
      return toSubscription(row as SubscriptionRow);
    },
    async listWorkspaceSubscriptions(platform, workspaceId) {
      const rows = await query<SubscriptionRow>(
        'SELECT * FROM subscriptions WHERE platform = $1 AND workspace_id = $2 ORDER BY channel_id, id',
        [platform, workspaceId],
      );
      return rows.map(toSubscription);
    },
    async listChannelSubscriptions(channel) {
      const rows = await query<SubscriptionRow>(
        `SELECT * FROM subscriptions WHERE ${channelWhere} ORDER BY id`,
        channelValues(channel),
      );
      return rows.map(toSubscription);
    },
    async listEnabledSubscriptions(filter) {
      const rows = filter
        ? await query<SubscriptionRow>(
            'SELECT * FROM subscriptions WHERE enabled AND cron = $1 AND time_zone = $2 ORDER BY id',
            [filter.cron, filter.timeZone],
          )
        : await query<SubscriptionRow>('SELECT * FROM subscriptions WHERE enabled ORDER BY id');
      return rows.map(toSubscription);
    },
    async getSubscription(id) {
      const [row] = await query<SubscriptionRow>('SELECT * FROM subscriptions WHERE id = $1', [id]);
      return row ? toSubscription(row) : undefined;
    },
    async removeSubscriptions(ids) {
      await query('DELETE FROM subscriptions WHERE id = ANY($1::bigint[])', [ids]);
    },
    async disableChannel(channel, reason, detail, at) {
      await query(
        `UPDATE subscriptions SET enabled = FALSE, disabled_reason = $3, disabled_detail = $4, disabled_at = $5
         WHERE ${channelWhere} AND enabled`,
        [...channelValues(channel), reason, detail, at],
      );
    },
    async claimDelivery(subscription, scheduledAt, at, owner) {
      const [row] = await query<DeliveryRow>(
        `INSERT INTO deliveries AS d (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, claimed_at, owner, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'claimed', $6, $7, $6)
         ON CONFLICT (platform, channel_id, subscription_id, scheduled_at)
         DO UPDATE SET state = 'claimed', claimed_at = excluded.claimed_at, owner = excluded.owner,
           updated_at = excluded.updated_at
         WHERE d.state = 'released'
         RETURNING *`,
        [...deliveryKey(subscription, scheduledAt), at, owner ?? null],
      );
      return row ? toDelivery(row) : undefined;
    },
    async recordAttempt(id, at, owner, pending) {
      const result = await run(
        `UPDATE deliveries SET attempts = attempts + 1, claimed_at = $2, updated_at = $2,
           pending_digest = COALESCE($4::jsonb, pending_digest)
         WHERE id = $1 AND state = 'claimed' AND owner IS NOT DISTINCT FROM $3`,
        [id, at, owner ?? null, pending ? JSON.stringify(pending) : null],
      );
      return result.rowCount === 1;
    },
    async settleUnconfirmed(id, at, detail, reason = 'unconfirmed_after_restart') {
      await query(SETTLE_UNCONFIRMED, [id, at, detail, reason]);
    },
    async recoverClaim(id, expectedClaimedAt, at, owner, lastAttemptMaybeSent) {
      const result = await run(
        `UPDATE deliveries SET recoveries = recoveries + 1, claimed_at = $3, owner = $4, updated_at = $3,
           maybe_sent = maybe_sent + $5
         WHERE id = $1 AND state = 'claimed' AND claimed_at = $2`,
        [id, expectedClaimedAt, at, owner ?? null, lastAttemptMaybeSent ? 1 : 0],
      );
      return result.rowCount === 1;
    },
    async recordMaybeSent(id, at, owner) {
      const [row] = await query<{ maybe_sent: number }>(
        `UPDATE deliveries SET maybe_sent = maybe_sent + 1, updated_at = $2
         WHERE id = $1 AND state = 'claimed' AND owner IS NOT DISTINCT FROM $3 RETURNING maybe_sent`,
        [id, at, owner ?? null],
      );
      return row?.maybe_sent;
    },
    async confirmDelivery(id, result) {
      await query(CONFIRM, [
        id,
        result.sentAt,
        result.messageId,
        result.summary,
        JSON.stringify(result.advance.developmentIds),
        JSON.stringify(result.advance.briefingAsOf),
        JSON.stringify(result.topics),
      ]);
    },
    async releaseDelivery(id, at, owner) {
      const result = await run(
        `UPDATE deliveries SET state = 'released', owner = NULL, updated_at = $2
         WHERE id = $1 AND state = 'claimed' AND owner IS NOT DISTINCT FROM $3`,
        [id, at, owner ?? null],
      );
      return result.rowCount === 1;
    },
    async finishDelivery(id, outcome) {
      const result = await run(
        `UPDATE deliveries SET state = $2, reason = $3, detail = $4, updated_at = $5
         WHERE id = $1 AND state = 'claimed' AND owner IS NOT DISTINCT FROM $6`,
        [id, outcome.state, outcome.reason, outcome.detail ?? null, outcome.at, outcome.owner ?? null],
      );
      return result.rowCount === 1;
    },
    async recordSkipped(subscription, scheduledAt, reason, at, detail) {
      await query(
        `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, reason, detail, updated_at)
         VALUES ($1, $2, $3, $4, $5, 'skipped', $6, $7, $8)
         ON CONFLICT (platform, channel_id, subscription_id, scheduled_at) DO NOTHING`,
        [...deliveryKey(subscription, scheduledAt), reason, detail ?? null, at],
      );
    },
    async listUnfinishedDeliveries() {
      const rows = await query<DeliveryRow>(
        "SELECT * FROM deliveries WHERE state IN ('claimed', 'released') ORDER BY scheduled_at, id",
      );
      return rows.map(toDelivery);
    },
    async latestScheduledAt(subscriptionId) {
      const [row] = await query<{ latest: Date | null }>(
        'SELECT MAX(scheduled_at) AS latest FROM deliveries WHERE subscription_id = $1',
        [subscriptionId],
      );
      return row?.latest ?? undefined;
    },
    async listChannelDeliveries(channel, limit) {
      const rows = await query<DeliveryRow>(
        `SELECT * FROM deliveries WHERE ${channelWhere} ORDER BY scheduled_at DESC, id DESC LIMIT $3`,
        [...channelValues(channel), limit],
      );
      return rows.map(toDelivery);
    },
    async getDigestCursor(channel) {
      const [row] = await query<CursorRow>(
        `SELECT * FROM digest_cursors WHERE ${channelWhere}`,
        channelValues(channel),
      );
      return row ? toCursor(row) : undefined;
    },
    async getLanguage(channel) {
      const [row] = await query<{ language: string | null }>(
        `SELECT language FROM channel_settings WHERE ${channelWhere}`,
        channelValues(channel),
      );
      return (row?.language ?? undefined) as Language | undefined;
    },
    async setLanguage(channel, language) {
      await query(
        `INSERT INTO channel_settings (platform, channel_id, language, updated_at) VALUES ($1, $2, $3, now())
         ON CONFLICT (platform, channel_id) DO UPDATE SET language = excluded.language, updated_at = excluded.updated_at`,
        [...channelValues(channel), language],
      );
    },
    async saveMessageRef(ref, at) {
      await query(
        `INSERT INTO message_refs (platform, channel_id, message_id, kind, topics, command, created_at, detail)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
         ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET kind = excluded.kind,
           topics = excluded.topics, command = excluded.command, created_at = excluded.created_at,
           detail = COALESCE(excluded.detail, message_refs.detail)`,
        [
          ref.platform,
          ref.channelId,
          ref.messageId,
          ref.kind,
          JSON.stringify(ref.topics),
          ref.command,
          at,
          ref.detail ? JSON.stringify(ref.detail) : null,
        ],
      );
    },
    async findMessageRef(channel, messageId) {
      const [row] = await query<MessageRefRow>(
        `SELECT * FROM message_refs WHERE ${channelWhere} AND message_id = $3`,
        [...channelValues(channel), messageId],
      );
      return row ? toMessageRef(row) : undefined;
    },
    async ping() {
      await pool.query('SELECT 1');
    },
    async probeWrite(at) {
      await pool.query(
        `INSERT INTO send_pacing (key, next_at) VALUES ('${WRITE_PROBE_KEY}', $1)
         ON CONFLICT (key) DO UPDATE SET next_at = excluded.next_at`,
        [at],
      );
    },
    async close() {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
