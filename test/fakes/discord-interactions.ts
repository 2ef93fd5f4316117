// Raw interaction payloads in the shape Discord's gateway delivers them (API v10), so tests can
// hand them to the real discord.js client through `client.actions.InteractionCreate.handle`.
import type { Client } from 'discord.js';

export const APP_ID = '1100000000000000001';
export const GUILD_ID = '1100000000000000002';
export const CHANNEL_ID = '1100000000000000003';
export const USER_ID = '1100000000000000004';

/** Permission bit sets as Discord sends them: decimal strings. */
export const PERMISSIONS = {
  /** View Channel + Send Messages + Use Application Commands: an ordinary member. */
  member: ((1n << 10n) | (1n << 11n) | (1n << 31n)).toString(),
  /** An ordinary member who can also Manage Channels. */
  moderator: ((1n << 4n) | (1n << 10n) | (1n << 11n) | (1n << 31n)).toString(),
} as const;

let counter = 0;

interface Who {
  locale?: string;
  permissions?: string;
  channelId?: string;
  userId?: string;
}

/** A string, integer or subcommand option of a chat-input command. */
export interface RawOption {
  name: string;
  type: number;
  value?: string | number;
  focused?: boolean;
  options?: RawOption[];
}

function base(type: number, who: Who): Record<string, unknown> {
  counter += 1;
  const id = (1_200_000_000_000_000_000n + BigInt(counter)).toString();
  const channelId = who.channelId ?? CHANNEL_ID;
  const userId = who.userId ?? USER_ID;
  return {
    id,
    application_id: APP_ID,
    type,
    token: `interaction-token-${counter}`,
    version: 1,
    locale: who.locale ?? 'en-US',
    guild_locale: 'en-US',
    guild_id: GUILD_ID,
    channel_id: channelId,
    channel: { id: channelId, type: 0, guild_id: GUILD_ID, name: 'general' },
    member: {
      user: { id: userId, username: 'ayumi', discriminator: '0', global_name: 'Ayumi', avatar: null },
      roles: [],
      permissions: who.permissions ?? PERMISSIONS.member,
      joined_at: '2024-01-01T00:00:00.000Z',
      deaf: false,
      mute: false,
      flags: 0,
    },
    app_permissions: PERMISSIONS.member,
    entitlements: [],
    authorizing_integration_owners: { '0': GUILD_ID },
    context: 0,
  };
}

/** `/name` with the given options (type 2, application command). */
export function chatInputPayload(name: string, options: RawOption[], who: Who = {}): Record<string, unknown> {
  return { ...base(2, who), data: { id: '1100000000000000010', name, type: 1, options } };
}

/** `/eujp query:<text>`, or `/eujp` alone when text is undefined. */
export function eujpPayload(text: string | undefined, who: Who = {}): Record<string, unknown> {
  return chatInputPayload('eujp', text === undefined ? [] : [{ name: 'query', type: 3, value: text }], who);
}

/** Typing into `/eujp query:` (type 4, autocomplete). */
export function autocompletePayload(partial: string, who: Who = {}): Record<string, unknown> {
  return {
    ...base(4, who),
    data: {
      id: '1100000000000000010',
      name: 'eujp',
      type: 1,
      options: [{ name: 'query', type: 3, value: partial, focused: true }],
    },
  };
}

/** Pressing a button on one of the bot's messages (type 3, message component). */
export function buttonPayload(customId: string, who: Who = {}): Record<string, unknown> {
  const payload = base(3, who);
  return {
    ...payload,
    message: {
      id: '1100000000000000020',
      channel_id: payload.channel_id,
      type: 20,
      content: '',
      embeds: [],
      components: [],
      flags: 64,
      author: { id: APP_ID, username: 'eujp', discriminator: '0', avatar: null, bot: true },
      attachments: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      timestamp: '2026-11-28T09:00:00.000Z',
      edited_timestamp: null,
    },
    data: { custom_id: customId, component_type: 2 },
  };
}

/** Delivers a raw payload as if it came over the gateway. */
export function deliverInteraction(client: Client, payload: Record<string, unknown>): void {
  // `actions` is internal in discord.js's typings; it is the gateway's own entry point.
  (
    client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }
  ).actions.InteractionCreate.handle(payload);
}

/** The interaction id and token of a payload, to find its callback on the fake API. */
export function callbackPath(payload: Record<string, unknown>): RegExp {
  return new RegExp(`^/interactions/${payload.id}/${payload.token}/callback$`);
}

/** The webhook path for follow-ups and edits of a payload's interaction. */
export function webhookPath(payload: Record<string, unknown>, suffix = ''): RegExp {
  return new RegExp(`^/webhooks/${APP_ID}/${payload.token}${suffix}$`);
}
