import type { ResponseLike } from 'discord.js';
import { describe, expect, it } from 'vitest';
import { pacedRestRequests } from '../../../src/adapters/discord/discord-rate-limit-headers.ts';

const answering =
  (headers: Record<string, string>, status = 429) =>
  async (): Promise<ResponseLike> => {
    const response = new Response(JSON.stringify({ retry_after: 3_600 }), { status, headers });
    return response as unknown as ResponseLike;
  };

describe('what discord.js is told about rate limits', () => {
  it('caps Retry-After and the bucket reset, and drops the global flag (our pacing reads the scope)', async () => {
    const request = pacedRestRequests(
      30,
      answering({ 'Retry-After': '3600', 'X-RateLimit-Global': 'true', 'X-RateLimit-Scope': 'global' }),
    );
    const response = await request('http://127.0.0.1/api/v10/interactions/1/abc/callback', {
      method: 'POST',
    });
    expect(response.headers.get('retry-after')).toBe('30');
    expect(response.headers.has('x-ratelimit-global')).toBe(false);
    expect(response.headers.get('x-ratelimit-scope')).toBe('global');
    expect(response.status).toBe(429);
    expect(await response.json()).toEqual({ retry_after: 3_600 });
  });

  it('leaves digest posts without bucket headers, which discord.js would time by the wall clock', async () => {
    const request = pacedRestRequests(
      30,
      answering(
        { 'X-RateLimit-Remaining': '0', 'X-RateLimit-Reset-After': '5', 'X-RateLimit-Limit': '5' },
        200,
      ),
    );
    const digest = await request('http://127.0.0.1/api/v10/channels/123/messages', { method: 'POST' });
    expect(digest.headers.has('x-ratelimit-remaining')).toBe(false);
    expect(digest.headers.has('x-ratelimit-reset-after')).toBe(false);
    const other = await request('http://127.0.0.1/api/v10/channels/123', { method: 'GET' });
    expect(other.headers.get('x-ratelimit-remaining')).toBe('0');
    expect(other.headers.get('x-ratelimit-reset-after')).toBe('5');
  });
});
