// The ledger's multi-table changes, each one statement so it commits (or not) as a whole.

/** Merges the inserted row into a channel's cursor: union of development ids, latest date per topic. */
const MERGE_CURSOR = `
    ON CONFLICT (platform, channel_id) DO UPDATE SET
      sent_development_ids = (
        SELECT COALESCE(jsonb_agg(DISTINCT ids.id), '[]'::jsonb)
        FROM jsonb_array_elements_text(c.sent_development_ids || excluded.sent_development_ids) AS ids(id)),
      briefing_as_of = (
        SELECT COALESCE(jsonb_object_agg(latest.topic, latest.as_of), '{}'::jsonb)
        FROM (SELECT dates.key AS topic, MAX(dates.value) AS as_of
              FROM (SELECT * FROM jsonb_each_text(c.briefing_as_of)
                    UNION ALL SELECT * FROM jsonb_each_text(excluded.briefing_as_of)) AS dates
              GROUP BY dates.key) AS latest),
      digest_count = c.digest_count + 1,
      last_sent_at = GREATEST(c.last_sent_at, excluded.last_sent_at)`;

/** $1 id, $2 sent at, $3 message id, $4 summary, $5 development ids, $6 briefing dates, $7 topics. */
export const CONFIRM = `
  WITH sent AS (
    UPDATE deliveries SET state = 'sent', sent_at = $2, message_id = $3, summary = $4,
      reason = NULL, detail = NULL, updated_at = $2
    WHERE id = $1 AND state <> 'sent'
    RETURNING platform, channel_id
  ), cursor AS (
    INSERT INTO digest_cursors AS c
      (platform, channel_id, sent_development_ids, briefing_as_of, digest_count, last_sent_at)
    SELECT platform, channel_id, $5::jsonb, $6::jsonb, 1, $2 FROM sent
    ${MERGE_CURSOR}
    RETURNING 1
  ), ref AS (
    INSERT INTO message_refs (platform, channel_id, message_id, kind, topics, command, created_at)
    SELECT platform, channel_id, $3, 'digest', $7::jsonb, NULL, $2 FROM sent
    ON CONFLICT (platform, channel_id, message_id) DO UPDATE SET kind = excluded.kind,
      topics = excluded.topics, command = excluded.command, created_at = excluded.created_at
    RETURNING 1
  )
  SELECT COUNT(*) AS confirmed FROM sent`;

/**
 * $1 id, $2 at, $3 detail, $4 reason. A claim never confirmed across restarts becomes `unconfirmed`, and the
 * digest its last attempt recorded advances the cursor; when exactly it went out is not known, so
 * its slot stands in as the last-sent time.
 */
export const SETTLE_UNCONFIRMED = `
  WITH settled AS (
    UPDATE deliveries SET state = 'unconfirmed', reason = $4, detail = $3,
      summary = COALESCE(summary, pending_digest->>'summary'), owner = NULL, updated_at = $2
    WHERE id = $1 AND state = 'claimed'
    RETURNING platform, channel_id, scheduled_at, pending_digest
  ), cursor AS (
    INSERT INTO digest_cursors AS c
      (platform, channel_id, sent_development_ids, briefing_as_of, digest_count, last_sent_at)
    SELECT platform, channel_id, pending_digest->'advance'->'developmentIds',
      pending_digest->'advance'->'briefingAsOf', 1, scheduled_at
    FROM settled WHERE pending_digest IS NOT NULL
    ${MERGE_CURSOR}
    RETURNING 1
  )
  SELECT COUNT(*) AS settled FROM settled`;
