import type { webApi } from '@slack/bolt';

/**
 * A fetch for Bolt's WebClient that caps the Retry-After it sees at `maxSeconds`. The client
 * believes any Retry-After: on an interactive call it pauses every queued call for that long
 * (Slack asking for a month would leave the bot mute), and past 2^31 - 1 ms the pause becomes a
 * timer Node fires after 1 ms. A capped wait that comes too soon is answered by another 429.
 */
export function capRetryAfter(
  maxSeconds: number,
  fetchFn: webApi.FetchFunction = globalThis.fetch as unknown as webApi.FetchFunction,
): webApi.FetchFunction {
  return async (url, init) => {
    const response = await fetchFn(url, init);
    const header = response.headers.get('retry-after');
    if (header === null) return response;
    const seconds = Number(header);
    if (Number.isFinite(seconds) && seconds <= maxSeconds) return response;
    const headers = new Headers([...response.headers.entries()]);
    headers.set('retry-after', String(maxSeconds));
    return new Response(await response.arrayBuffer(), {
      status: response.status,
      statusText: response.statusText,
      headers,
    });
  };
}
