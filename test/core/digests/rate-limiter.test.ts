import { describe, expect, it } from 'vitest';
import { createRateLimiter } from '../../../src/core/digests/rate-limiter.ts';
import { createSharedRateLimiter } from '../../../src/core/digests/shared-rate-limiter.ts';
import type { ChannelRef } from '../../../src/core/ports.ts';
import { createVirtualTime } from '../../fakes/virtual-time.ts';

const channel = (id: string, workspaceId = 'W1'): ChannelRef => ({
  platform: 'slack',
  channelId: id,
  workspaceId,
});
const HALF_HOUR = 30 * 60_000;

describe('the digest rate limiter', () => {
  it('holds for a 429 only what it covers: a channel, a workspace, or the platform', () => {
    const time = createVirtualTime('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter([], time.clock, time.sleep);
    limiter.penalize(channel('C1'), 30_000, 'channel');
    expect(limiter.delayFor(channel('C1'))).toBe(30_000);
    expect(limiter.delayFor(channel('C2'))).toBe(0);
    limiter.penalize(channel('C3', 'W2'), 20_000, 'workspace');
    expect(limiter.delayFor(channel('C4', 'W2'))).toBe(20_000);
    expect(limiter.delayFor(channel('C5', 'W3'))).toBe(0);
    limiter.penalize(channel('C6'), 10_000, 'platform');
    expect(limiter.delayFor(channel('C7', 'W9'))).toBe(10_000);
    expect(limiter.longestHold()).toBe(30_000);
    time.advance(30_000);
    expect(limiter.longestHold()).toBe(0);
  });

  it('keeps every hold when many channels are held at once', () => {
    const time = createVirtualTime('2026-12-01T10:00:00Z');
    const limiter = createRateLimiter([], time.clock, time.sleep);
    limiter.penalize(channel('first'), 5_000, 'channel');
    for (let i = 0; i < 10_001; i++) limiter.penalize(channel(`C${i}`), 10_000 + i, 'channel');
    expect(limiter.delayFor(channel('first'))).toBe(5_000);
  });

  it('among replicas, waits at most ten windows when the store reserves half an hour ahead (a stepped clock)', async () => {
    const time = createVirtualTime('2026-12-01T10:00:00Z');
    const limiter = createSharedRateLimiter('discord', [{ scope: 'platform', limit: 40, windowMs: 1_000 }], {
      reserveSendTime: async (_buckets, at) => new Date(at.getTime() + HALF_HOUR),
      clock: time.clock,
      sleep: time.sleep,
    });
    const started = time.nowMs();
    await time.run(limiter.acquire({ platform: 'discord', channelId: '1' }));
    expect(time.nowMs() - started).toBeLessThanOrEqual(10_000);
  });
});
