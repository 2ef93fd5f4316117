import pino, { type Logger as PinoLogger } from 'pino';
import { redactLogLine } from './redact-secrets.ts';

/**
 * Structured JSON logs on stderr (stdout belongs to the console adapter's replies). Secrets are
 * removed from each finished line on its way out, so nothing can bypass it: not a nested field,
 * an error's message or stack, a child binding, nor an object pino serializes its own way.
 */
export function createLogger(level: string, destination: NodeJS.WritableStream = process.stderr): PinoLogger {
  return pino(
    { level, base: { service: 'eujp' } },
    { write: (line: string) => destination.write(redactLogLine(line)) },
  );
}
