import type { types } from '@slack/bolt';
import { createIntentSigner, INTENT_SIGNATURE_LENGTH, type IntentSigner } from '../../core/intent-signer.ts';
import type { Language, Reply, ReplyAction, ReplyItem, ReplySection, SourceRef } from '../../core/reply.ts';
import { escapeSlackText, slackLink, toSafeSlackUrl, truncateSlackText } from './escape-slack-text.ts';
import { paginateBlocks } from './slack-message-budget.ts';
import { splitSlackText } from './split-slack-text.ts';

type KnownBlock = types.KnownBlock;
type Button = types.Button;

/** A rendered Slack message: `text` is the notification/accessibility fallback for `blocks`. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** Extra context a handler knows and the reply does not. */
export interface SlackRenderOptions {
  /** Display name of the person who shared a private reply into the channel. */
  sharedBy?: string;
  /** Display name of the person whose action this message reports (a digest removed from Home). */
  changedBy?: string;
}

/** Prefixes of our buttons' `action_id`s; the handlers match on them. */
export const SLACK_ACTION_PREFIX = { command: 'eujp:command:', share: 'eujp:share:' } as const;

// Until the adapter names a shared secret, a key of this process's own.
let signer: IntentSigner = createIntentSigner();

/**
 * Keys button signatures with a secret every replica shares (the signing secret), so a button
 * posted by one replica or an earlier run is recognised by any other.
 */
export function useSlackButtonSigningSecret(secret: string): void {
  signer = createIntentSigner(secret);
}

/** A button's `value`: the grammar command, then `.` and its signature. */
export function slackButtonValue(kind: ReplyAction['kind'], command: string): string {
  return `${command}.${signer.sign(kind, command)}`;
}

/** The command a pressed button's `value` carries, or null when the bot did not issue it. */
export function readSlackButtonValue(kind: ReplyAction['kind'], value: string | undefined): string | null {
  const suffix = INTENT_SIGNATURE_LENGTH + 1;
  if (!value || value.length <= suffix || value.at(-suffix) !== '.') return null;
  const command = value.slice(0, -suffix);
  return command.trim() && signer.verify(kind, command, value.slice(-INTENT_SIGNATURE_LENGTH))
    ? command
    : null;
}

// Block Kit limits: checked by the tests with input/output pairs. The whole-message limits
// (50 blocks, total text) are in slack-message-budget.ts.
const MAX_SECTION_TEXT = 3000;
const MAX_HEADER_TEXT = 150;
const MAX_BUTTON_TEXT = 75;
const MAX_BUTTON_VALUE = 2000;
const MAX_ACTIONS_PER_BLOCK = 25;
const MAX_CONTEXT_TEXT = 2000;
const MAX_FALLBACK_TEXT = 3000;

const LABELS: Record<
  Language,
  {
    asOf: string;
    sources: string;
    link: string;
    shortened: string;
    sharedBy: string;
    changedBy: string;
    continued: (page: number, pages: number) => string;
  }
> = {
  en: {
    asOf: 'As of',
    sources: 'Sources',
    link: 'source',
    shortened: 'Shortened to fit in one Slack message.',
    sharedBy: 'Shared by',
    changedBy: 'By',
    continued: (page, pages) => `continued, part ${page} of ${pages}`,
  },
  ja: {
    asOf: '時点',
    sources: '出典',
    link: '出典',
    shortened: 'Slack の1メッセージに収まるよう省略しました。',
    sharedBy: '共有:',
    changedBy: '操作:',
    continued: (page, pages) => `続き（${page}/${pages}）`,
  },
};

/**
 * Renders a neutral Reply as one Block Kit message. Pure: same reply, same message. A reply too
 * long for one message keeps its first part and says it was shortened; where more messages can
 * follow (a thread), use `toSlackMessages`.
 */
export function toSlackMessage(reply: Reply, options: SlackRenderOptions = {}): SlackMessage {
  const { pages, actions, fallback, labels } = renderPages(reply, options);
  const [first = []] = pages;
  const note = pages.length > 1 ? [context(labels.shortened)] : [];
  return { text: fallback, blocks: [...first, ...note, ...actions] };
}

/**
 * Renders a reply as one or more messages, each within Slack's limits, the first with the
 * header and the buttons; the rest continue it (posted in the same thread) with a "part n of m"
 * line, so nothing is lost however long the reply is.
 */
export function toSlackMessages(reply: Reply, options: SlackRenderOptions = {}): SlackMessage[] {
  const { pages, actions, fallback, labels } = renderPages(reply, options);
  return pages.map((blocks, index) => {
    if (index === 0) return { text: fallback, blocks: [...blocks, ...actions] };
    const part = labels.continued(index + 1, pages.length);
    const title = escapeSlackText(reply.title || 'eujp');
    return {
      text: truncateSlackText(`${title} (${part})`, MAX_FALLBACK_TEXT),
      blocks: [context(`*${truncateSlackText(title, MAX_HEADER_TEXT)}* · ${part}`), ...blocks],
    };
  });
}

function renderPages(reply: Reply, options: SlackRenderOptions) {
  const labels = LABELS[reply.lang];
  const cite = citationLinker(reply.sources);
  const top: KnownBlock[] = [
    { type: 'header', text: plainText(reply.title || 'eujp', MAX_HEADER_TEXT) },
    ...(reply.summary ? sections(cite(escapeSlackText(reply.summary))) : []),
  ];
  const contextParts = [
    reply.footer ? escapeSlackText(reply.footer) : asOfText(reply, labels.asOf),
    options.sharedBy ? `${labels.sharedBy} ${escapeSlackText(options.sharedBy)}` : '',
    options.changedBy ? `${labels.changedBy} ${escapeSlackText(options.changedBy)}` : '',
  ].filter(Boolean);
  if (contextParts.length > 0) top.push(context(contextParts.join(' · ')));

  const body = [
    ...reply.sections.flatMap((section) => sections(renderSection(section, cite, labels.link))),
    ...(shouldListSources(reply) ? sourceBlocks(reply.sources, labels.sources) : []),
  ];
  const actions = actionBlocks(reply);
  const fallback = truncateSlackText(
    escapeSlackText([reply.title, reply.summary].filter(Boolean).join(' — ')),
    MAX_FALLBACK_TEXT,
  );
  // Only the header is pinned to the first message: a summary too long for one message moves on.
  const [header, ...rest] = top;
  return {
    pages: paginateBlocks(header ? [header] : [], [...rest, ...body], actions),
    actions,
    fallback,
    labels,
  };
}

/** The core's localised footer is preferred; a bare date is the fallback. */
function asOfText(reply: Reply, label: string): string {
  if (!reply.asOf) return '';
  return reply.lang === 'ja' ? `${reply.asOf} ${label}` : `${label} ${reply.asOf}`;
}

/**
 * Sources are always reachable: linked from `[n]`, behind a Sources button, or listed here. A
 * sources reply from the core already lists them as items; one built from a remembered message
 * (a digest's thread) has only the list.
 */
function shouldListSources(reply: Reply): boolean {
  if (reply.sources.length === 0) return false;
  if (reply.type === 'sources') return reply.sections.every((section) => section.items.length === 0);
  return !reply.actions.some((action) => /^sources\b/i.test(action.command));
}

/** Turns `[n]` markers into links to source n, so a reader can check a claim in one click. */
function citationLinker(sources: SourceRef[]): (escaped: string) => string {
  const byNumber = new Map(sources.map((source) => [source.n, source]));
  return (escaped) =>
    escaped.replace(/\[(\d{1,3})\]/g, (marker, n: string) => slackLink(byNumber.get(Number(n))?.url, marker));
}

function renderSection(section: ReplySection, cite: (escaped: string) => string, linkLabel: string): string {
  const parts: string[] = [];
  if (section.heading) parts.push(`*${escapeSlackText(section.heading)}*`);
  for (const paragraph of section.paragraphs) parts.push(cite(escapeSlackText(paragraph)));
  const items = section.items.map((item) => renderItem(item, cite, linkLabel));
  if (items.length > 0) parts.push(items.join('\n'));
  return parts.join('\n\n');
}

function renderItem(item: ReplyItem, cite: (escaped: string) => string, linkLabel: string): string {
  const date = item.date ? `\`${escapeSlackText(item.date)}\` ` : '';
  const text = cite(escapeSlackText(item.text));
  if (item.label) {
    const label = `*${slackLink(item.url, escapeSlackText(item.label))}*`;
    return `• ${date}${label} ${text}`.trimEnd();
  }
  const url = toSafeSlackUrl(item.url);
  // A development usually cites the very page it links to: one link is enough.
  const link = url && !text.includes(`<${url}|`) ? ` ${slackLink(item.url, linkLabel)}` : '';
  return `• ${date}${text}${link}`;
}

function sourceBlocks(sources: SourceRef[], heading: string): KnownBlock[] {
  const lines = sources.map((source) => {
    const title = slackLink(source.url, escapeSlackText(source.title));
    const meta = [source.publisher, source.date].filter(Boolean).map(escapeSlackText).join(', ');
    return `[${source.n}] ${title}${meta ? ` — ${meta}` : ''}`;
  });
  return [{ type: 'divider' }, ...sections(`*${escapeSlackText(heading)}*\n${lines.join('\n')}`)];
}

function actionBlocks(reply: Reply): KnownBlock[] {
  // A public message is already shared: its Share button would only post a duplicate.
  const visible = reply.actions.filter(
    (action) => !(action.kind === 'share' && reply.visibility === 'public'),
  );
  const usedIds = new Set<string>();
  const buttons = visible.map((action) => toButton(action, usedIds));
  const blocks: KnownBlock[] = [];
  for (let i = 0; i < buttons.length; i += MAX_ACTIONS_PER_BLOCK) {
    blocks.push({
      type: 'actions',
      block_id: `eujp-actions-${i / MAX_ACTIONS_PER_BLOCK}`,
      elements: buttons.slice(i, i + MAX_ACTIONS_PER_BLOCK),
    });
  }
  return blocks;
}

/** `action_id` is derived from the command, so the same button keeps the same id across renders. */
function toButton(action: ReplyAction, usedIds: Set<string>): Button {
  const slug =
    action.command
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .slice(0, 120) || 'help';
  const base = `${SLACK_ACTION_PREFIX[action.kind]}${slug}`;
  let actionId = base;
  for (let n = 2; usedIds.has(actionId); n++) actionId = `${base}:${n}`;
  usedIds.add(actionId);
  return {
    type: 'button',
    action_id: actionId,
    text: plainText(action.label, MAX_BUTTON_TEXT),
    value: slackButtonValue(
      action.kind,
      action.command.slice(0, MAX_BUTTON_VALUE - INTENT_SIGNATURE_LENGTH - 1),
    ),
    ...(action.kind === 'share' ? { style: 'primary' as const } : {}),
  };
}

function plainText(text: string, max: number): types.PlainTextElement {
  return { type: 'plain_text', text: truncateSlackText(escapeSlackText(text), max), emoji: true };
}

function sections(mrkdwn: string): KnownBlock[] {
  return splitSlackText(mrkdwn, MAX_SECTION_TEXT).map((text) => ({
    type: 'section',
    text: { type: 'mrkdwn', text, verbatim: true },
  }));
}

function context(mrkdwn: string): KnownBlock {
  return {
    type: 'context',
    elements: [{ type: 'mrkdwn', text: truncateSlackText(mrkdwn, MAX_CONTEXT_TEXT), verbatim: true }],
  };
}
