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
const SECRET_KEY =
  /^(?:token|botToken|appToken|accessToken|refreshToken|signingSecret|clientSecret|stateSecret|secret|password|authorization|cookie)$/i;

/** Replaces anything shaped like a token or password in a string with `[redacted]`. */
export function redactSecrets(text: string): string {
  return SECRET_SHAPES.reduce((result, [shape, replacement]) => result.replace(shape, replacement), text);
}

/**
 * Redacts one JSON log line as pino wrote it: the values of secret keys at any depth, and
 * secret-shaped text in every string. Working on the finished line catches a secret however it
 * got there (a field, an error's message or stack, a child binding, a URL object or a class
 * instance that pino serialized its own way); parsing it first means JSON escapes such as `\n`
 * in front of a token cannot hide it from the patterns.
 */
export function redactLogLine(line: string): string {
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return redactSecrets(line);
  }
  return `${JSON.stringify(redactValue(entry))}\n`;
}

function redactValue(value: unknown): unknown {
  if (typeof value === 'string') return redactSecrets(value);
  if (Array.isArray(value)) return value.map(redactValue);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      key,
      SECRET_KEY.test(key) && entry !== null ? '[redacted]' : redactValue(entry),
    ]),
  );
}
