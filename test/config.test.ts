import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.ts';

const problemsOf = (environment: NodeJS.ProcessEnv): readonly string[] => {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
};

describe('configuration from the environment: defaults, and one message naming every bad variable', () => {
  it('runs the console with defaults when nothing is set', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      port: 3000,
      database: './data/eujp.sqlite',
      timeZone: 'Europe/Brussels',
      briefingsDir: './briefings',
      logLevel: 'info',
      logLevelChosen: false,
      catchUpWindowMs: 6 * 3_600_000,
      maxRetryAfterMs: 30_000,
    });
    expect(config.slack).toBeUndefined();
    expect(config.discord).toBeUndefined();
  });

  it('treats empty and blank variables, as copied from .env.example, as unset', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: '', DISCORD_TOKEN: '  ', PORT: '' }).port).toBe(3000);
  });

  it('refuses a Retry-After cap outside 1 to 3600 seconds', () => {
    expect(problemsOf({ EUJP_MAX_RETRY_AFTER_SECONDS: '0' })).toEqual([
      'EUJP_MAX_RETRY_AFTER_SECONDS: must be at least 1',
    ]);
    expect(problemsOf({ EUJP_MAX_RETRY_AFTER_SECONDS: '86400' })).toEqual([
      'EUJP_MAX_RETRY_AFTER_SECONDS: must be at most 3600',
    ]);
  });

  it('names every bad variable at once', () => {
    expect(
      problemsOf({
        PORT: 'abc',
        EUJP_TZ: 'Mars/Olympus',
        LOG_LEVEL: 'loud',
        DISCORD_APP_ID: '12',
        SLACK_API_URL: 'nope',
      }),
    ).toEqual([
      'SLACK_API_URL: must be a URL',
      'DISCORD_APP_ID: must be the numeric application id',
      'PORT: must be a whole number',
      'EUJP_TZ: is not a known IANA time zone (e.g. Europe/Brussels)',
      'LOG_LEVEL: must be one of trace, debug, info, warn, error, fatal, silent',
      'DISCORD_TOKEN: is required for the Discord adapter (DISCORD_APP_ID is set)',
    ]);
  });

  it('reports the "set these together" rules in the same message as the format errors', () => {
    expect(
      problemsOf({ PORT: 'abc', SLACK_BOT_TOKEN: 'xoxb-1-2', DISCORD_TOKEN: 'abc', EUJP_DB_POOL: '0' }),
    ).toEqual([
      'PORT: must be a whole number',
      'EUJP_DB_POOL: must be at least 1',
      'SLACK_SIGNING_SECRET: is required for the Slack adapter (SLACK_BOT_TOKEN is set)',
      'DISCORD_APP_ID: is required for the Discord adapter (DISCORD_TOKEN is set)',
    ]);
    expect(problemsOf({ SLACK_CLIENT_ID: 'id', PORT: '99999' })).toEqual([
      'PORT: must be at most 65535',
      'SLACK_CLIENT_SECRET: is required for Slack OAuth installs (SLACK_CLIENT_ID is set)',
      'SLACK_STATE_SECRET: is required for Slack OAuth installs (SLACK_CLIENT_ID is set)',
      'SLACK_SIGNING_SECRET: is required for Slack OAuth installs (SLACK_CLIENT_ID is set)',
    ]);
  });

  it('does not ask Socket Mode for a signing secret it never uses', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1-2', SLACK_APP_TOKEN: 'xapp-1-2' }).slack).toEqual({
      botToken: 'xoxb-1-2',
      appToken: 'xapp-1-2',
    });
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2' })).toEqual([
      'SLACK_SIGNING_SECRET: is required for the Slack adapter (SLACK_BOT_TOKEN is set)',
    ]);
  });

  it('reads the store pool size and time limits, with defaults', () => {
    expect(loadConfig({})).toMatchObject({
      databasePoolSize: 10,
      databaseTimeouts: { connectMs: 5000, queryMs: 10_000, idleMs: 30_000 },
    });
    expect(
      loadConfig({
        EUJP_DB_POOL: '3',
        EUJP_DB_QUERY_TIMEOUT_SECONDS: '2',
        EUJP_DB_CONNECT_TIMEOUT_SECONDS: '1',
      }),
    ).toMatchObject({ databasePoolSize: 3, databaseTimeouts: { connectMs: 1000, queryMs: 2000 } });
  });

  it('refuses a half-configured adapter instead of silently running without it', () => {
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xoxb-1-2' })).toEqual([
      'SLACK_SIGNING_SECRET: is required for the Slack adapter (SLACK_BOT_TOKEN is set)',
    ]);
    expect(problemsOf({ DISCORD_TOKEN: 'abc' })[0]).toMatch(/^DISCORD_APP_ID: is required/);
    expect(problemsOf({ SLACK_BOT_TOKEN: 'xapp-wrong', SLACK_SIGNING_SECRET: 's' })).toEqual([
      'SLACK_BOT_TOKEN: must start with xoxb-',
    ]);
  });

  it('enables each adapter whose credentials are all present', () => {
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-1-2',
      SLACK_SIGNING_SECRET: 'secret',
      DISCORD_TOKEN: 'token',
      DISCORD_APP_ID: '110000000000000001',
      PORT: '8080',
      EUJP_CATCH_UP_HOURS: '2',
      EUJP_MAX_RETRY_AFTER_SECONDS: '45',
    });
    expect(config.slack).toEqual({ botToken: 'xoxb-1-2', signingSecret: 'secret' });
    expect(config.discord).toEqual({ token: 'token', appId: '110000000000000001' });
    expect(config.port).toBe(8080);
    expect(config.catchUpWindowMs).toBe(2 * 3_600_000);
    expect(config.maxRetryAfterMs).toBe(45_000);
  });
});

describe('EUJP_ENCRYPTION_KEYS', () => {
  const base64 = Buffer.alloc(32, 7).toString('base64');
  const hex = Buffer.alloc(32, 9).toString('hex');

  it('reads id:key pairs, newest first, as base64 or hex', () => {
    const keys = loadConfig({ EUJP_ENCRYPTION_KEYS: `2026b:${base64}, 2026a:${hex}` }).encryptionKeys;
    expect(keys?.map((key) => [key.id, key.key.length])).toEqual([
      ['2026b', 32],
      ['2026a', 32],
    ]);
  });

  it('names the malformed entry, never printing the key', () => {
    const problems = problemsOf({ EUJP_ENCRYPTION_KEYS: `good:${base64},short:c2hvcnQ=,nocolon` });
    expect(problems).toEqual([
      expect.stringMatching(
        /^EUJP_ENCRYPTION_KEYS: entry 2 \("short"\) must be 32 bytes .*; entry 3 must be id:key/,
      ),
    ]);
    expect(problems.join('')).not.toContain(base64);
  });
});
