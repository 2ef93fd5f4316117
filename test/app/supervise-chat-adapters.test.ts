import { describe, expect, it } from 'vitest';
import { AdapterStartError } from '../../src/adapters/adapter-start-error.ts';
import { createHealthRoutes } from '../../src/app/health-routes.ts';
import { createBotMetrics } from '../../src/app/metrics.ts';
import type { AdapterStarter, RunningAdapter } from '../../src/app/start-chat-adapters.ts';
import { superviseChatAdapters } from '../../src/app/supervise-chat-adapters.ts';
import { StartupError } from '../../src/startup-error.ts';
import { silentLogger } from '../support/test-core.ts';

const adapter = (platform: RunningAdapter['platform']): RunningAdapter => ({
  platform,
  publisher: { platform, publish: async () => ({ messageId: '1' }) },
  stop: async () => {},
});

/** A starter failing with each of `failures` in turn, then starting. */
function starter(
  platform: RunningAdapter['platform'],
  failures: Error[],
): AdapterStarter & { calls: () => number } {
  let calls = 0;
  const start = async () => {
    const failure = failures[calls++];
    if (failure) throw failure;
    return adapter(platform);
  };
  return Object.assign([platform, start] as AdapterStarter, { calls: () => calls });
}

const supervise = (starters: AdapterStarter[], started: RunningAdapter[] = []) =>
  superviseChatAdapters({
    starters,
    logger: silentLogger,
    health: createHealthRoutes(createBotMetrics()),
    onStarted: (running) => started.push(running),
    backoff: { initialMs: 1, maxMs: 4 },
  });

describe('superviseChatAdapters', () => {
  it('retries an adapter whose platform was unreachable until it starts', async () => {
    const unreachable = new AdapterStartError('Discord unreachable', false);
    const discord = starter('discord', [unreachable, unreachable, unreachable]);
    const started: RunningAdapter[] = [];
    const supervisor = supervise([discord], started);
    await supervisor.firstAttempts;
    expect(supervisor.retrying()).toEqual(['discord']);
    while (started.length === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    expect(discord.calls()).toBe(4);
    expect(supervisor.retrying()).toEqual([]);
    await supervisor.stop();
  });

  it('tries a refused token once and never again', async () => {
    const slack = starter('slack', [new AdapterStartError('Slack rejected SLACK_BOT_TOKEN', true)]);
    const supervisor = supervise([slack]);
    await supervisor.firstAttempts;
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(slack.calls()).toBe(1);
    expect(supervisor.running()).toEqual([]);
    expect(supervisor.retrying()).toEqual([]);
  });

  it('stops start-up on a StartupError at the first attempt (a taken port)', async () => {
    const slack = starter('slack', [new StartupError('PORT=3000: already in use')]);
    await expect(supervise([slack]).firstAttempts).rejects.toThrow('PORT=3000');
  });

  it('stops retrying when stopped', async () => {
    const discord = starter('discord', Array(1000).fill(new AdapterStartError('unreachable', false)));
    const supervisor = supervise([discord]);
    await supervisor.firstAttempts;
    await supervisor.stop();
    const calls = discord.calls();
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(discord.calls()).toBe(calls);
  });
});
