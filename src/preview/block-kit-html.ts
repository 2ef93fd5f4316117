import type { SlackMessage } from '../adapters/slack/to-slack-message.ts';
import { escapeHtml, safeHref } from './html.ts';

type Block = SlackMessage['blocks'][number];

/**
 * Block Kit as HTML, close enough to Slack's own rendering to judge a briefing by: header,
 * mrkdwn sections, context, dividers and buttons. It renders the JSON the adapter would send.
 */
export function blockKitHtml(messages: readonly SlackMessage[]): string {
  return messages
    .map(
      (message, index) =>
        `<div class="slack-message" data-part="${index + 1}">` +
        `<div class="slack-author"><span class="avatar">eu</span><b>eujp</b> <span class="app">APP</span></div>` +
        message.blocks.map(blockHtml).join('') +
        '</div>',
    )
    .join('');
}

function blockHtml(block: Block): string {
  switch (block.type) {
    case 'header':
      return `<div class="slack-header">${slackUnescape(block.text.text)}</div>`;
    case 'section':
      return `<div class="slack-section">${mrkdwnHtml(block.text?.text ?? '')}</div>`;
    case 'context':
      return `<div class="slack-context">${block.elements
        .map((element) => ('text' in element ? mrkdwnHtml(element.text) : ''))
        .join(' ')}</div>`;
    case 'divider':
      return '<hr class="slack-divider">';
    case 'actions':
      return `<div class="slack-actions">${block.elements
        .map((element) =>
          element.type === 'button'
            ? `<span class="slack-button${element.style === 'primary' ? ' primary' : ''}" title="${escapeHtml(element.value ?? '')}">${slackUnescape(element.text.text)}</span>`
            : '',
        )
        .join('')}</div>`;
    default:
      return `<pre class="slack-unknown">${escapeHtml(JSON.stringify(block))}</pre>`;
  }
}

/** Slack text arrives with `&amp;`, `&lt;`, `&gt;` entities: decode them, then escape for HTML. */
function slackUnescape(text: string): string {
  return escapeHtml(text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&'));
}

const LINK = /<([^<>|]+)\|([^<>]*)>|<(#[A-Z0-9]+|https?:[^<>|]+)>/g;

/** mrkdwn: `<url|label>` links, *bold*, _italic_, ~strike~, `code`, line breaks. */
export function mrkdwnHtml(text: string): string {
  let html = '';
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    html += spans(text.slice(last, match.index));
    if (match[3]?.startsWith('#'))
      html += `<span class="slack-channel">#${escapeHtml(match[3].slice(1))}</span>`;
    else {
      const href = safeHref(slackDecode(match[1] ?? match[3] ?? ''));
      const label = spans(match[2] ?? match[3] ?? '');
      html += href ? `<a href="${href}" target="_blank" rel="noreferrer">${label}</a>` : label;
    }
    last = match.index + match[0].length;
  }
  return (html + spans(text.slice(last))).replaceAll('\n', '<br>');
}

function slackDecode(text: string): string {
  return text.replaceAll('&lt;', '<').replaceAll('&gt;', '>').replaceAll('&amp;', '&');
}

/** Formatting spans open after a space or punctuation and close before one, as Slack's do. */
function spans(escapedSlack: string): string {
  const html = escapeHtml(slackDecode(escapedSlack));
  return html
    .replace(/(^|[\s(>])`([^`\n]+)`/g, '$1<code>$2</code>')
    .replace(/(^|[\s(>])\*([^*\n]+)\*(?=$|[\s).,;:!?<])/g, '$1<b>$2</b>')
    .replace(/(^|[\s(>])_([^_\n]+)_(?=$|[\s).,;:!?<])/g, '$1<i>$2</i>')
    .replace(/(^|[\s(>])~([^~\n]+)~(?=$|[\s).,;:!?<])/g, '$1<s>$2</s>');
}
