import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import type { Reply } from '../../core/reply.ts';
import { sanitizeText } from './escape-discord-text.ts';
import { truncateDiscordText } from './split-discord-text.ts';

/** What a pressed button asks for: run a grammar command, privately or shared in the channel. */
export interface ButtonIntent {
  kind: 'command' | 'share';
  command: string;
}

// Discord caps custom_id at 100 characters and a button label at 80; the prefix leaves room for
// any grammar command of at most 80 characters.
const CUSTOM_ID_MAX = 100;
const LABEL_MAX = 80;
const BUTTONS_PER_ROW = 5;
const ROWS_MAX = 5;
const PREFIX = { command: 'eujp:c:', share: 'eujp:s:' } as const;

export function encodeButtonIntent(intent: ButtonIntent): string | null {
  const customId = `${PREFIX[intent.kind]}${intent.command}`;
  return customId.length <= CUSTOM_ID_MAX && intent.command.trim() ? customId : null;
}

/** The intent behind a custom_id, or null for an id this bot never issued. */
export function decodeButtonIntent(customId: string): ButtonIntent | null {
  for (const kind of ['command', 'share'] as const) {
    if (customId.startsWith(PREFIX[kind])) {
      const command = customId.slice(PREFIX[kind].length);
      return command.trim() ? { kind, command } : null;
    }
  }
  return null;
}

/**
 * The reply's actions as rows of buttons (the core already turns related topics and suggestions
 * into actions). "Share" only makes sense on a private reply. Discord rejects repeated custom_ids.
 */
export function toButtonRows(
  reply: Reply,
  options: { ephemeral: boolean },
): APIActionRowComponent<APIButtonComponentWithCustomId>[] {
  const intents: { label: string; intent: ButtonIntent }[] = [];
  for (const action of reply.actions) {
    if (action.kind === 'share' && !options.ephemeral) continue;
    intents.push({ label: action.label, intent: { kind: action.kind, command: action.command } });
  }
  const seen = new Set<string>();
  const buttons: APIButtonComponentWithCustomId[] = [];
  for (const { label, intent } of intents) {
    const customId = encodeButtonIntent(intent);
    const text = buttonLabel(label);
    if (!customId || !text || seen.has(customId)) continue;
    seen.add(customId);
    buttons.push({
      type: ComponentType.Button,
      custom_id: customId,
      label: text,
      style: intent.kind === 'share' ? ButtonStyle.Primary : ButtonStyle.Secondary,
    });
  }
  const rows: APIActionRowComponent<APIButtonComponentWithCustomId>[] = [];
  for (let start = 0; start < buttons.length && rows.length < ROWS_MAX; start += BUTTONS_PER_ROW) {
    rows.push({ type: ComponentType.ActionRow, components: buttons.slice(start, start + BUTTONS_PER_ROW) });
  }
  return rows;
}

// Labels are shown as plain text (no Markdown), so they only need trimming to Discord's limit.
function buttonLabel(label: string): string {
  const clean = sanitizeText(label).replace(/\s+/g, ' ').trim();
  return truncateDiscordText(clean, LABEL_MAX);
}
