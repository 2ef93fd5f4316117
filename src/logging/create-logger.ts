import pino, { type Logger as PinoLogger } from 'pino';
import { redactSecrets } from './redact-secrets.ts';

/** Keys whose values are secrets wherever they appear in a logged object. */
const SECRET_PATHS = [
  'token',
  'botToken',
  'appToken',
  'signingSecret',
  'clientSecret',
  'password',
  'authorization',
  '*.token',
  '*.botToken',
  '*.appToken',
  '*.signingSecret',
  '*.clientSecret',
  '*.password',
  '*.authorization',
  '*.headers.authorization',
  '*.*.headers.authorization',
];

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter's replies). Secrets are
 * removed twice: by key (pino's redact) and by shape in every string, since a token can hide in
 * an error message or a URL.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): PinoLogger {
  return pino(
    {
      level,
      base: { service: 'eujp' },
      redact: { paths: SECRET_PATHS, censor: '[redacted]' },
      serializers: { err: (error: unknown) => scrub(pino.stdSerializers.err(error as Error)) },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map(scrub) as Parameters<typeof method>);
        },
      },
    },
    destination,
  );
}

function scrub<T>(value: T, depth = 0): T {
  if (typeof value === 'string') return redactSecrets(value) as T;
  if (depth > 4 || value === null || typeof value !== 'object' || value instanceof Error) return value;
  if (Array.isArray(value)) return value.map((entry) => scrub(entry, depth + 1)) as T;
  return Object.fromEntries(Object.entries(value).map(([key, entry]) => [key, scrub(entry, depth + 1)])) as T;
}
