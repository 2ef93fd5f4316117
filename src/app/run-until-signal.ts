import type { Logger } from '../core/ports.ts';

/**
 * Resolves on the first SIGINT or SIGTERM. A second signal while shutting down exits at once:
 * an operator pressing Ctrl-C twice means it.
 */
export function waitForShutdownSignal(logger: Logger): Promise<NodeJS.Signals> {
  return new Promise((resolve) => {
    const onSignal = (signal: NodeJS.Signals) => {
      logger.info({ signal }, 'shutting down: finishing or releasing in-flight work');
      process.once('SIGINT', () => process.exit(130));
      process.once('SIGTERM', () => process.exit(143));
      resolve(signal);
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
}
