import { webApi } from '@slack/bolt';
import { DeliveryError } from '../../core/ports.ts';
import { neverReachedPlatform } from '../never-reached-platform.ts';

/** The channel itself is unusable: digests for it should stop until someone fixes the channel. */
const GONE = new Set(['channel_not_found', 'is_archived', 'channel_is_archived', 'not_in_channel']);

/** Slack's "try again" codes for a request it did not act on. */
const TRANSIENT = new Set(['service_unavailable', 'request_timeout']);
/** Slack's "try again" codes for a failure while handling the post: it may have been posted. */
const MAYBE_POSTED = new Set(['internal_error', 'fatal_error']);

const DEFAULT_RETRY_AFTER_MS = 1000;

/**
 * Maps a Web API failure to the delivery outcome the digest scheduler acts on. Auth failures
 * (`invalid_auth`, `account_inactive`, `token_revoked`) are `permanent`, not `gone`: they break
 * every channel at once, usually because of a wrong or rotated token, and must not make the bot
 * forget the channels' subscriptions. `not_in_channel` can only happen in a private channel
 * (`chat:write.public` covers public ones), where joining is not possible: so it is `gone`.
 */
export function toDeliveryError(error: unknown): DeliveryError {
  if (error instanceof webApi.WebAPIRateLimitedError) {
    return new DeliveryError('rate_limited', 'Slack rate limit', error.retryAfter * 1000);
  }
  if (error instanceof webApi.WebAPIPlatformError) {
    const code = error.data.error;
    if (code === 'ratelimited')
      return new DeliveryError('rate_limited', 'Slack rate limit', DEFAULT_RETRY_AFTER_MS);
    if (GONE.has(code)) return new DeliveryError('gone', `Slack: ${code}`);
    if (TRANSIENT.has(code)) return new DeliveryError('transient', `Slack: ${code}`);
    if (MAYBE_POSTED.has(code)) return new DeliveryError('ambiguous', `Slack: ${code}`);
    return new DeliveryError('permanent', `Slack: ${code}`);
  }
  if (error instanceof webApi.WebAPIHTTPError) {
    // A 5xx answers a request Slack received: it may have posted it. A 408 means it never read it.
    const kind = error.statusCode >= 500 ? 'ambiguous' : error.statusCode === 408 ? 'transient' : 'permanent';
    return new DeliveryError(kind, `Slack HTTP ${error.statusCode}`);
  }
  const message = error instanceof Error ? error.message : String(error);
  return new DeliveryError(
    neverReachedPlatform(error) ? 'transient' : 'ambiguous',
    `Slack request failed: ${message}`,
  );
}
