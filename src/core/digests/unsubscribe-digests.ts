import { savedOrRefused, UserFacingError } from '../errors.ts';
import { errorTitle } from '../i18n/error-titles.ts';
import type { Language, Reply, ReplyAction } from '../reply.ts';
import type { DigestCommands } from './digest-commands.ts';
import type { Subscription } from './store-port.ts';
import {
  describeSubscription,
  reply,
  requireManager,
  type SubscriptionCommandDependencies,
} from './subscription-commands.ts';
import { SUBSCRIPTION_MESSAGES } from './subscription-messages.ts';
import { CONFIRMATION_TTL_MS, checkConfirmation, issueConfirmation } from './unsubscribe-confirmation.ts';

const MAX_ACTION_COMMAND = 80;

type Unsubscribe = DigestCommands['unsubscribe'];

/**
 * `unsubscribe`: one digest by number, or the only one, at once; several only after an
 * explicit `all` and a confirmation. Every removal answers with the lines that restore it.
 */
export function createUnsubscribe(
  deps: Pick<SubscriptionCommandDependencies, 'store' | 'clock' | 'scheduler'>,
): Unsubscribe {
  const { store } = deps;

  return async ({ channel, context, lang, target }) => {
    const words = SUBSCRIPTION_MESSAGES[lang];
    requireManager(context, lang);
    const subscriptions = await store.listChannelSubscriptions(channel);
    const now = deps.clock.now();
    if (target.kind === 'number') {
      const chosen = subscriptions[target.index - 1];
      if (!chosen || target.index < 1)
        throw new UserFacingError(
          'no_such_subscription',
          words.noSuchSubscription(target.index, subscriptions.length),
        );
      return remove([chosen], words.unsubscribedOne(target.index, describeSubscription(chosen, lang)), lang);
    }
    if (subscriptions.length === 0) throw new UserFacingError('no_subscriptions', words.nothingToUnsubscribe);
    if (target.kind === 'confirmed') {
      const check = checkConfirmation(target.code, channel, subscriptions, now);
      if (check === 'expired')
        throw new UserFacingError('confirmation_expired', words.confirmationExpired(minutes()));
      if (check === 'changed') throw new UserFacingError('subscriptions_changed', words.subscriptionsChanged);
      return remove(subscriptions, words.unsubscribedAll(subscriptions.length), lang);
    }
    const [only] = subscriptions;
    if (only && subscriptions.length === 1)
      return remove([only], words.unsubscribedOne(1, describeSubscription(only, lang)), lang);
    if (target.kind === 'only') return whichOne(subscriptions, lang);
    return askToConfirm(subscriptions, issueConfirmation(channel, subscriptions, now), lang);
  };

  async function remove(removed: Subscription[], title: string, lang: Language): Promise<Reply> {
    const words = SUBSCRIPTION_MESSAGES[lang];
    await savedOrRefused(lang, () => store.removeSubscriptions(removed.map((s) => s.id)));
    for (const { cron, timeZone } of removed) {
      if ((await store.listEnabledSubscriptions({ cron, timeZone })).length === 0)
        deps.scheduler.drop(cron, timeZone);
    }
    const restore = removed.map((subscription) => restoreCommand(subscription, lang));
    // The button carries the language explicitly: whoever presses it, the digest comes back as it was.
    const [only] = removed;
    const single =
      only && restore.length === 1 ? restoreCommand(only, lang, { explicitLanguage: true }) : undefined;
    const actions: ReplyAction[] = [
      ...(single && single.length <= MAX_ACTION_COMMAND
        ? [{ kind: 'command' as const, label: words.undoButton, command: single }]
        : []),
      { kind: 'command', label: words.listButton, command: 'subscriptions' },
    ];
    return reply(lang, 'subscription', title, {
      sections: [
        {
          heading: words.undoHeading,
          paragraphs: [],
          items: restore.map((command) => ({ text: `/eujp ${command}` })),
        },
      ],
      actions,
      visibility: 'public',
    });
  }
}

function askToConfirm(subscriptions: Subscription[], code: string, lang: Language): Reply {
  const words = SUBSCRIPTION_MESSAGES[lang];
  const confirm = `unsubscribe all ${code}`;
  return reply(lang, 'subscription', words.confirmAllTitle(subscriptions.length), {
    sections: [
      { paragraphs: [], items: listed(subscriptions, lang) },
      { paragraphs: [words.confirmAllPrompt(minutes(), `/eujp ${confirm}`)], items: [] },
    ],
    actions: [
      {
        kind: 'command',
        label: words.confirmAllButton(subscriptions.length),
        command: `${confirm} lang=${lang}`,
      },
    ],
    visibility: 'private',
  });
}

function whichOne(subscriptions: Subscription[], lang: Language): Reply {
  const words = SUBSCRIPTION_MESSAGES[lang];
  return reply(lang, 'error', errorTitle('confirmation_needed', lang), {
    sections: [{ paragraphs: [words.whichOne(subscriptions.length)], items: listed(subscriptions, lang) }],
    actions: [{ kind: 'command', label: words.listButton, command: 'subscriptions' }],
    visibility: 'private',
  });
}

function listed(subscriptions: Subscription[], lang: Language) {
  return subscriptions.map((subscription, index) => ({
    label: `${index + 1}.`,
    text: describeSubscription(subscription, lang),
  }));
}

/** The exact command that recreates `subscription` (its language too, when it differs). */
export function restoreCommand(
  subscription: Subscription,
  lang: Language,
  options: { explicitLanguage?: boolean } = {},
): string {
  const language = options.explicitLanguage || subscription.lang !== lang;
  return [
    'subscribe',
    subscription.schedule,
    `tz=${subscription.timeZone}`,
    ...subscription.topics,
    ...(language ? [`lang=${subscription.lang}`] : []),
  ].join(' ');
}

function minutes(): number {
  return CONFIRMATION_TTL_MS / 60_000;
}
