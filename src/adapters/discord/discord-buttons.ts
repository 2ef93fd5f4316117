import type { APIActionRowComponent, APIButtonComponentWithCustomId } from 'discord.js';
import { ButtonStyle, ComponentType } from 'discord.js';
import { createIntentSigner, INTENT_SIGNATURE_LENGTH, type IntentSigner } from '../../core/intent-signer.ts';
import type { Reply } from '../../core/reply.ts';
import { sanitizeText } from './escape-discord-text.ts';
import { truncateDiscordText } from './split-discord-text.ts';

/** What a pressed button asks for: run a grammar command, privately or shared in the channel. */
export interface ButtonIntent {
  kind: 'command' | 'share';
  command: string;
}

// Discord caps custom_id at 100 characters and a button label at 80; the prefix and the signature
// (`.` and ten characters) leave room for any grammar command of at most 80 characters.
const CUSTOM_ID_MAX = 100;
const LABEL_MAX = 80;
const BUTTONS_PER_ROW = 5;
const ROWS_MAX = 5;
const PREFIX = { command: 'eujp:c:', share: 'eujp:s:' } as const;
const SIGNATURE_SUFFIX = INTENT_SIGNATURE_LENGTH + 1;

// Until the adapter names a shared secret, a key of this process's own.
let signer: IntentSigner = createIntentSigner();

/**
 * Keys the custom_id signatures with a secret every process shares (the Discord token), so a
 * button rendered by one shard, replica or an earlier run is still recognised by another.
 */
export function useButtonSigningSecret(secret: string): void {
  signer = createIntentSigner(secret);
}

/** `eujp:c:<command>.<signature>`, or null when it would not fit in a custom_id. */
export function encodeButtonIntent(intent: ButtonIntent): string | null {
  if (!intent.command.trim()) return null;
  const customId = `${PREFIX[intent.kind]}${intent.command}.${signer.sign(intent.kind, intent.command)}`;
  return customId.length <= CUSTOM_ID_MAX ? customId : null;
}

/** The intent behind a custom_id, or null for an id this bot never issued (or one forged). */
export function decodeButtonIntent(customId: string): ButtonIntent | null {
  for (const kind of ['command', 'share'] as const) {
    if (!customId.startsWith(PREFIX[kind])) continue;
    const body = customId.slice(PREFIX[kind].length);
    if (body.length <= SIGNATURE_SUFFIX || body.at(-SIGNATURE_SUFFIX) !== '.') return null;
    const command = body.slice(0, -SIGNATURE_SUFFIX);
    const signature = body.slice(-INTENT_SIGNATURE_LENGTH);
    return command.trim() && signer.verify(kind, command, signature) ? { kind, command } : null;
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
