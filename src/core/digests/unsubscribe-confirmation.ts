import { createHash } from 'node:crypto';
import type { ChannelRef } from '../ports.ts';
import type { Subscription } from './store-port.ts';

/** How long an `unsubscribe all` confirmation stays good. */
export const CONFIRMATION_TTL_MS = 10 * 60_000;

/**
 * The code a confirmation carries: when it expires, and a digest of the channel and the exact
 * subscriptions listed in the prompt. Nothing is kept server-side, so any replica can check it,
 * and it acts only if the same channel still has exactly those subscriptions: pressed in
 * another channel, after one was added or removed, or after it expired, it removes nothing.
 */
export function issueConfirmation(channel: ChannelRef, listed: readonly Subscription[], now: Date): string {
  const expires = Math.ceil((now.getTime() + CONFIRMATION_TTL_MS) / 1000).toString(36);
  return `${expires}-${fingerprint(channel, listed, expires)}`;
}

export type ConfirmationCheck = 'valid' | 'expired' | 'changed';

/** Whether `code` confirms removing exactly `current` from `channel` at `now`. */
export function checkConfirmation(
  code: string,
  channel: ChannelRef,
  current: readonly Subscription[],
  now: Date,
): ConfirmationCheck {
  const [expires = '', digest = ''] = code.split('-');
  const expiresAt = Number.parseInt(expires, 36) * 1000;
  if (!Number.isFinite(expiresAt) || expiresAt < now.getTime()) return 'expired';
  return current.length > 0 && digest === fingerprint(channel, current, expires) ? 'valid' : 'changed';
}

function fingerprint(channel: ChannelRef, subscriptions: readonly Subscription[], expires: string): string {
  const ids = subscriptions.map((subscription) => subscription.id).sort((a, b) => a - b);
  const bound = [channel.platform, channel.workspaceId ?? '', channel.channelId, ids.join(','), expires];
  return createHash('sha256').update(bound.join('\n')).digest('hex').slice(0, 16);
}
