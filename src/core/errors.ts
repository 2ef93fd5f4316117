import type { Language } from './reply.ts';

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
 * escapes a command is logged and answered with a short generic apology. A `cause` (the store
 * error behind "could not save") is logged for the operator; the person reads only the message.
 */
export class UserFacingError extends Error {
  constructor(
    // A string too: codes cross the shard RPC as plain text; unknown ones get a neutral title.
    readonly code: ErrorCode | (string & {}),
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'UserFacingError';
  }
}

// No "nothing was changed": a networked store can fail after a commit it never confirmed. A
// retry is safe either way (a repeated subscribe is refused as a duplicate).
const NOT_SAVED: Record<Language, string> = {
  en: 'Sorry, I could not save that. Please try again in a few minutes.',
  ja: '保存できませんでした。数分後にもう一度お試しください。',
};

/**
 * Runs a write the reply is about to confirm; if the store refuses it (a full disk, a lost
 * connection), the person is told it was not saved instead of being told it was.
 */
export async function savedOrRefused<T>(lang: Language, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    throw new UserFacingError('not_saved', NOT_SAVED[lang], { cause: error });
  }
}
