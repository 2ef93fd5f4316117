import type { BriefingLibrary } from '../briefings/briefing.ts';
import { savedOrRefused, UserFacingError } from '../errors.ts';
import { formatDateTime } from '../i18n/format-date.ts';
import type { ChannelRef, Clock, RequestContext } from '../ports.ts';
import type { Language, Reply, ReplyAction, ReplyItem } from '../reply.ts';
import { isTopicId, TOPIC_IDS, type TopicId } from '../topics/topic-ids.ts';
import { describeSchedule } from './describe-schedule.ts';
import type { DigestCommands } from './digest-commands.ts';
import type { DigestScheduler } from './digest-scheduler.ts';
import { nextRuns } from './next-runs.ts';
import { parseSchedule, parseStoredSchedule } from './schedule.ts';
import { SCHEDULE_MESSAGES } from './schedule-messages.ts';
import type { Store, Subscription } from './store-port.ts';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages.ts';
import { lookUpTimeZone } from './time-zone-lookup.ts';
import { createUnsubscribe } from './unsubscribe-digests.ts';

/** What the subscription commands need. */
export interface SubscriptionCommandDependencies {
  store: Store;
  getLibrary: () => BriefingLibrary;
  clock: Clock;
  scheduler: Pick<DigestScheduler, 'ensure' | 'drop'>;
  defaultTimeZone: string;
  maxPerChannel: number;
}

const MAX_ACTION_COMMAND = 80;

/** `subscribe`, `subscriptions` and `unsubscribe`: validate, store, and reschedule live. */
export function createSubscriptionCommands(
  deps: SubscriptionCommandDependencies,
): Pick<DigestCommands, 'subscribe' | 'list' | 'unsubscribe'> {
  const { store } = deps;

  return {
    async subscribe({ channel, context, lang, schedule: spec, timeZone: zoneName, topics }) {
      const words = SUBSCRIPTION_MESSAGES[lang];
      requireManager(context, lang);
      // Refused here rather than failing at the first digest, hours later, where nobody sees it.
      if (context.directMessage) throw new UserFacingError('direct_message', words.notInDirectMessages);
      const parsed = parseSchedule(spec);
      if (!parsed.ok)
        throw new UserFacingError('bad_schedule', SCHEDULE_MESSAGES[lang].problem(parsed.problem));
      const timeZone = zoneName === undefined ? deps.defaultTimeZone : resolveTimeZoneOrThrow(zoneName, lang);
      const library = deps.getLibrary();
      const unknown = topics.filter((t) => !isTopicId(t) || !library.briefings.has(t));
      if (unknown.length > 0) throw new UserFacingError('unknown_topic', words.unknownTopics(unknown));
      const chosen = [...new Set(topics)];
      const schedule = parsed.schedule;
      const described = `${describeSchedule(schedule, lang)} (${timeZone})`;
      const upcoming = nextRuns(schedule.fields, timeZone, deps.clock.now(), 3);
      if (upcoming.length === 0)
        throw new UserFacingError('never_runs', SCHEDULE_MESSAGES[lang].neverRuns(described));

      const existing = await store.listChannelSubscriptions(channel);
      const same = existing.findIndex(
        (s) => s.schedule === schedule.text && s.timeZone === timeZone && sameTopics(s.topics, chosen),
      );
      if (same >= 0) throw new UserFacingError('duplicate_subscription', words.duplicate(same + 1));
      if (existing.length >= deps.maxPerChannel) {
        throw new UserFacingError('too_many_subscriptions', words.tooMany(deps.maxPerChannel));
      }
      await savedOrRefused(lang, () =>
        store.addSubscription({
          channel,
          schedule: schedule.text,
          cron: schedule.cron,
          timeZone,
          topics: chosen,
          lang,
          createdAt: deps.clock.now(),
        }),
      );
      deps.scheduler.ensure(schedule.cron, timeZone);

      const topicWords = topicTitles(chosen, library, lang);
      const preview = chosen.length > 0 ? `digest ${chosen.join(' ')}` : 'digest';
      const actions: ReplyAction[] = [
        ...(preview.length <= MAX_ACTION_COMMAND
          ? [{ kind: 'command' as const, label: words.previewButton, command: preview }]
          : []),
        { kind: 'command', label: words.listButton, command: 'subscriptions' },
      ];
      return reply(lang, 'subscription', words.subscribedTitle(described), {
        summary: words.topicsLine(topicWords),
        sections: [
          {
            heading: words.nextHeading,
            paragraphs: [],
            items: upcoming.map((run) => ({ text: formatDateTime(run, timeZone, lang) })),
          },
        ],
        actions,
        visibility: 'public',
      });
    },

    async list({ channel, lang }) {
      const words = SUBSCRIPTION_MESSAGES[lang];
      const subscriptions = await store.listChannelSubscriptions(channel);
      const library = deps.getLibrary();
      const items: ReplyItem[] = subscriptions.map((subscription, index) => {
        const next = subscription.enabled ? nextSend(subscription, deps.clock.now()) : undefined;
        const text = words.listItem(
          describeSubscription(subscription, lang),
          topicTitles(subscription.topics, library, lang),
          next ? formatDateTime(next, subscription.timeZone, lang) : undefined,
        );
        const disabled = subscription.enabled
          ? ''
          : ` · ${words.disabled(words.reasons[subscription.disabledReason ?? 'channel_gone'])}`;
        return { label: `${index + 1}.`, text: `${text}${disabled}` };
      });
      return reply(lang, 'subscription', words.listTitle, {
        sections: [{ paragraphs: items.length === 0 ? [words.listEmpty] : [], items }],
        actions: [{ kind: 'command', label: words.statusButton, command: 'status' }],
        visibility: 'private',
      });
    },

    unsubscribe: createUnsubscribe(deps),
  };
}

/** Slack lets any member manage a channel's digests; Discord adapters pass Manage Channels. */
export function requireManager(context: RequestContext, lang: Language): void {
  if (context.canManageChannel === false) {
    throw new UserFacingError('not_allowed', SUBSCRIPTION_MESSAGES[lang].notAllowed);
  }
}

/** The channel a subscription command acts on; commands outside a channel are refused. */
export function requireChannel(channel: ChannelRef | undefined, lang: Language): ChannelRef {
  if (!channel) throw new UserFacingError('needs_channel', SUBSCRIPTION_MESSAGES[lang].needsChannel);
  return channel;
}

function resolveTimeZoneOrThrow(name: string, lang: Language): string {
  const found = lookUpTimeZone(name);
  if (found.kind === 'zone') return found.zone;
  const shown = name.slice(0, 40);
  const words = SUBSCRIPTION_MESSAGES[lang];
  const message =
    found.kind === 'ambiguous'
      ? words.ambiguousTimeZone(shown, found.zones)
      : found.nearest.length > 0
        ? words.didYouMeanTimeZone(shown, found.nearest)
        : SCHEDULE_MESSAGES[lang].unknownTimeZone(shown);
  throw new UserFacingError('unknown_time_zone', message);
}

export function describeSubscription(subscription: Subscription, lang: Language): string {
  const parsed = parseStoredSchedule(subscription.schedule);
  const words = parsed.ok ? describeSchedule(parsed.schedule, lang) : subscription.schedule;
  return `${words} (${subscription.timeZone})`;
}

export function nextSend(subscription: Subscription, now: Date): Date | undefined {
  const parsed = parseStoredSchedule(subscription.schedule);
  return parsed.ok ? nextRuns(parsed.schedule.fields, subscription.timeZone, now, 1)[0] : undefined;
}

export function topicTitles(topics: readonly TopicId[], library: BriefingLibrary, lang: Language): string {
  if (topics.length === 0 || topics.length === TOPIC_IDS.length) return SUBSCRIPTION_MESSAGES[lang].allTopics;
  const titles = topics.map((t) => {
    const briefing = library.briefings.get(t);
    return briefing ? (briefing.text[lang] ?? briefing.text.en).title : t;
  });
  return titles.join(lang === 'ja' ? '、' : ', ');
}

function sameTopics(a: readonly TopicId[], b: readonly TopicId[]): boolean {
  return a.length === b.length && a.every((t) => b.includes(t));
}

export function reply(
  lang: Language,
  type: Reply['type'],
  title: string,
  rest: Pick<Reply, 'sections' | 'actions' | 'visibility'> & { summary?: string },
): Reply {
  return { type, topic: null, title, sources: [], suggestions: [], lang, ...rest };
}
