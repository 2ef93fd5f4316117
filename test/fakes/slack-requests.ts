import { createHmac } from 'node:crypto';

/** What Bolt answered to one signed request. */
export interface SlackHttpResult {
  status: number;
  body: string;
  json(): Record<string, unknown>;
}

/** Signs and POSTs a request the way Slack does (`v0=` HMAC-SHA256 of `v0:ts:body`). */
export async function postSignedToSlack(
  url: string,
  body: string,
  options: {
    signingSecret: string;
    contentType: 'application/x-www-form-urlencoded' | 'application/json';
    /** Seconds since the epoch; defaults to now. */
    timestamp?: number;
    /** Replaces the computed signature, to test rejection. */
    signature?: string;
    /** Extra headers, e.g. `x-slack-retry-num` on a retry. */
    headers?: Record<string, string>;
  },
): Promise<SlackHttpResult> {
  const timestamp = options.timestamp ?? Math.floor(Date.now() / 1000);
  const signature = options.signature ?? signSlackRequest(body, options.signingSecret, timestamp);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': options.contentType,
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': signature,
      ...options.headers,
    },
    body,
  });
  const text = await response.text();
  return { status: response.status, body: text, json: () => JSON.parse(text) };
}

export function signSlackRequest(body: string, signingSecret: string, timestamp: number): string {
  return `v0=${createHmac('sha256', signingSecret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

/** The form body Slack sends for `/eujp <text>`. */
// Slack gives every request its own trigger_id, so two identical commands in one second still
// carry different signatures (the bot refuses a repeated signature as a replay).
let triggerCount = 0;
function nextTriggerId(): string {
  triggerCount += 1;
  return `${triggerCount}.${process.pid}.trigger`;
}

export function slashCommandBody(input: {
  text: string;
  responseUrl: string;
  channelId?: string;
  channelName?: string;
}): string {
  return new URLSearchParams({
    token: 'legacy-verification-token',
    team_id: 'T1',
    team_domain: 'test',
    channel_id: input.channelId ?? 'C1',
    channel_name: input.channelName ?? 'general',
    user_id: 'U1',
    user_name: 'alice',
    command: '/eujp',
    text: input.text,
    api_app_id: 'A1',
    response_url: input.responseUrl,
    trigger_id: nextTriggerId(),
  }).toString();
}

/** The form body (`payload=<JSON>`) Slack sends when a button is clicked. */
export function buttonClickBody(input: {
  actionId: string;
  value: string;
  responseUrl: string;
  channelId?: string;
  isEphemeral?: boolean;
  messageTs?: string;
}): string {
  const payload = {
    type: 'block_actions',
    team: { id: 'T1', domain: 'test' },
    user: { id: 'U1', username: 'alice', name: 'alice', team_id: 'T1' },
    api_app_id: 'A1',
    token: 'legacy-verification-token',
    container: {
      type: 'message',
      message_ts: input.messageTs ?? '1700000000.000001',
      channel_id: input.channelId ?? 'C1',
      is_ephemeral: input.isEphemeral ?? true,
    },
    trigger_id: nextTriggerId(),
    channel: { id: input.channelId ?? 'C1', name: 'general' },
    response_url: input.responseUrl,
    actions: [
      {
        type: 'button',
        action_id: input.actionId,
        block_id: 'eujp-actions-0',
        text: { type: 'plain_text', text: 'x' },
        value: input.value,
        action_ts: '1700000000.000002',
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** The JSON body of an Events API `app_home_opened` callback (the Home tab). */
export function appHomeOpenedBody(input: {
  user: string;
  eventTs: string;
  tab?: 'home' | 'messages';
}): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `EvHome${input.eventTs.replace('.', '')}`,
    event_time: 1_700_000_000,
    event: {
      type: 'app_home_opened',
      user: input.user,
      channel: 'D1',
      tab: input.tab ?? 'home',
      event_ts: input.eventTs,
    },
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
}

/** The JSON body of an Events API `app_mention` callback. */
export function appMentionBody(input: {
  text: string;
  ts: string;
  threadTs?: string;
  channelId?: string;
}): string {
  return JSON.stringify({
    token: 'legacy-verification-token',
    team_id: 'T1',
    api_app_id: 'A1',
    type: 'event_callback',
    event_id: `Ev${input.ts.replace('.', '')}`,
    event_time: 1_700_000_000,
    event: {
      type: 'app_mention',
      user: 'U1',
      text: input.text,
      ts: input.ts,
      ...(input.threadTs ? { thread_ts: input.threadTs } : {}),
      channel: input.channelId ?? 'C1',
      event_ts: input.ts,
      team: 'T1',
    },
    authorizations: [{ team_id: 'T1', user_id: 'UBOT', is_bot: true }],
  });
}
