import { Writable } from 'node:stream';
import type { Logger as PinoLogger } from 'pino';
import { createLogger } from '../../src/logging/create-logger.ts';

/** The real logger writing to memory, so a test can read exactly what an operator would see. */
export interface CapturedLog {
  logger: PinoLogger;
  /** Everything written so far, as the raw text of the JSON lines. */
  text(): string;
  /** Everything written so far, one parsed object per line. */
  lines(): Array<Record<string, unknown>>;
  clear(): void;
}

export function captureLog(level = 'trace', secrets: readonly string[] = []): CapturedLog {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  const logger = createLogger(level, destination, secrets);
  const text = () => chunks.join('');
  return {
    logger,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter((line) => line.trim() !== '')
        .map((line) => JSON.parse(line) as Record<string, unknown>),
    clear: () => {
      chunks.length = 0;
    },
  };
}
