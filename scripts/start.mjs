// `npm start`: rebuilds dist/ only if src/ changed since the last build, then runs the bot in this
// same process (one node start-up, not one for a prestart build and another for the bot).
import { buildIfStale } from './build-if-stale.mjs';

buildIfStale();
await import('../dist/main.js');
