import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_TIMER_MS, sleepWithTimers, timerDelay } from '../../../src/core/digests/sleep.ts';

describe('sleepWithTimers', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it('waits out a delay longer than a Node timer can hold instead of firing after 1 ms', async () => {
    // A Slack Retry-After of 3,000,000 s: far past 2^31 - 1 ms.
    const ms = 3_000_000_000;
    let woke = false;
    void sleepWithTimers(ms).then(() => {
      woke = true;
    });
    await vi.advanceTimersByTimeAsync(1_000);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS);
    expect(woke).toBe(false);
    await vi.advanceTimersByTimeAsync(ms - MAX_TIMER_MS - 1_000);
    expect(woke).toBe(true);
  });

  it('can still be aborted during a long wait', async () => {
    const controller = new AbortController();
    const waiting = sleepWithTimers(Number.POSITIVE_INFINITY, controller.signal);
    await vi.advanceTimersByTimeAsync(MAX_TIMER_MS + 5);
    controller.abort(new Error('stopping'));
    await expect(waiting).rejects.toThrow('stopping');
  });
});

describe('timerDelay', () => {
  it('keeps every delay inside what setTimeout accepts', () => {
    expect(timerDelay(-5)).toBe(0);
    expect(timerDelay(Number.NaN)).toBe(0);
    expect(timerDelay(1_500)).toBe(1_500);
    expect(timerDelay(3_000_000_000)).toBe(MAX_TIMER_MS);
    expect(timerDelay(Number.POSITIVE_INFINITY)).toBe(MAX_TIMER_MS);
  });
});
