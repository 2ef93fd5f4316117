import { DiscordAPIError, HTTPError, RateLimitError } from 'discord.js';

// Interaction and webhook URLs carry the interaction token, which lets anyone answer as the bot
// for 15 minutes; it must not reach the logs.
const TOKEN_IN_PATH = /\/(interactions|webhooks)\/(\d+)\/[^/?]+/g;

/** What to log about a failed Discord call: kind, status, code and route, never a token. */
export function loggableError(error: unknown): Record<string, unknown> {
  if (error instanceof DiscordAPIError || error instanceof HTTPError) {
    return {
      type: error.name,
      message: error.message,
      status: error.status,
      ...(error instanceof DiscordAPIError ? { code: error.code } : {}),
      method: error.method,
      path: withoutTokens(error.url),
    };
  }
  if (error instanceof RateLimitError) {
    return { type: error.name, route: error.route, retryAfterMs: error.retryAfter, global: error.global };
  }
  if (error instanceof Error) {
    return {
      type: error.name,
      message: withoutTokens(error.message),
      stack: withoutTokens(error.stack ?? ''),
    };
  }
  return { type: typeof error, message: withoutTokens(String(error)) };
}

function withoutTokens(text: string): string {
  return text.replace(TOKEN_IN_PATH, '/$1/$2/[token]');
}
