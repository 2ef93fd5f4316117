import { ConfigError } from '../config.ts';
import { BriefingValidationError } from '../core/briefings/briefing-problems.ts';
import { StartupError } from '../startup-error.ts';

/**
 * Runs an entry point's main and exits with its code. A start-up failure exits 1 at once: main
 * has released what it opened, and a leftover handle (a watcher, a socket) must not keep a failed
 * process up, where a container would stay "Up" and its restart policy never fire. Expected
 * failures (bad configuration, invalid content, a StartupError) print their own message, already
 * naming what to fix.
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
      } else if (error instanceof StartupError) {
        console.error(`eujp could not start: ${error.message}`);
      } else {
        console.error('eujp could not start:', error instanceof Error ? error.message : error);
      }
      process.exitCode = 1;
      setImmediate(() => process.exit(1));
    },
  );
}
