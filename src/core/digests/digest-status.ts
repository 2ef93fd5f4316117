import { formatDateTime } from '../i18n/format-date.ts';
import type { ChannelRef, Clock } from '../ports.ts';
import type { Language, Reply, ReplyItem } from '../reply.ts';
import type { Store } from './store-port.ts';
import { describeSubscription, nextSend, reply } from './subscription-commands.ts';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages.ts';

const LEDGER_ROWS_READ = 100;
const PROBLEMS_SHOWN = 10;
const NOTICEABLE_HOLD_MS = 5_000;
// A fan-out to many channels takes minutes; past this a digest still unsent is worth a line.
const OVERDUE_AFTER_MS = 10 * 60_000;

/**
 * `status`: the last digest sent (when, what), the next one due, and every recent delivery that
 * was skipped, failed or is still being retried, with its reason — nothing is dropped silently.
 */
export async function digestStatus(
  deps: {
    store: Store;
    clock: Clock;
    defaultTimeZone: string;
    /** How long a digest to the channel would wait now for the platform's rate limit, in ms. */
    pacingDelayMs?: (channel: ChannelRef) => number;
  },
  channel: ChannelRef,
  lang: Language,
): Promise<Reply> {
  const words = SUBSCRIPTION_MESSAGES[lang];
  const now = deps.clock.now();
  const [subscriptions, deliveries] = await Promise.all([
    deps.store.listChannelSubscriptions(channel),
    deps.store.listChannelDeliveries(channel, LEDGER_ROWS_READ),
  ]);
  const zoneOf = (subscriptionId: number) =>
    subscriptions.find((s) => s.id === subscriptionId)?.timeZone ?? deps.defaultTimeZone;
  const when = (date: Date, subscriptionId: number) => formatDateTime(date, zoneOf(subscriptionId), lang);

  const last = deliveries
    .filter((d) => d.state === 'sent' && d.sentAt)
    .sort((a, b) => (b.sentAt?.getTime() ?? 0) - (a.sentAt?.getTime() ?? 0))[0];
  // A digest that probably went out but was never confirmed still counts as the last one.
  const probable = deliveries.find((d) => d.state === 'unconfirmed');
  const lastLine =
    probable && (!last?.sentAt || probable.scheduledAt > last.sentAt)
      ? words.lastProbablySent(when(probable.scheduledAt, probable.subscriptionId), probable.summary ?? '')
      : last?.sentAt
        ? words.lastSent(when(last.sentAt, last.subscriptionId), last.summary ?? '')
        : words.noneSent;

  const upcoming = subscriptions
    .map((subscription, index) => ({ subscription, number: index + 1 }))
    .filter(({ subscription }) => subscription.enabled)
    .map((entry) => ({ ...entry, at: nextSend(entry.subscription, now) }))
    .filter((entry): entry is typeof entry & { at: Date } => entry.at !== undefined)
    .sort((a, b) => a.at.getTime() - b.at.getTime());
  const next = upcoming[0];
  const nextLine = next
    ? words.nextDue(
        formatDateTime(next.at, next.subscription.timeZone, lang),
        next.number,
        describeSubscription(next.subscription, lang),
      )
    : words.nothingScheduled;

  const problems: ReplyItem[] = [];
  // Only a wait a person would notice: the ordinary spacing of a fan-out is a second or two.
  const heldMs = deps.pacingDelayMs?.(channel) ?? 0;
  if (heldMs >= NOTICEABLE_HOLD_MS) problems.push({ text: words.heldBack(Math.ceil(heldMs / 1_000)) });
  subscriptions.forEach((subscription, index) => {
    if (subscription.enabled) return;
    const reason = words.reasons[subscription.disabledReason ?? 'channel_gone'];
    const detail = subscription.disabledDetail ? ` (${subscription.disabledDetail})` : '';
    problems.push({ label: `${index + 1}.`, text: `${words.disabled(reason)}${detail}` });
  });
  for (const delivery of deliveries) {
    const at = when(delivery.scheduledAt, delivery.subscriptionId);
    const reason = delivery.reason ? words.reasons[delivery.reason] : '';
    const detail = delivery.detail && delivery.reason !== 'superseded' ? ` (${delivery.detail})` : '';
    if (delivery.state === 'skipped') problems.push({ text: words.skipped(at, reason + detail) });
    else if (delivery.state === 'failed') problems.push({ text: words.failed(at, reason + detail) });
    else if (delivery.state === 'unconfirmed') {
      problems.push({ text: words.probablySent(at, delivery.summary ?? '') });
    } else if (delivery.state === 'claimed' && delivery.attempts > 1) {
      problems.push({ text: words.retrying(at, delivery.attempts) });
    } else if (
      (delivery.state === 'claimed' || delivery.state === 'released') &&
      now.getTime() - delivery.scheduledAt.getTime() > OVERDUE_AFTER_MS
    ) {
      problems.push({ text: words.notSentYet(at) });
    }
  }

  return reply(lang, 'status', words.statusTitle, {
    sections: [
      { heading: words.lastHeading, paragraphs: [lastLine], items: [] },
      { heading: words.nextDueHeading, paragraphs: [nextLine], items: [] },
      {
        heading: words.problemsHeading,
        paragraphs: problems.length === 0 ? [words.noProblems] : [],
        items: problems.slice(0, PROBLEMS_SHOWN),
      },
    ],
    actions: [{ kind: 'command', label: words.listButton, command: 'subscriptions' }],
    visibility: 'private',
  });
}
