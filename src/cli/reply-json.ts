import { toPlainText } from '../adapters/console/to-plain-text.ts';
import { CLI_REPLY_TYPES, type Reply } from '../core/reply.ts';

const CLI_TYPES = new Set<string>(CLI_REPLY_TYPES);

/** The one-object JSON shape of `npm run ask -- --json`, a contract other tools parse (docs/contracts.md). */
export function toReplyJson(reply: Reply): string {
  return JSON.stringify({
    type: CLI_TYPES.has(reply.type) ? reply.type : 'error',
    topic: reply.topic,
    title: reply.title,
    text: toPlainText(reply),
    sources: reply.sources.map(({ n, title, publisher, date, url }) => ({ n, title, publisher, date, url })),
    suggestions: reply.suggestions,
  });
}
