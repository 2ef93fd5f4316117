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

/** Rows as better-sqlite3 returns them: snake_case columns, integers for times and flags. */
export interface SubscriptionRow {
  id: number;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  schedule: string;
  cron: string;
  time_zone: string;
  topics: string;
  lang: string;
  enabled: number;
  disabled_reason: string | null;
  disabled_detail: string | null;
  created_at: number;
}

export interface DeliveryRow {
  id: number;
  platform: string;
  channel_id: string;
  workspace_id: string | null;
  subscription_id: number;
  scheduled_at: number;
  state: string;
  attempts: number;
  recoveries: number;
  maybe_sent: number;
  reason: string | null;
  detail: string | null;
  summary: string | null;
  claimed_at: number | null;
  owner: string | null;
  sent_at: number | null;
  message_id: string | null;
  updated_at: number;
}

export interface CursorRow {
  sent_development_ids: string;
  briefing_as_of: string;
  digest_count: number;
  last_sent_at: number | null;
}

export interface MessageRefRow {
  platform: string;
  channel_id: string;
  message_id: string;
  kind: string;
  topics: string;
  command: string | null;
  detail: string | null;
}

function toChannel(platform: string, channelId: string, workspaceId: string | null): ChannelRef {
  const channel: ChannelRef = { platform: platform as Platform, channelId };
  if (workspaceId !== null) channel.workspaceId = workspaceId;
  return channel;
}

const toDate = (ms: number | null) => (ms === null ? null : new Date(ms));

export function toSubscription(row: SubscriptionRow): Subscription {
  return {
    id: row.id,
    channel: toChannel(row.platform, row.channel_id, row.workspace_id),
    schedule: row.schedule,
    cron: row.cron,
    timeZone: row.time_zone,
    topics: JSON.parse(row.topics) as TopicId[],
    lang: row.lang as Language,
    enabled: row.enabled === 1,
    disabledReason: row.disabled_reason as DeliveryReason | null,
    disabledDetail: row.disabled_detail,
    createdAt: new Date(row.created_at),
  };
}

export function toDelivery(row: DeliveryRow): Delivery {
  return {
    id: row.id,
    subscriptionId: row.subscription_id,
    channel: toChannel(row.platform, row.channel_id, row.workspace_id),
    scheduledAt: new Date(row.scheduled_at),
    state: row.state as DeliveryState,
    attempts: row.attempts,
    recoveries: row.recoveries,
    maybeSent: Number(row.maybe_sent ?? 0),
    reason: row.reason as DeliveryReason | null,
    detail: row.detail,
    summary: row.summary,
    claimedAt: toDate(row.claimed_at),
    owner: row.owner,
    sentAt: toDate(row.sent_at),
    messageId: row.message_id,
    updatedAt: new Date(row.updated_at),
  };
}

export function toCursor(row: CursorRow): DigestCursor {
  return {
    sentDevelopmentIds: JSON.parse(row.sent_development_ids) as string[],
    briefingAsOf: JSON.parse(row.briefing_as_of) as DigestCursor['briefingAsOf'],
    digestCount: row.digest_count,
    lastSentAt: toDate(row.last_sent_at),
  };
}

export function toMessageRef(row: MessageRefRow): MessageRef {
  return {
    platform: row.platform as Platform,
    channelId: row.channel_id,
    messageId: row.message_id,
    kind: row.kind as MessageRef['kind'],
    topics: JSON.parse(row.topics) as TopicId[],
    command: row.command,
    ...(row.detail ? { detail: JSON.parse(row.detail) as MessageRefDetail } : {}),
  };
}
