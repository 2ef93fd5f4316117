import type {
  Delivery,
  DeliveryReason,
  DeliveryState,
  DigestCursor,
  MessageRef,
  MessageRefDetail,
  Subscription,
} from '../../core/digests/store-port.ts';
import type { ChannelRef, Platform } from '../../core/ports.ts';
import type { Language } from '../../core/reply.ts';
import type { TopicId } from '../../core/topics/topic-ids.ts';

/**
 * Rows as node-postgres returns them: BIGINT ids arrive as strings (they may exceed 2^53 in
 * principle; ours never will), timestamptz as Date, jsonb already parsed.
 */
export interface SubscriptionRow {
  id: string;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  schedule: string;
  cron: string;
  time_zone: string;
  topics: TopicId[];
  lang: string;
  enabled: boolean;
  disabled_reason: string | null;
  disabled_detail: string | null;
  created_at: Date;
}

export interface DeliveryRow {
  id: string;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  subscription_id: string;
  scheduled_at: Date;
  state: string;
  attempts: number;
  recoveries: number;
  maybe_sent: number;
  reason: string | null;
  detail: string | null;
  summary: string | null;
  claimed_at: Date | null;
  owner: string | null;
  sent_at: Date | null;
  message_id: string | null;
  updated_at: Date;
}

export interface CursorRow {
  sent_development_ids: string[];
  briefing_as_of: DigestCursor['briefingAsOf'];
  digest_count: number;
  last_sent_at: Date | null;
}

export interface MessageRefRow {
  platform: string;
  channel_id: string;
  message_id: string;
  kind: string;
  topics: TopicId[];
  command: string | null;
  detail: MessageRefDetail | null;
}

function toChannel(platform: string, channelId: string, workspaceId: string | null): ChannelRef {
  const channel: ChannelRef = { platform: platform as Platform, channelId };
  if (workspaceId !== null) channel.workspaceId = workspaceId;
  return channel;
}

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: Number(row.id),
    channel: toChannel(row.platform, row.channel_id, row.workspace_id),
    schedule: row.schedule,
    cron: row.cron,
    timeZone: row.time_zone,
    topics: row.topics,
    lang: row.lang as Language,
    enabled: row.enabled,
    disabledReason: row.disabled_reason as DeliveryReason | null,
    disabledDetail: row.disabled_detail,
    createdAt: row.created_at,
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: Number(row.id),
    subscriptionId: Number(row.subscription_id),
    channel: toChannel(row.platform, row.channel_id, row.workspace_id),
    scheduledAt: row.scheduled_at,
    state: row.state as DeliveryState,
    attempts: row.attempts,
    recoveries: row.recoveries,
    maybeSent: Number(row.maybe_sent ?? 0),
    reason: row.reason as DeliveryReason | null,
    detail: row.detail,
    summary: row.summary,
    claimedAt: row.claimed_at,
    owner: row.owner,
    sentAt: row.sent_at,
    messageId: row.message_id,
    updatedAt: row.updated_at,
  };
}

export function toCursor(row: CursorRow): DigestCursor {
  return {
    sentDevelopmentIds: row.sent_development_ids,
    briefingAsOf: row.briefing_as_of,
    digestCount: row.digest_count,
    lastSentAt: row.last_sent_at,
  };
}

export function toMessageRef(row: MessageRefRow): MessageRef {
  return {
    platform: row.platform as Platform,
    channelId: row.channel_id,
    messageId: row.message_id,
    kind: row.kind as MessageRef['kind'],
    topics: row.topics,
    command: row.command,
    ...(row.detail ? { detail: row.detail } : {}),
  };
}
