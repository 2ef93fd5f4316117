import { createInterface } from 'node:readline';
import { config as loadDotenv } from 'dotenv';
import { toPlainText } from '../adapters/console/to-plain-text.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { BriefingValidationError } from '../core/briefings/briefing-problems.ts';
import { loadBriefingLibrary } from '../core/briefings/load-briefing-library.ts';
import { createCore } from '../core/create-core.ts';
import type { Logger } from '../core/ports.ts';
import { toReplyJson } from './reply-json.ts';

// `npm run ask -- [--json] [--stdin] "<text>"` (the command-line contract in docs/contracts.md):
// one reply per query, no chat needed.
const USAGE = 'usage: npm run ask -- [--json] [--stdin] "<topic or command>"';

class UsageError extends Error {}

const args = process.argv.slice(2);
const json = args.includes('--json');
const fromStdin = args.includes('--stdin');
const unknownFlags = args.filter((arg) => arg.startsWith('--') && arg !== '--json' && arg !== '--stdin');
const query = args.filter((arg) => !arg.startsWith('--')).join(' ');

// Logs go to stderr so that stdout stays exactly the replies (one JSON object per query).
const stderrLogger: Logger = {
  debug() {},
  info() {},
  warn: (obj, msg) => console.error(msg ?? obj),
  error: (obj, msg) => console.error(msg ?? '', obj),
};

try {
  if (unknownFlags.length > 0) throw new UsageError(`unknown option ${unknownFlags.join(', ')}\n${USAGE}`);
  loadDotenv({ quiet: true });
  const config = loadConfig(process.env);
  const library = await loadBriefingLibrary(config.briefingsDir);
  const core = createCore({
    getLibrary: () => library,
    clock: { now: () => new Date() },
    logger: stderrLogger,
  });
  const answer = async (text: string) => {
    const reply = await core.handle(text, {});
    process.stdout.write(`${json ? toReplyJson(reply) : toPlainText(reply)}\n`);
  };
  if (fromStdin) {
    for await (const line of createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY })) {
      await answer(line);
      if (!json) process.stdout.write('\n');
    }
  } else {
    await answer(query);
  }
} catch (error) {
  if (
    !(error instanceof UsageError || error instanceof ConfigError || error instanceof BriefingValidationError)
  )
    throw error;
  console.error(error.message);
  process.exitCode = 2;
}
