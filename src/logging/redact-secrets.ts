// The shapes of the secrets eujp holds: Slack bot/app/user tokens, Discord bot tokens
// (three base64url parts), bearer headers and Postgres URLs with a password.
const SECRET_SHAPES: ReadonlyArray<[RegExp, string]> = [
  [/\bxox[abposr]-[A-Za-z0-9-]{8,}/g, '[redacted]'],
  [/\bxapp-[A-Za-z0-9-]{8,}/g, '[redacted]'],
  [/\b[MNO][A-Za-z0-9_-]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,40}\b/g, '[redacted]'],
  [/\b(Bearer|Bot) [A-Za-z0-9._-]{16,}/g, '$1 [redacted]'],
  [/(postgres(?:ql)?:\/\/[^:/\s]+:)[^@\s]+@/g, '$1[redacted]@'],
];

/** Replaces anything shaped like a token or password in a string with `[redacted]`. */
export function redactSecrets(text: string): string {
  return SECRET_SHAPES.reduce((result, [shape, replacement]) => result.replace(shape, replacement), text);
}
