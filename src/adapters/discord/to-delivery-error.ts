import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';
import { DeliveryError } from '../../core/ports.ts';
import { neverReachedPlatform } from '../never-reached-platform.ts';

// Discord's JSON error codes that mean the channel is not coming back for this bot.
const UNKNOWN_CHANNEL = 10003;
const UNKNOWN_GUILD = 10004;
const MISSING_ACCESS = 50001;

/**
 * Classifies a failed channel post so the digest layer knows what to do: wait and retry
 * (rate_limited), retry with backoff (transient), stop and disable (gone), or record (permanent).
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof DeliveryError) return error;
  if (error instanceof RateLimitError) {
    return new DeliveryError(
      'rate_limited',
      `Discord rate limit on ${error.route}`,
      Math.ceil(error.retryAfter),
      // A global 429 holds every digest; a route's (or a shared resource's) only that channel.
      error.global || error.scope === 'global' ? 'platform' : 'channel',
    );
  }
  if (error instanceof DiscordAPIError) {
    const what = `Discord ${error.status} ${error.code}: ${error.message}`;
    if (error.status === 429) return new DeliveryError('rate_limited', what, 1_000, 'channel');
    // A 5xx answers a request Discord received: the message may have been created.
    if (error.status >= 500) return new DeliveryError('ambiguous', what);
    if (error.code === UNKNOWN_CHANNEL || error.code === UNKNOWN_GUILD || error.code === MISSING_ACCESS) {
      return new DeliveryError('gone', what);
    }
    if (error.status === 404) return new DeliveryError('gone', what);
    // 403 Missing Permissions (the bot may no longer send or embed there), 400, 401: retrying
    // the same request cannot succeed until someone changes something.
    return new DeliveryError('permanent', what);
  }
  if (error instanceof HTTPError) {
    return new DeliveryError(
      error.status >= 500 ? 'ambiguous' : 'permanent',
      `Discord ${error.status}: ${error.message}`,
    );
  }
  // A refused connection never reached Discord; a timeout (AbortError) or a reset may have
  // arrived after the message was created.
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return new DeliveryError(
    neverReachedPlatform(error) ? 'transient' : 'ambiguous',
    `Discord request failed: ${message}`,
  );
}
