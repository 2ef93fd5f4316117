import type { OnceKeys } from '../once-keys.ts';
import type { ChannelRef, Platform } from '../ports.ts';
import type { Language, SourceRef } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';
import type { WorkspaceInstallations } from '../workspace-installations.ts';
import type { DeliveryCoordination } from './coordination-port.ts';

/** A channel's standing order for digests. */
export interface Subscription {
  id: number;
  channel: ChannelRef;
  /** Canonical schedule text (`weekly mon 09:00`); parseStoredSchedule reads it back. */
  schedule: string;
  /** The cron expression node-cron fires on; subscriptions sharing it and `timeZone` share a task. */
  cron: string;
  timeZone: string;
  topics: TopicId[];
  lang: Language;
  enabled: boolean;
  disabledReason: DeliveryReason | null;
  /** The platform's words for why it was disabled, for the operator. */
  disabledDetail: string | null;
  createdAt: Date;
}

export type NewSubscription = Omit<Subscription, 'id' | 'enabled' | 'disabledReason' | 'disabledDetail'>;

/**
 * Where a delivery is in its life: claimed before sending, then exactly one final state.
 * `unconfirmed`: publishes were attempted across two crashes and none was confirmed, so the
 * digest probably went out; it is not resent, and the cursor moves past what it carried.
 */
export type DeliveryState = 'claimed' | 'sent' | 'failed' | 'skipped' | 'released' | 'unconfirmed';

/** Why a delivery was skipped or failed: stable codes, worded per language by `status`. */
export type DeliveryReason =
  | 'missed_beyond_window'
  | 'superseded'
  | 'channel_gone'
  | 'permanent_error'
  | 'retries_exhausted'
  | 'unconfirmed_after_restart'
  | 'maybe_sent_twice'
  | 'no_publisher'
  | 'unsubscribed';

/** One row of the delivery ledger, unique per (channel, subscription, scheduled time). */
export interface Delivery {
  id: number;
  subscriptionId: number;
  channel: ChannelRef;
  scheduledAt: Date;
  state: DeliveryState;
  /** Publish attempts started, persisted before each one so a crash can tell "never tried". */
  attempts: number;
  /** Times the delivery was taken over after a crash left it claimed. */
  recoveries: number;
  /**
   * Publishes that may have landed without our knowing (a timeout, a reset, a 5xx, or a crash
   * between the platform's answer and our confirm). Kept across release and takeover: once it
   * reaches two, nobody publishes the delivery again (at most one resend in all).
   */
  maybeSent: number;
  reason: DeliveryReason | null;
  /** The platform's words, for the operator; not translated. */
  detail: string | null;
  /** What was sent, in the subscription's language ("3 developments, 1 update"). */
  summary: string | null;
  claimedAt: Date | null;
  /** The replica (digest service) holding the claim; null once nobody does. */
  owner: string | null;
  sentAt: Date | null;
  messageId: string | null;
  updatedAt: Date;
}

/** What a channel has already been told: developments sent and each topic's briefing date then. */
export interface DigestCursor {
  sentDevelopmentIds: string[];
  /** YYYY-MM-DD as_of per topic at the last digest that covered the topic. */
  briefingAsOf: Partial<Record<TopicId, string>>;
  digestCount: number;
  lastSentAt: Date | null;
}

/** The part of a cursor one digest adds; merged (union, max) so concurrent digests cannot regress it. */
export interface CursorAdvance {
  developmentIds: string[];
  briefingAsOf: Partial<Record<TopicId, string>>;
}

/** The digest a publish attempt is about to send, recorded with the attempt. */
export interface PendingDigest {
  summary: string;
  advance: CursorAdvance;
  topics: TopicId[];
}

/** What a message the bot posted was about, so a reply in its thread can ask for its sources. */
export interface MessageRef {
  platform: Platform;
  channelId: string;
  messageId: string;
  kind: 'digest' | 'reply';
  topics: TopicId[];
  command: string | null;
  /**
   * What `sources` in the message's thread answers with, so the answer is the same after a
   * restart: the message's language, title and the exact sources it cited. Absent for refs saved
   * before it was kept; a save without it keeps the one already stored (a digest's confirmation).
   */
  detail?: MessageRefDetail;
}

export interface MessageRefDetail {
  lang: Language;
  title: string;
  sources: SourceRef[];
  /** `thread`: `messageId` is the root of a thread the bot answered in, not the bot's own message. */
  via: 'message' | 'thread';
}

/** The heartbeat row `probeWrite` keeps: a pacing key no bucket uses, pruned like theirs. */
export const WRITE_PROBE_KEY = 'health#write-probe';

/**
 * The storage port. Every method is async so a networked backend (Postgres) can
 * implement it unchanged; SQLite is the embedded default. Installations (Slack OAuth) live in the
 * same store so an uninstall removes them together with the workspace's subscriptions.
 */
export interface Store extends WorkspaceInstallations, DeliveryCoordination, OnceKeys {
  addSubscription(subscription: NewSubscription): Promise<Subscription>;
  /** The channel's subscriptions, enabled or not, in the order `subscriptions` numbers them. */
  listChannelSubscriptions(channel: ChannelRef): Promise<Subscription[]>;
  /** Every subscription of one workspace's channels, enabled or not, by channel then id (Slack's Home tab). */
  listWorkspaceSubscriptions(platform: Platform, workspaceId: string): Promise<Subscription[]>;
  /** Enabled subscriptions, all of them or those on one cron expression and time zone. */
  listEnabledSubscriptions(filter?: { cron: string; timeZone: string }): Promise<Subscription[]>;
  getSubscription(id: number): Promise<Subscription | undefined>;
  removeSubscriptions(ids: number[]): Promise<void>;
  /** Disables every subscription of a channel that is gone (deleted, bot removed). */
  disableChannel(channel: ChannelRef, reason: DeliveryReason, detail: string, at: Date): Promise<void>;

  /**
   * Claims (subscription, scheduledAt) for sending: inserts a `claimed` row, or takes over a
   * `released` one, for `owner`. Undefined when the slot is already in the ledger in any other state.
   */
  claimDelivery(
    subscription: Subscription,
    scheduledAt: Date,
    at: Date,
    owner?: string,
  ): Promise<Delivery | undefined>;
  /**
   * Counts a publish attempt and renews the claim (the lease) before the platform is called.
   * False, and nothing recorded, when the claim is no longer `owner`'s: a replica that lost its
   * lease (frozen, partitioned) must not publish what another replica has taken over.
   */
  recordAttempt(deliveryId: number, at: Date, owner?: string, pending?: PendingDigest): Promise<boolean>;
  /**
   * Ends a claim whose attempts were never confirmed across restarts as `unconfirmed`, and
   * advances the channel's cursor by the digest the last attempt recorded, in one transaction:
   * the next digest then does not repeat what probably went out. Only a `claimed` row changes.
   */
  settleUnconfirmed(
    deliveryId: number,
    at: Date,
    detail: string,
    reason?: 'unconfirmed_after_restart' | 'maybe_sent_twice',
  ): Promise<void>;
  /**
   * Counts a publish that may have landed (fenced on owner, like `recordAttempt`); returns the
   * count now recorded, or undefined when the claim is no longer `owner`'s.
   */
  recordMaybeSent(deliveryId: number, at: Date, owner?: string): Promise<number | undefined>;
  /** Takes over a claim a crash left behind; false if it changed meanwhile (another instance took it). */
  recoverClaim(
    deliveryId: number,
    expectedClaimedAt: Date,
    at: Date,
    owner?: string,
    /** The crashed owner's last attempt may have landed: counted in `maybeSent`. */
    lastAttemptMaybeSent?: boolean,
  ): Promise<boolean>;
  /**
   * Records the send, advances the channel's cursor and remembers the message, in one
   * transaction. Whoever holds the claim: the message went out, so this is the truth, and it stops
   * any replica that took the claim over from publishing again. A second confirm changes nothing.
   */
  confirmDelivery(
    deliveryId: number,
    result: { sentAt: Date; messageId: string; summary: string; advance: CursorAdvance; topics: TopicId[] },
  ): Promise<void>;
  /**
   * Gives a claim back untouched (graceful shutdown) so the next start sends it. Fenced like
   * `finishDelivery`: only a `claimed` row that is still `owner`'s changes; false otherwise.
   */
  releaseDelivery(deliveryId: number, at: Date, owner?: string): Promise<boolean>;
  /**
   * Records a claimed delivery as failed or skipped. Fenced on state and owner: a replica that
   * lost its lease must not turn another replica's `sent` into `failed`, nor end a claim someone
   * else now holds. False, and nothing changed, when the claim is no longer `owner`'s.
   */
  finishDelivery(
    deliveryId: number,
    outcome: {
      state: 'failed' | 'skipped';
      reason: DeliveryReason;
      detail?: string;
      at: Date;
      owner?: string;
    },
  ): Promise<boolean>;
  /** Records a slot that will not be sent without ever claiming it (missed beyond the window). */
  recordSkipped(
    subscription: Subscription,
    scheduledAt: Date,
    reason: DeliveryReason,
    at: Date,
    detail?: string,
  ): Promise<void>;
  /** Ledger rows still `claimed` or `released`: what a start must finish. */
  listUnfinishedDeliveries(): Promise<Delivery[]>;
  /** The newest scheduled time in the ledger for a subscription: catch-up starts after it. */
  latestScheduledAt(subscriptionId: number): Promise<Date | undefined>;
  /** The channel's most recent ledger rows, newest scheduled first. */
  listChannelDeliveries(channel: ChannelRef, limit: number): Promise<Delivery[]>;

  getDigestCursor(channel: ChannelRef): Promise<DigestCursor | undefined>;

  getLanguage(channel: ChannelRef): Promise<Language | undefined>;
  setLanguage(channel: ChannelRef, language: Language): Promise<void>;

  saveMessageRef(ref: MessageRef, at: Date): Promise<void>;
  findMessageRef(channel: ChannelRef, messageId: string): Promise<MessageRef | undefined>;

  /** Resolves when the database answers a trivial query: the store's line in /healthz. */
  ping(): Promise<void>;
  /**
   * Commits one tiny write (a heartbeat row beside the pacing lanes), so /healthz notices a store
   * that still reads but can no longer record anything: a full disk, a read-only mount.
   */
  probeWrite(at: Date): Promise<void>;
  close(): Promise<void>;
}
