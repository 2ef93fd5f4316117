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
  // An OAuth grant or secret inside text: a query string, a form body, or JSON that a library
  // stringified into its message (Slack's WebClient logs the oauth.v2.access body that way).
  [
    /((?:^|[?&\s{,])["']?(?:client_?secret|state_?secret|signing_?secret|refresh_?token|access_?token)["']?\s*[:=]\s*["']?)[^"'&\s,}]+/gi,
    '$1[redacted]',
  ],
  // `code` alone is too common a word ("error code: …"): only as a query parameter or a JSON key.
  [/((?:[?&]code=)|(?:"code"\s*:\s*"))[^"&\s]+/g, '$1[redacted]'],
  // Slack's OAuth codes have a shape of their own: two numeric ids and a hex grant.
  [new RegExp(`${EDGE_BEFORE}\\d{6,}\\.\\d{6,}\\.[0-9a-f]{16,}${EDGE_AFTER}`, 'g'), '[redacted]'],
];

/** Keys whose values are secrets whatever they look like (a signing secret has no shape). */
const SECRET_KEY =
  /^(?:token|bot_?token|app_?token|access_?token|refresh_?token|signing_?secret|client_?secret|state_?secret|encryption_?keys?|metrics_?token|secret|password|authorization|cookie|set-cookie)$/i;

// A configured value shorter than this is too likely to occur in ordinary text to be replaced
// everywhere (and too weak to be a real secret anyway).
const MIN_SECRET_VALUE_LENGTH = 6;

/**
 * Redacts each configured secret by value, wherever it appears, whatever its shape: a signing
 * secret or a client secret has no recognisable form, so only knowing it lets us find it inside
 * a message string. Longer values go first, so a secret containing another is removed whole.
 */
export function createValueRedactor(secrets: readonly string[]): (text: string) => string {
  const values = [...new Set(secrets.filter((secret) => secret.length >= MIN_SECRET_VALUE_LENGTH))].sort(
    (a, b) => b.length - a.length,
  );
  if (values.length === 0) return (text) => text;
  const pattern = new RegExp(values.map(escapeRegExp).join('|'), 'g');
  return (text) => text.replace(pattern, '[redacted]');
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

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
export function redactLogLine(line: string, redactValues: (text: string) => string = (text) => text): string {
  const redactText = (text: string) => redactSecrets(redactValues(text));
  let entry: unknown;
  try {
    entry = JSON.parse(line);
  } catch {
    return redactText(line);
  }
  return `${JSON.stringify(redactValue(entry, redactText))}\n`;
}

function redactValue(value: unknown, redactText: (text: string) => string): unknown {
  if (typeof value === 'string') return redactText(value);
  if (Array.isArray(value)) return value.map((entry) => redactValue(entry, redactText));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([key, entry]) => [
      redactText(key),
      SECRET_KEY.test(key) && entry !== null ? '[redacted]' : redactValue(entry, redactText),
    ]),
  );
}
