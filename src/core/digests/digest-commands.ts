import type { ChannelRef, RequestContext } from '../ports.ts';
import type { Language, Reply } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';

/** A schedule as typed by the user; the digests module validates and explains it. */
export type ScheduleSpec =
  | { kind: 'daily'; time: string }
  | { kind: 'weekly'; day: string; time: string }
  | { kind: 'cron'; expression: string };

/**
 * Which digests `unsubscribe` removes: one by number; the only one (a bare `unsubscribe`);
 * all of them, which first asks for a confirmation; or what a confirmation code names.
 */
export type UnsubscribeTarget =
  | { kind: 'number'; index: number }
  | { kind: 'only' }
  | { kind: 'all' }
  | { kind: 'confirmed'; code: string };

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
  /** Removes digests (numbers are 1-based, as listed); several only after a confirmation. */
  unsubscribe(request: ChannelRequest & { target: UnsubscribeTarget }): Promise<Reply>;
  list(request: ChannelRequest): Promise<Reply>;
  status(request: ChannelRequest): Promise<Reply>;
}
