// The shapes of the secrets eujp holds: Slack bot/app/user tokens, Discord bot tokens
// (base64url of a 17–20 digit id, a 6-character timestamp, a 27–38 character HMAC), bearer
// headers and Postgres URLs with a password. Boundaries are written as look-arounds because a
// token may end in "-", where \b would not match.
const EDGE_BEFORE = '(?<![A-Za-z0-9_-])';
const EDGE_AFTER = '(?![A-Za-z0-9_-])';
const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [new RegExp(`${EDGE_BEFORE}xox[abposr]-[A-Za-z0-9-]{8,}`, 'g'), '[redacted]'],
  [new RegExp(`${EDGE_BEFORE}xapp-[A-Za-z0-9-]{8,}`, 'g'), '[redacted]'],
  [
    new RegExp(
      `${EDGE_BEFORE}[MNO][A-Za-z0-9_-]{22,27}\\.[A-Za-z0-9_-]{6}\\.[A-Za-z0-9_-]{27,40}${EDGE_AFTER}`,
      'g',
    ),
    '[redacted]',
  ],
  [/\b(Bearer|Bot) [A-Za-z0-9._-]{16,}/g, '$1 [redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
];

/** Keys whose values are secrets whatever they look like (a signing secret has no shape). */
export const SECRET_KEY =
  /^(?:token|botToken|appToken|accessToken|refreshToken|signingSecret|clientSecret|stateSecret|secret|password|authorization|cookie)$/i;

/** Replaces anything shaped like a token or password in a string with `[redacted]`. */
export function redactSecrets(text: string): string {
  return SECRET_SHAPES.reduce((result, [shape, replacement]) => result.replace(shape, replacement), text);
}

/**
 * A copy of a value to be logged with secrets removed at any depth: values under secret keys,
 * and secret-shaped text in any string (messages, URLs, error messages and stacks).
 */
export function scrubSecrets<T>(value: T, seen = new WeakSet<object>()): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (value === null || typeof value !== 'object') return value;
  if (seen.has(value)) return '[circular]' as T;
  seen.add(value);
  if (value instanceof Error) return scrubError(value, seen) as T;
  if (Array.isArray(value)) return value.map((entry) => scrubSecrets(entry, seen)) as T;
  // Only plain data is copied: a library object (a client, a request) is left to pino's
  // serializers rather than walked, which could be slow, trip getters or lose its toJSON.
  const prototype = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    copy[key] =
      SECRET_KEY.test(key) && entry !== undefined && entry !== null
        ? '[redacted]'
        : scrubSecrets(entry, seen);
  }
  return copy as T;
}

// An Error keeps its class for pino's serializer, with message, stack and cause scrubbed.
function scrubError(error: Error, seen: WeakSet<object>): Error {
  const copy = new Error(redactSecrets(error.message));
  copy.name = error.name;
  copy.stack = error.stack === undefined ? undefined : redactSecrets(error.stack);
  if (error.cause !== undefined) copy.cause = scrubSecrets(error.cause, seen);
  for (const [key, entry] of Object.entries(error)) {
    (copy as unknown as Record<string, unknown>)[key] = SECRET_KEY.test(key)
      ? '[redacted]'
      : scrubSecrets(entry, seen);
  }
  return copy;
}
