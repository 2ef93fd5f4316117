import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type CommandRateLimits,
  createCommandRateLimiter,
  DEFAULT_COMMAND_RATE_LIMITS,
} from '../../../src/core/commands/command-rate-limiter.ts';
import { createCore } from '../../../src/core/create-core.ts';
import type { Clock, Logger, RequestContext } from '../../../src/core/ports.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { propertyRuns } from '../../properties/property-runs.ts';
import { FIXED_NOW, loadRealLibrary, silentLogger } from '../../support/test-core.ts';

/** A clock the test moves by hand. */
function manualClock(start: Date = FIXED_NOW): Clock & { advance(ms: number): void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
  };
}

const slack = (userId: string, channelId = 'C1'): RequestContext => ({
  channel: { platform: 'slack', channelId, workspaceId: 'T1' },
  userId,
});
const limits = (overrides: Partial<CommandRateLimits>): CommandRateLimits => ({
  ...DEFAULT_COMMAND_RATE_LIMITS,
  ...overrides,
});
const paragraphs = (reply: Reply) => reply.sections.flatMap((section) => section.paragraphs).join(' ');

describe('the command rate limiter', () => {
  it('lets a user run 20 commands at once, then refuses the 21st with when to retry', () => {
    const limiter = createCommandRateLimiter(DEFAULT_COMMAND_RATE_LIMITS, manualClock());
    for (let i = 0; i < 20; i++) expect(limiter.take(slack('U1'))).toEqual({ allowed: true });
    expect(limiter.take(slack('U1'))).toEqual({
      allowed: false,
      scope: 'user',
      retryAfterMs: 3_000,
      startsIncident: true,
    });
  });

  it('gives a token back every three seconds at 20 a minute', () => {
    const clock = manualClock();
    const limiter = createCommandRateLimiter(DEFAULT_COMMAND_RATE_LIMITS, clock);
    for (let i = 0; i < 20; i++) limiter.take(slack('U1'));
    clock.advance(2_999);
    expect(limiter.take(slack('U1'))).toMatchObject({ allowed: false, retryAfterMs: 1 });
    clock.advance(1);
    expect(limiter.take(slack('U1'))).toEqual({ allowed: true });
    expect(limiter.take(slack('U1')).allowed).toBe(false);
  });

  it('never holds more than the burst, however long a user was quiet', () => {
    const clock = manualClock();
    const limiter = createCommandRateLimiter(limits({ perUser: { perMinute: 6, burst: 3 } }), clock);
    clock.advance(24 * 3_600_000);
    const decisions = Array.from({ length: 4 }, () => limiter.take(slack('U1')).allowed);
    expect(decisions).toEqual([true, true, true, false]);
  });

  it('marks only the first refusal of a run as the start of an incident', () => {
    const clock = manualClock();
    const limiter = createCommandRateLimiter(limits({ perUser: { perMinute: 60, burst: 1 } }), clock);
    limiter.take(slack('U1'));
    expect(limiter.take(slack('U1'))).toMatchObject({ startsIncident: true });
    expect(limiter.take(slack('U1'))).toMatchObject({ startsIncident: false });
    clock.advance(1_000);
    expect(limiter.take(slack('U1')).allowed).toBe(true);
    expect(limiter.take(slack('U1'))).toMatchObject({ startsIncident: true });
  });

  it('counts each user separately, and the same id on another platform as another person', () => {
    const limiter = createCommandRateLimiter(
      limits({ perUser: { perMinute: 1, burst: 1 }, perChannel: false }),
      manualClock(),
    );
    expect(limiter.take(slack('U1')).allowed).toBe(true);
    expect(limiter.take(slack('U1')).allowed).toBe(false);
    expect(limiter.take(slack('U2')).allowed).toBe(true);
    const discord: RequestContext = { channel: { platform: 'discord', channelId: 'C1' }, userId: 'U1' };
    expect(limiter.take(discord).allowed).toBe(true);
  });

  it('limits a busy channel across its users, leaving other channels alone', () => {
    const limiter = createCommandRateLimiter(
      limits({ perChannel: { perMinute: 3, burst: 3 } }),
      manualClock(),
    );
    for (const user of ['U1', 'U2', 'U3']) expect(limiter.take(slack(user)).allowed).toBe(true);
    expect(limiter.take(slack('U4'))).toMatchObject({ allowed: false, scope: 'channel' });
    expect(limiter.take(slack('U4', 'C2')).allowed).toBe(true);
  });

  it('does not spend a user’s token on a command the channel refused', () => {
    const clock = manualClock();
    const limiter = createCommandRateLimiter(
      limits({ perUser: { perMinute: 60, burst: 2 }, perChannel: { perMinute: 60, burst: 1 } }),
      clock,
    );
    expect(limiter.take(slack('U1', 'C1')).allowed).toBe(true);
    expect(limiter.take(slack('U1', 'C1'))).toMatchObject({ allowed: false, scope: 'channel' });
    expect(limiter.take(slack('U1', 'C2')).allowed).toBe(true);
    expect(limiter.take(slack('U1', 'C3'))).toMatchObject({ allowed: false, scope: 'user' });
  });

  it('limits a chat request without a channel by its user (a button in a Slack view)', () => {
    const limiter = createCommandRateLimiter(
      limits({ perUser: { perMinute: 1, burst: 2 }, perChannel: { perMinute: 1, burst: 100 } }),
      manualClock(),
    );
    const fromView: RequestContext = { platform: 'slack', userId: 'U1' };
    expect(limiter.take(fromView).allowed).toBe(true);
    expect(limiter.take(fromView).allowed).toBe(true);
    expect(limiter.take(fromView)).toMatchObject({ allowed: false, scope: 'user' });
    // The same person in a channel shares the bucket.
    expect(limiter.take(slack('U1'))).toMatchObject({ allowed: false, scope: 'user' });
  });

  it('never limits the local console or a request from no platform (the ask CLI)', () => {
    const limiter = createCommandRateLimiter(
      limits({ perUser: { perMinute: 1, burst: 1 }, perChannel: { perMinute: 1, burst: 1 } }),
      manualClock(),
    );
    const console: RequestContext = {
      channel: { platform: 'console', channelId: 'local' },
      userId: 'console',
    };
    for (let i = 0; i < 100; i++) {
      expect(limiter.take(console).allowed).toBe(true);
      expect(limiter.take({}).allowed).toBe(true);
    }
  });

  it('keeps at most maxTrackedKeys buckets under a flood of distinct users', () => {
    const limiter = createCommandRateLimiter(
      limits({ perUser: { perMinute: 1, burst: 1 }, perChannel: false, maxTrackedKeys: 100 }),
      manualClock(),
    );
    for (let i = 0; i < 10_000; i++) expect(limiter.take(slack(`U${i}`)).allowed).toBe(true);
    // The most recent users are still remembered (and limited); the oldest were forgotten.
    expect(limiter.take(slack('U9999')).allowed).toBe(false);
    expect(limiter.take(slack('U0')).allowed).toBe(true);
  });
});

describe('the command rate limiter, for any sequence of commands', () => {
  const limit = fc.record({
    perMinute: fc.integer({ min: 1, max: 120 }),
    burst: fc.integer({ min: 1, max: 30 }),
  });
  const commands = fc.array(
    fc.record({
      user: fc.constantFrom('U1', 'U2', 'U3'),
      channel: fc.constantFrom('C1', 'C2'),
      waitMs: fc.oneof(fc.constant(0), fc.nat(200), fc.nat(10_000)),
    }),
    { maxLength: 400, size: 'max' },
  );

  it('never lets a user run more than burst + rate × t commands in any stretch of t = 1 minute', () => {
    fc.assert(
      fc.property(limit, commands, (perUser, sequence) => {
        const clock = manualClock();
        const limiter = createCommandRateLimiter(limits({ perUser, perChannel: false }), clock);
        const allowedAt = new Map<string, number[]>();
        for (const command of sequence) {
          clock.advance(command.waitMs);
          if (limiter.take(slack(command.user, command.channel)).allowed) {
            allowedAt.set(command.user, [...(allowedAt.get(command.user) ?? []), clock.now().getTime()]);
          }
        }
        for (const times of allowedAt.values()) {
          for (const start of times) {
            const inMinute = times.filter((time) => time >= start && time < start + 60_000).length;
            expect(inMinute).toBeLessThanOrEqual(perUser.burst + perUser.perMinute);
          }
        }
      }),
      propertyRuns(200),
    );
  });

  it('always allows a refused user again after the wait it announced', () => {
    fc.assert(
      fc.property(limit, commands, (perUser, sequence) => {
        const clock = manualClock();
        const limiter = createCommandRateLimiter(limits({ perUser, perChannel: false }), clock);
        for (const command of sequence) {
          clock.advance(command.waitMs);
          const decision = limiter.take(slack(command.user, command.channel));
          if (!decision.allowed) {
            expect(decision.retryAfterMs).toBeGreaterThan(0);
            expect(decision.retryAfterMs).toBeLessThanOrEqual(Math.ceil(60_000 / perUser.perMinute));
            clock.advance(decision.retryAfterMs);
            expect(limiter.take(slack(command.user, command.channel)).allowed).toBe(true);
          }
        }
      }),
      propertyRuns(200),
    );
  });
});

describe('rate limiting in the core', () => {
  const coreWith = async (rateLimits?: Partial<CommandRateLimits> | false, logger: Logger = silentLogger) => {
    const library = await loadRealLibrary();
    const clock = manualClock();
    const core = createCore({
      getLibrary: () => library,
      clock,
      logger,
      ...(rateLimits === undefined ? {} : { rateLimits }),
    });
    return { core, clock };
  };

  it('answers politely, privately and in English once a user goes over the limit', async () => {
    const { core } = await coreWith({ perUser: { perMinute: 20, burst: 2 } });
    await core.handle('quantum', slack('U1'));
    await core.handle('quantum', slack('U1'));
    const reply = await core.handle('quantum', slack('U1'));
    expect(reply).toMatchObject({ type: 'error', title: 'Slow down a little', visibility: 'private' });
    expect(paragraphs(reply)).toBe(
      'You are sending commands faster than I can keep up with. Please try again in 3 seconds.',
    );
  });

  it('answers in Japanese to a Japanese user, and names a busy channel', async () => {
    const { core } = await coreWith({ perChannel: { perMinute: 60, burst: 1 } });
    await core.handle('quantum', slack('U1'));
    const reply = await core.handle('量子', { ...slack('U2'), locale: 'ja' });
    expect(reply.title).toBe('少し間をおいてください');
    expect(paragraphs(reply)).toBe(
      'このチャンネルでは現在コマンドが集中しています。1秒ほどしてからもう一度お試しください。',
    );
  });

  it('answers normally again once the clock has moved on', async () => {
    const { core, clock } = await coreWith({ perUser: { perMinute: 20, burst: 1 } });
    await core.handle('quantum', slack('U1'));
    expect((await core.handle('quantum', slack('U1'))).type).toBe('error');
    clock.advance(3_000);
    expect(await core.handle('quantum', slack('U1'))).toMatchObject({ type: 'briefing', topic: 'quantum' });
  });

  it('logs one warning per incident, not one per refused command', async () => {
    const warnings: unknown[] = [];
    const logger: Logger = { ...silentLogger, warn: (obj, msg) => warnings.push({ obj, msg }) };
    const { core } = await coreWith({ perUser: { perMinute: 20, burst: 1 } }, logger);
    for (let i = 0; i < 10; i++) await core.handle('quantum', slack('U1'));
    expect(warnings).toEqual([
      {
        obj: { scope: 'user', channel: slack('U1').channel, userId: 'U1' },
        msg: 'commands rate-limited',
      },
    ]);
  });

  it('applies the defaults when none are given: the 21st command in a burst is refused', async () => {
    const { core } = await coreWith();
    const types: string[] = [];
    for (let i = 0; i < 21; i++) types.push((await core.handle('help', slack('U1'))).type);
    expect(types.slice(0, 20).every((type) => type === 'help')).toBe(true);
    expect(types[20]).toBe('error');
  });

  it('can be switched off', async () => {
    const { core } = await coreWith(false);
    for (let i = 0; i < 30; i++) expect((await core.handle('help', slack('U1'))).type).toBe('help');
  });
});
