import type { QueryResultRow } from 'pg';
import { type DeliveryCoordination, laneKeys } from '../../core/digests/coordination-port.ts';
import { type DeliveryRow, toDelivery } from './postgres-rows.ts';
import type { PreparedQuery } from './prepared-query.ts';

const OFFER_BATCH = 1_000;

// For each bucket, the lane free soonest among those nobody else is locking right now (SKIP
// LOCKED: replicas reserving together take different lanes instead of queueing on one); the send
// time is the latest of those, and every chosen lane is spent at it. Nothing is updated unless
// every bucket found a lane ($5 of them).
const RESERVE = `
  WITH chosen AS (
    SELECT lane.key, wanted.window_ms, lane.next_at
    FROM unnest($1::text[], $2::float8[], $3::int[]) AS wanted(bucket, window_ms, lanes)
    CROSS JOIN LATERAL (
      SELECT p.key, p.next_at FROM send_pacing p
      WHERE p.key = ANY (ARRAY(SELECT wanted.bucket || '#' || g FROM generate_series(0, wanted.lanes - 1) AS g))
      ORDER BY p.next_at, p.key LIMIT 1
      FOR UPDATE SKIP LOCKED) AS lane
  ), send AS (
    SELECT GREATEST($4::timestamptz, MAX(next_at)) AS at, COUNT(*) AS lanes FROM chosen
  )
  UPDATE send_pacing p SET next_at = send.at + chosen.window_ms * interval '1 millisecond'
  FROM chosen, send
  WHERE p.key = chosen.key AND send.lanes = $5
  RETURNING send.at AS send_at`;

/**
 * Claims, run slots and send pacing (migration 4) for replicas sharing one Postgres. Each method
 * is a single statement, so it is atomic on its own and holds row locks only for that statement.
 */
export function createPostgresCoordination(run: PreparedQuery): DeliveryCoordination {
  const query = async <Row extends QueryResultRow>(text: string, values: unknown[]) =>
    (await run<Row>(text, values)).rows;

  return {
    sharedByReplicas: true,
    async offerDeliveries(subscriptions, scheduledAt, at) {
      let added = 0;
      for (let start = 0; start < subscriptions.length; start += OFFER_BATCH) {
        const batch = subscriptions.slice(start, start + OFFER_BATCH);
        const result = await run(
          `INSERT INTO deliveries (platform, channel_id, workspace_id, subscription_id, scheduled_at, state, updated_at)
           SELECT s.platform, s.channel_id, s.workspace_id, s.id, $5, 'released', $6
           FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[]) AS s(platform, channel_id, workspace_id, id)
           ON CONFLICT (platform, channel_id, subscription_id, scheduled_at) DO NOTHING`,
          [
            batch.map((s) => s.channel.platform),
            batch.map((s) => s.channel.channelId),
            batch.map((s) => s.channel.workspaceId ?? null),
            batch.map((s) => s.id),
            scheduledAt,
            at,
          ],
        );
        added += result.rowCount ?? 0;
      }
      return added;
    },
    async claimReleasedDeliveries(owner, at, limit, platform) {
      // SKIP LOCKED: replicas pulling at the same moment each get different rows instead of
      // queueing on the same ones; the re-checked `state` keeps a row from being claimed twice.
      // Then the picked rows' channels whole: a row of theirs another replica has just locked is
      // waited for and, claimed by then, left out by the re-checked state.
      const rows = await query<DeliveryRow>(
        `WITH picked AS (
           SELECT platform, channel_id FROM deliveries
           WHERE state = 'released' AND ($4::text IS NULL OR platform = $4)
           ORDER BY scheduled_at, id LIMIT $3 FOR UPDATE SKIP LOCKED)
         UPDATE deliveries SET state = 'claimed', owner = $1, claimed_at = $2, updated_at = $2
         WHERE state = 'released' AND (platform, channel_id) IN (SELECT platform, channel_id FROM picked)
         RETURNING *`,
        [owner, at, limit, platform ?? null],
      );
      return rows
        .map(toDelivery)
        .sort((a, b) => a.scheduledAt.getTime() - b.scheduledAt.getTime() || a.id - b.id);
    },
    async renewClaims(owner, at, deliveryIds) {
      if (deliveryIds.length === 0) return 0;
      const result = await run(
        "UPDATE deliveries SET claimed_at = $2 WHERE state = 'claimed' AND owner = $1 AND id = ANY($3::bigint[])",
        [owner, at, deliveryIds],
      );
      return result.rowCount ?? 0;
    },
    async listStaleClaims(claimedBefore, limit) {
      const rows = await query<DeliveryRow>(
        `SELECT * FROM deliveries WHERE state = 'claimed' AND claimed_at < $1
         ORDER BY claimed_at, id LIMIT $2`,
        [claimedBefore, limit],
      );
      return rows.map(toDelivery);
    },
    async acquireRunSlot(key, owner, at, ttlMs) {
      const rows = await query<{ owner: string }>(
        `INSERT INTO run_slots AS r (key, owner, acquired_at, expires_at)
         VALUES ($1, $2, $3, $3::timestamptz + $4 * interval '1 millisecond')
         ON CONFLICT (key) DO UPDATE SET owner = excluded.owner, acquired_at = excluded.acquired_at,
           expires_at = excluded.expires_at
         WHERE r.finished_at IS NULL AND r.expires_at <= excluded.acquired_at
         RETURNING owner`,
        [key, owner, at, ttlMs],
      );
      return rows.length === 1;
    },
    async finishRunSlot(key, owner, at) {
      await run('UPDATE run_slots SET finished_at = $3 WHERE key = $1 AND owner = $2', [key, owner, at]);
    },
    async isRunSlotFinished(key) {
      const rows = await query<{ finished: boolean }>(
        'SELECT finished_at IS NOT NULL AS finished FROM run_slots WHERE key = $1',
        [key],
      );
      return rows[0]?.finished ?? false;
    },
    async reserveSendTime(buckets, at) {
      for (let attempt = 1; ; attempt++) {
        const rows = await query<{ send_at: Date }>(RESERVE, [
          buckets.map((bucket) => bucket.key),
          buckets.map((bucket) => bucket.windowMs),
          buckets.map((bucket) => bucket.limit),
          at,
          buckets.length,
        ]);
        if (rows[0]) return rows[0].send_at;
        // A bucket had no lane: new (create its lanes) or, rarely, every lane locked this instant.
        if (attempt > 20) throw new Error(`no free pacing lane for ${buckets.map((b) => b.key).join(', ')}`);
        await run(
          `INSERT INTO send_pacing (key, next_at) SELECT unnest($1::text[]), 'epoch' ON CONFLICT (key) DO NOTHING`,
          [buckets.flatMap(laneKeys)],
        );
      }
    },
    async pruneCoordination(before) {
      await run('DELETE FROM run_slots WHERE COALESCE(finished_at, expires_at) < $1', [before]);
      // Whole buckets only: a bucket missing some of its lanes would allow fewer messages than its limit.
      await run(
        `DELETE FROM send_pacing WHERE split_part(key, '#', 1) IN (
           SELECT split_part(key, '#', 1) AS bucket FROM send_pacing GROUP BY 1 HAVING MAX(next_at) < $1)`,
        [before],
      );
    },
  };
}
