import path from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { createLogger } from '../logging/create-logger.ts';
import { startPreviewServer } from '../preview/start-preview-server.ts';

// `npm run preview [-- --port N] [dir]`: the editors' preview of briefings/ in Slack and Discord.
loadDotenv({ quiet: true });
const args = process.argv.slice(2);
const portFlag = args.indexOf('--port');
const port = portFlag >= 0 ? Number(args[portFlag + 1]) : Number(process.env.EUJP_PREVIEW_PORT ?? 4310);
const dirArg = args.filter((_, index) => index !== portFlag && index !== portFlag + 1)[0];
const dir = path.resolve(dirArg ?? process.env.EUJP_BRIEFINGS_DIR ?? 'briefings');
if (!Number.isInteger(port) || port < 0 || port > 65_535) {
  console.error(`preview: --port must be a port number (0 picks a free one), not ${args[portFlag + 1]}`);
  process.exit(2);
}
const logger = createLogger(process.env.LOG_LEVEL ?? 'warn');
try {
  const server = await startPreviewServer({ dir, port, logger });
  console.log(`eujp preview of ${dir}: ${server.url} (127.0.0.1 only; Ctrl-C to stop)`);
  const stop = () => void server.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  console.error(`preview: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
