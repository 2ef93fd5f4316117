import { ConfigError } from '../config.ts';
import { BriefingValidationError } from '../core/briefings/briefing-problems.ts';

/**
 * Runs an entry point's main and exits with its code. Expected start-up failures (bad
 * configuration, invalid content) print their own message, already listing every problem.
 */
export function runEntryPoint(main: () => Promise<number>): void {
  main().then(
    (code) => {
      process.exitCode = code;
      // Everything is flushed and closed by now; idle sockets or stdin must not keep us up.
      setImmediate(() => process.exit(code));
    },
    (error: unknown) => {
      if (error instanceof ConfigError || error instanceof BriefingValidationError) {
        console.error(error.message);
      } else {
        console.error('eujp could not start:', error instanceof Error ? error.message : error);
      }
      process.exitCode = 1;
    },
  );
}
