import { DefaultRestOptions, type RESTOptions, type ResponseLike } from 'discord.js';

/** The longest Retry-After the REST client is let see, unless the caller says otherwise. */
export const DEFAULT_MAX_RETRY_AFTER_SECONDS = 30;

const CHANNEL_MESSAGES = /\/channels\/\d+\/messages(?:\?|$)/;

/**
 * What discord.js's REST queue is told about rate limits, so that its wall-clock bookkeeping can
 * never stall the bot. It keeps its buckets as `Date.now() + reset`, so a wall clock stepped back
 * half an hour makes every bucket it saw empty look empty for half an hour more; and it believes
 * any Retry-After, so one 429 asking for an hour parks that route (or, marked global, every
 * route, interaction replies included) for the hour.
 *
 * - Retry-After and X-RateLimit-Reset-After are capped at `maxRetryAfterSeconds`.
 * - X-RateLimit-Global is dropped: interaction replies are not under the global limit, and digest
 *   posts are held platform-wide by our own pacing, which reads X-RateLimit-Scope: global.
 * - Channel message posts (digests) lose their bucket headers: the digest rate limiter paces
 *   them on the monotonic clock, and a 429 still reaches it as a rejection.
 */
export function pacedRestRequests(
  maxRetryAfterSeconds = DEFAULT_MAX_RETRY_AFTER_SECONDS,
  makeRequest: RESTOptions['makeRequest'] = DefaultRestOptions.makeRequest,
): RESTOptions['makeRequest'] {
  return async (url, init) => {
    const response = await makeRequest(url, init);
    const digestPost = (init.method ?? 'GET').toUpperCase() === 'POST' && CHANNEL_MESSAGES.test(url);
    const headers = rewriteHeaders(response.headers, maxRetryAfterSeconds, digestPost);
    return headers ? withHeaders(response, headers) : response;
  };
}

function rewriteHeaders(original: Headers, maxSeconds: number, digestPost: boolean): Headers | undefined {
  let headers: Headers | undefined;
  const edit = () => {
    headers ??= new Headers(original);
    return headers;
  };
  for (const name of ['retry-after', 'x-ratelimit-reset-after']) {
    const value = original.get(name);
    if (value === null) continue;
    const seconds = Number(value);
    if (!Number.isFinite(seconds) || seconds > maxSeconds) edit().set(name, String(maxSeconds));
  }
  if (original.has('x-ratelimit-global')) edit().delete('x-ratelimit-global');
  if (digestPost) {
    for (const name of [
      'x-ratelimit-remaining',
      'x-ratelimit-limit',
      'x-ratelimit-reset',
      'x-ratelimit-reset-after',
    ]) {
      if (original.has(name)) edit().delete(name);
    }
  }
  return headers;
}

function withHeaders(response: ResponseLike, headers: Headers): ResponseLike {
  return {
    body: response.body,
    get bodyUsed() {
      return response.bodyUsed;
    },
    headers,
    ok: response.ok,
    status: response.status,
    statusText: response.statusText,
    arrayBuffer: () => response.arrayBuffer(),
    json: () => response.json(),
    text: () => response.text(),
  };
}
