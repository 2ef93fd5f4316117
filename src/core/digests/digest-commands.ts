import type { ChannelRef, RequestContext } from '../ports.ts';
import type { Language, Reply } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';

/** A schedule as typed by the user; the digests module validates and explains it. */
export type ScheduleSpec =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; day: string; time: string }
  | { kind: 'cron'; expression: string };

interface ChannelRequest {
  channel: ChannelRef;
  context: RequestContext;
  lang: Language;
}

/**
 * What the subscription commands of the grammar need from the digests feature. The command
 * layer parses and resolves topics; this interface validates schedules and time zones,
 * stores subscriptions and composes digests.
 */
export interface DigestCommands {
  /** `digest [topics…]`: the digest this channel would get now (all topics when none given). */
  preview(request: {
    channel?: ChannelRef;
    context: RequestContext;
    lang: Language;
    topics: TopicId[];
  }): Promise<Reply>;
  subscribe(
    request: ChannelRequest & { schedule: ScheduleSpec; timeZone?: string; topics: TopicId[] },
  ): Promise<Reply>;
  /** Removes subscription number `index` (1-based, as listed), or all when absent. */
  unsubscribe(request: ChannelRequest & { index?: number }): Promise<Reply>;
  list(request: ChannelRequest): Promise<Reply>;
  status(request: ChannelRequest): Promise<Reply>;
}
