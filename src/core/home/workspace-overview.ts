import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { Delivery, Store, Subscription } from '../digests/store-port.ts';
import { describeSubscription, nextSend, topicTitles } from '../digests/subscription-commands.ts';
import { SUBSCRIPTION_MESSAGES } from '../digests/subscription-messages.ts';
import { formatDate, formatDateTime } from '../i18n/format-date.ts';
import type { ChannelRef, Clock, Platform } from '../ports.ts';
import type { Language } from '../reply.ts';
import type { TopicId } from '../topics/topic-ids.ts';

/** What a workspace's home view shows: topics, recent developments, every channel's digests. */
export interface WorkspaceOverview {
  lang: Language;
  topics: Array<{ id: TopicId; title: string; summary: string }>;
  news: Array<{ date: string; text: string; sources: Array<{ title: string; url: string | null }> }>;
  subscriptions: SubscriptionOverview[];
  /** When it was built, in words, in the default time zone. */
  builtAt: string;
}

export interface SubscriptionOverview {
  id: number;
  channel: ChannelRef;
  /** "every Monday at 09:00 (Asia/Tokyo)" */
  schedule: string;
  timeZone: string;
  topics: string;
  lastSent?: string;
  nextDue?: string;
  /** Disabled, skipped or failed, with the reason in words; newest first. */
  problems: string[];
}

export interface WorkspaceOverviewDeps {
  store: Pick<Store, 'listWorkspaceSubscriptions' | 'listChannelDeliveries'>;
  getLibrary: () => BriefingLibrary;
  clock: Clock;
  defaultTimeZone: string;
}

const NEWS_SHOWN = 5;
const LEDGER_ROWS_READ = 50;
const PROBLEMS_SHOWN = 3;

/** Builds the overview of one workspace, in one language, from the store and the content. */
export async function buildWorkspaceOverview(
  deps: WorkspaceOverviewDeps,
  workspace: { platform: Platform; workspaceId: string },
  lang: Language,
): Promise<WorkspaceOverview> {
  const library = deps.getLibrary();
  const now = deps.clock.now();
  const subscriptions = await deps.store.listWorkspaceSubscriptions(
    workspace.platform,
    workspace.workspaceId,
  );
  const ledgers = new Map<string, Promise<Delivery[]>>();
  for (const subscription of subscriptions) {
    const key = subscription.channel.channelId;
    if (!ledgers.has(key))
      ledgers.set(key, deps.store.listChannelDeliveries(subscription.channel, LEDGER_ROWS_READ));
  }
  const overviews = await Promise.all(
    subscriptions.map(async (subscription) =>
      describe(subscription, (await ledgers.get(subscription.channel.channelId)) ?? [], library, lang, now),
    ),
  );
  return {
    lang,
    topics: [...library.briefings.values()].map((briefing) => {
      const text = briefing.text[lang] ?? briefing.text.en;
      return { id: briefing.id, title: text.title, summary: text.summary };
    }),
    news: library.developments.slice(0, NEWS_SHOWN).map((development) => ({
      date: formatDate(development.date, lang),
      text: (lang === 'ja' ? development.textJa : undefined) ?? development.text,
      sources: development.sources.map((source) => ({ title: source.title, url: source.url })),
    })),
    subscriptions: overviews,
    builtAt: formatDateTime(now, deps.defaultTimeZone, lang),
  };
}

function describe(
  subscription: Subscription,
  ledger: Delivery[],
  library: BriefingLibrary,
  lang: Language,
  now: Date,
): SubscriptionOverview {
  const words = SUBSCRIPTION_MESSAGES[lang];
  const zone = subscription.timeZone;
  const own = ledger.filter((delivery) => delivery.subscriptionId === subscription.id);
  const last = own
    .filter((delivery) => delivery.state === 'sent' && delivery.sentAt)
    .sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0))[0];
  const next = subscription.enabled ? nextSend(subscription, now) : undefined;
  const problems: string[] = [];
  if (!subscription.enabled) {
    const reason = words.reasons[subscription.disabledReason ?? 'channel_gone'];
    problems.push(words.disabled(reason));
  }
  for (const delivery of own) {
    const when = formatDateTime(delivery.scheduledAt, zone, lang);
    const reason = delivery.reason ? words.reasons[delivery.reason] : '';
    if (delivery.state === 'skipped') problems.push(words.skipped(when, reason));
    else if (delivery.state === 'failed') problems.push(words.failed(when, reason));
  }
  return {
    id: subscription.id,
    channel: subscription.channel,
    schedule: describeSubscription(subscription, lang),
    timeZone: zone,
    topics: topicTitles(subscription.topics, library, lang),
    ...(last?.sentAt ? { lastSent: formatDateTime(last.sentAt, zone, lang) } : {}),
    ...(next ? { nextDue: formatDateTime(next, zone, lang) } : {}),
    problems: problems.slice(0, PROBLEMS_SHOWN),
  };
}
