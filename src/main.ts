import { config as loadDotenv } from 'dotenv';
import { runConsoleAdapter } from './adapters/console/start-console-adapter.ts';
import { ConfigError, loadConfig } from './config.ts';
import { BriefingValidationError } from './core/briefings/briefing-problems.ts';
import { createBriefingSource } from './core/briefings/create-briefing-source.ts';
import { createCore } from './core/create-core.ts';
import { createLogger } from './logging/create-logger.ts';

// The composition root (`npm start`): config → content → core → storage → adapters.
loadDotenv({ quiet: true });

async function main(): Promise<number> {
  const config = loadConfig(process.env);
  const logger = createLogger(config.logLevel);
  const clock = { now: () => new Date() };
  const briefings = await createBriefingSource(config.briefingsDir, logger);
  const stopWatching = briefings.watch();
  const core = createCore({ getLibrary: briefings.current, clock, logger });

  logger.info('no chat credentials configured: starting the console adapter');
  await runConsoleAdapter({ core, input: process.stdin, output: process.stdout });
  stopWatching();
  return 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof ConfigError || error instanceof BriefingValidationError) {
      console.error(error.message);
    } else {
      console.error('eujp could not start:', error);
    }
    process.exitCode = 1;
  },
);
