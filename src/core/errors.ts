/**
 * Why a command was refused. Each code has its own title in each language (error-titles.ts),
 * so a reply says what went wrong ("Needs a time", "Unknown time zone") before it says how to fix it.
 */
export type ErrorCode =
  | 'missing_schedule'
  | 'missing_time'
  | 'missing_day'
  | 'missing_cron'
  | 'unquoted_cron'
  | 'missing_topic'
  | 'missing_words'
  | 'bad_number'
  | 'unsupported_language'
  | 'bad_time'
  | 'bad_day'
  | 'bad_cron'
  | 'never_runs'
  | 'unknown_time_zone'
  | 'unknown_topic'
  | 'duplicate_subscription'
  | 'too_many_subscriptions'
  | 'no_subscriptions'
  | 'no_such_subscription'
  | 'confirmation_needed'
  | 'confirmation_expired'
  | 'subscriptions_changed'
  | 'needs_channel'
  | 'not_in_console'
  | 'not_allowed'
  | 'digests_unavailable'
  | 'too_long'
  | 'rate_limited'
  | 'internal';

/**
 * An error whose message is written for the person who typed the command. Anything else that
 * escapes a command is logged and answered with a short generic apology.
 */
export class UserFacingError extends Error {
  constructor(
    // A string too: codes cross the shard RPC as plain text; unknown ones get a neutral title.
    readonly code: ErrorCode | (string & {}),
    message: string,
  ) {
    super(message);
    this.name = 'UserFacingError';
  }
}
