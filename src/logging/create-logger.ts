import pino, { type Logger as PinoLogger } from 'pino';
import { createValueRedactor, redactLogLine } from './redact-secrets.ts';

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter's replies). Secrets are
 * removed from each finished line on its way out, so nothing can bypass it: not a nested field,
 * an error's message or stack, a child binding, nor an object pino serializes its own way.
 * `secrets` are the configured secret values (every token and secret the process was given),
 * removed by value wherever they appear, since most of them have no recognisable shape.
 */
export function createLogger(
  level: string,
  destination: NodeJS.WritableStream = process.stderr,
  secrets: readonly string[] = [],
): PinoLogger {
  const redactValues = createValueRedactor(secrets);
  return pino(
    { level, base: { service: 'eujp' } },
    { write: (line: string) => destination.write(redactLogLine(line, redactValues)) },
  );
}
