import type { types } from '@slack/bolt';
import { HOME_MESSAGES } from '../../../core/home/home-messages.ts';
import type { SubscriptionOverview, WorkspaceOverview } from '../../../core/home/workspace-overview.ts';
import { escapeSlackText, slackLink, truncateSlackText } from '../escape-slack-text.ts';

type KnownBlock = types.KnownBlock;

/** A Home tab view as `views.publish` takes it. */
export interface HomeView {
  type: 'home';
  blocks: KnownBlock[];
}

/** Prefixes of the Home tab's `action_id`s; the handlers match on them. */
export const HOME_ACTION = {
  topic: 'eujp:home:topic:',
  page: 'eujp:home:page:',
  unsubscribe: 'eujp:home:unsubscribe:',
} as const;

/** Ten subscriptions (two blocks each) a page keeps the view far inside Slack's 100 blocks. */
export const SUBSCRIPTIONS_PER_PAGE = 10;
const MAX_SECTION_TEXT = 3000;
const MAX_CONTEXT_TEXT = 2000;
const SLACK_ID = /^[A-Z0-9]{2,30}$/;

/** Renders a workspace overview as the Home tab, showing page `page` (1-based) of its digests. */
export function toHomeView(overview: WorkspaceOverview, page = 1): HomeView {
  const words = HOME_MESSAGES[overview.lang];
  const pages = Math.max(1, Math.ceil(overview.subscriptions.length / SUBSCRIPTIONS_PER_PAGE));
  const shown = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const start = (shown - 1) * SUBSCRIPTIONS_PER_PAGE;
  const subscriptions = overview.subscriptions.slice(start, start + SUBSCRIPTIONS_PER_PAGE);
  const blocks: KnownBlock[] = [
    { type: 'header', text: plain(words.title, 150) },
    section(ownText(words.intro)),
    ...topicButtons(overview),
    { type: 'divider' },
    { type: 'header', text: plain(words.newsHeading, 150) },
    section(newsText(overview)),
    { type: 'divider' },
    { type: 'header', text: plain(words.subscriptionsHeading, 150) },
  ];
  if (subscriptions.length === 0) blocks.push(section(ownText(words.subscriptionsEmpty)));
  for (const subscription of subscriptions) blocks.push(...subscriptionBlocks(subscription, overview));
  if (pages > 1) blocks.push(...pager(shown, pages, overview));
  blocks.push(context(escapeSlackText(words.updated(overview.builtAt))));
  return { type: 'home', blocks };
}

function topicButtons(overview: WorkspaceOverview): KnownBlock[] {
  const buttons = overview.topics.map(
    (topic): types.Button => ({
      type: 'button',
      action_id: `${HOME_ACTION.topic}${topic.id}`,
      text: plain(topic.title, 75),
      value: topic.id,
    }),
  );
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += 25)
    blocks.push({
      type: 'actions',
      block_id: `eujp-home-topics-${i / 25}`,
      elements: buttons.slice(i, i + 25),
    });
  return blocks;
}

function newsText(overview: WorkspaceOverview): string {
  const words = HOME_MESSAGES[overview.lang];
  if (overview.news.length === 0) return escapeSlackText(words.newsEmpty);
  const lines = overview.news.map((item) => {
    const links = item.sources
      .map((source) => slackLink(source.url, escapeSlackText(source.title)))
      .filter((link) => link.startsWith('<'));
    const cited = links.length > 0 ? ` — ${links.join(', ')}` : '';
    return `• \`${escapeSlackText(item.date)}\` ${escapeSlackText(item.text)}${cited}`;
  });
  return truncateSlackText(lines.join('\n'), MAX_SECTION_TEXT);
}

function channelMention(subscription: SubscriptionOverview): string {
  const id = subscription.channel.channelId;
  return SLACK_ID.test(id) ? `<#${id}>` : escapeSlackText(id);
}

function subscriptionBlocks(subscription: SubscriptionOverview, overview: WorkspaceOverview): KnownBlock[] {
  const words = HOME_MESSAGES[overview.lang];
  const channel = channelMention(subscription);
  const text = `*${channel}* · ${escapeSlackText(subscription.schedule)}\n${escapeSlackText(subscription.topics)}`;
  const status = [
    subscription.lastSent ? words.lastSent(subscription.lastSent) : words.neverSent,
    subscription.nextDue ? words.nextDue(subscription.nextDue) : '',
    ...subscription.problems.map((problem) => `⚠️ ${problem}`),
  ].filter(Boolean);
  const unsubscribe: types.Button = {
    type: 'button',
    action_id: `${HOME_ACTION.unsubscribe}${subscription.id}`,
    text: plain(words.unsubscribe, 75),
    value: JSON.stringify({ c: subscription.channel.channelId, s: subscription.id }),
    confirm: {
      title: plain(words.unsubscribe, 100),
      text: plain(words.unsubscribeConfirm, 300),
      confirm: plain(words.unsubscribeConfirmYes, 30),
      deny: plain(words.cancel, 30),
      style: 'danger',
    },
  };
  return [
    {
      type: 'section',
      text: { type: 'mrkdwn', text: truncateSlackText(text, MAX_SECTION_TEXT) },
      accessory: unsubscribe,
    },
    context(escapeSlackText(status.join(' · '))),
  ];
}

function pager(page: number, pages: number, overview: WorkspaceOverview): KnownBlock[] {
  const words = HOME_MESSAGES[overview.lang];
  const buttons: types.Button[] = [];
  if (page > 1)
    buttons.push({
      type: 'button',
      action_id: `${HOME_ACTION.page}prev`,
      text: plain(words.previous, 75),
      value: String(page - 1),
    });
  if (page < pages)
    buttons.push({
      type: 'button',
      action_id: `${HOME_ACTION.page}next`,
      text: plain(words.next, 75),
      value: String(page + 1),
    });
  return [
    context(escapeSlackText(words.page(page, pages))),
    { type: 'actions', block_id: 'eujp-home-pager', elements: buttons },
  ];
}

/** Our own strings may use `code` spans; only Slack's control characters need escaping. */
function ownText(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;');
}

function plain(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncateSlackText(escapeSlackText(text), max), emoji: true };
}

function section(mrkdwn: string): KnownBlock {
  return { type: 'section', text: { type: 'mrkdwn', text: truncateSlackText(mrkdwn, MAX_SECTION_TEXT) } };
}

function context(mrkdwn: string): KnownBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncateSlackText(mrkdwn, MAX_CONTEXT_TEXT) }],
  };
}
