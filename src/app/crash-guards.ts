import type { Logger } from '../core/ports.ts';

/**
 * Keeps the bot up when something escapes every handler: a promise rejected with nobody
 * listening, or an exception thrown from a callback (a library's event, a timer). Node would
 * otherwise exit, taking every channel's answers and the digest schedule with it for one bad
 * request; each is logged as an error with its stack, for the operator to fix.
 */
export function installCrashGuards(logger: Logger): void {
  process.on('unhandledRejection', (reason) => {
    logger.error({ err: reason }, 'unhandled promise rejection; the bot keeps running');
  });
  process.on('uncaughtException', (error, origin) => {
    logger.error({ err: error, origin }, 'uncaught exception; the bot keeps running');
  });
}
