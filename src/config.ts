import { isIP } from 'node:net';
import * as v from 'valibot';
import { type EncryptionKey, parseEncryptionKeys } from './storage/encryption-keys.ts';

/** The validated configuration; entry points build it once from the environment. */
export interface Config {
  /** Either one workspace's `botToken`, or `oauth` for installs into any number of workspaces. */
  slack?: {
    botToken?: string;
    /** Required in HTTP mode; Socket Mode never receives signed HTTP requests. */
    signingSecret?: string;
    appToken?: string;
    apiUrl?: string;
    oauth?: SlackOAuthConfig;
  };
  discord?: { token: string; appId: string; guildId?: string; apiUrl?: string };
  port: number;
  /** The interface `/slack/events`, `/healthz` and `/metrics` listen on (`HOST`). */
  host: string;
  /** Bearer token `/metrics` requires; without it, `/metrics` answers loopback clients only. */
  metricsToken?: string;
  database: string;
  /**
   * `EUJP_ENCRYPTION_KEYS`, newest first: installed workspaces' tokens are encrypted at rest with
   * the first and read with any of them. Unset: stored as the platform returned them.
   */
  encryptionKeys?: EncryptionKey[];
  timeZone: string;
  briefingsDir: string;
  logLevel: 'trace' | 'debug' | 'info' | 'warn' | 'error' | 'fatal' | 'silent';
  /** False when LOG_LEVEL was not set, so the console adapter can keep the terminal quiet. */
  logLevelChosen: boolean;
  catchUpWindowMs: number;
  /** The longest Retry-After a digest waits out before trying again. */
  maxRetryAfterMs: number;
  /** Postgres pool size (`EUJP_DB_POOL`); the pool's time limits are in `databaseTimeouts`. */
  databasePoolSize: number;
  databaseTimeouts: { connectMs: number; queryMs: number; idleMs: number };
}

/**
 * Slack distribution to many workspaces: Bolt's install flow, each workspace's token kept in the
 * store, so one deployment can serve every workspace that installs it.
 */
export interface SlackOAuthConfig {
  clientId: string;
  clientSecret: string;
  /** Signs the OAuth `state` parameter against CSRF. */
  stateSecret: string;
}

/** Invalid configuration: the message names every variable at fault. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n${problems.map((problem) => `  ${problem}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'] as const;

const text = v.optional(v.pipe(v.string(), v.minLength(1)));
const prefixed = (prefix: string) =>
  v.optional(v.pipe(v.string(), v.startsWith(prefix, `must start with ${prefix}`)));
const snowflake = (what: string) =>
  v.optional(v.pipe(v.string(), v.regex(/^\d{17,20}$/, `must be the numeric ${what}`)));
const webUrl = v.optional(
  v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
);
const wholeNumber = (fallback: string, min: number, max: number) =>
  v.optional(
    v.pipe(
      v.string(),
      v.regex(/^\d+$/, 'must be a whole number'),
      v.transform(Number),
      v.minValue(min, `must be at least ${min}`),
      v.maxValue(max, `must be at most ${max}`),
    ),
    fallback,
  );

const fields = v.object({
  SLACK_BOT_TOKEN: prefixed('xoxb-'),
  SLACK_SIGNING_SECRET: text,
  SLACK_APP_TOKEN: prefixed('xapp-'),
  SLACK_API_URL: webUrl,
  SLACK_CLIENT_ID: text,
  SLACK_CLIENT_SECRET: text,
  SLACK_STATE_SECRET: text,
  DISCORD_TOKEN: text,
  DISCORD_APP_ID: snowflake('application id'),
  DISCORD_GUILD_ID: snowflake('server id'),
  DISCORD_API_URL: webUrl,
  PORT: wholeNumber('3000', 0, 65_535),
  // Loopback by default: on a laptop nothing is exposed (a tunnel to Slack connects locally); the
  // container image sets HOST=0.0.0.0 so its port mapping can reach the bot.
  HOST: v.optional(
    v.pipe(v.string(), v.check(isHost, 'must be an IP address or a host name, e.g. 0.0.0.0 or 127.0.0.1')),
    '127.0.0.1',
  ),
  EUJP_METRICS_TOKEN: v.optional(v.pipe(v.string(), v.minLength(16, 'must be at least 16 characters'))),
  EUJP_DB: v.optional(v.string(), './data/eujp.sqlite'),
  EUJP_ENCRYPTION_KEYS: v.optional(
    v.pipe(
      v.string(),
      v.rawTransform(({ dataset, addIssue, NEVER }) => {
        const { keys, problems } = parseEncryptionKeys(dataset.value);
        if (problems.length === 0) return keys;
        addIssue({ message: problems.join('; ') });
        return NEVER;
      }),
    ),
  ),
  EUJP_TZ: v.optional(
    v.pipe(v.string(), v.check(isTimeZone, 'is not a known IANA time zone (e.g. Europe/Brussels)')),
    'Europe/Brussels',
  ),
  EUJP_BRIEFINGS_DIR: v.optional(v.string(), './briefings'),
  EUJP_CATCH_UP_HOURS: wholeNumber('6', 0, 168),
  EUJP_MAX_RETRY_AFTER_SECONDS: wholeNumber('30', 1, 3_600),
  LOG_LEVEL: v.optional(v.picklist(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(', ')}`), 'info'),
  // The store when it is slow or away: a small pool, and nothing waits on it for long.
  EUJP_DB_POOL: wholeNumber('10', 1, 100),
  EUJP_DB_CONNECT_TIMEOUT_SECONDS: wholeNumber('5', 1, 300),
  EUJP_DB_QUERY_TIMEOUT_SECONDS: wholeNumber('10', 1, 3600),
  EUJP_DB_IDLE_TIMEOUT_SECONDS: wholeNumber('30', 1, 86_400),
});

const SLACK_OAUTH = ['SLACK_CLIENT_ID', 'SLACK_CLIENT_SECRET', 'SLACK_STATE_SECRET'] as const;

/**
 * The rules across variables ("set these together"), checked in the same pass as each variable's
 * own format, so one run reports every problem. They look only at which variables are set.
 */
function crossFieldProblems(env: Record<string, unknown>): Array<[string, string]> {
  const set = (name: string) => env[name] !== undefined;
  const oauth = SLACK_OAUTH.some(set);
  // Socket Mode receives events over its socket, never a signed HTTP request.
  const signing = set('SLACK_APP_TOKEN') ? [] : ['SLACK_SIGNING_SECRET'];
  const problems = [
    ...(oauth
      ? requireTogether(set, [...SLACK_OAUTH, ...signing], 'Slack OAuth installs')
      : requireTogether(set, ['SLACK_BOT_TOKEN', ...signing], 'the Slack adapter')),
    ...requireTogether(set, ['DISCORD_TOKEN', 'DISCORD_APP_ID'], 'the Discord adapter'),
  ];
  // Bolt refuses both at once; saying which to drop is kinder than its stack trace.
  if (oauth && set('SLACK_BOT_TOKEN'))
    problems.push([
      'SLACK_BOT_TOKEN',
      'leave it unset with SLACK_CLIENT_ID (each installed workspace gets its own token)',
    ]);
  if (set('SLACK_APP_TOKEN') && !set('SLACK_BOT_TOKEN') && !oauth)
    problems.push([
      'SLACK_BOT_TOKEN',
      'is required when SLACK_APP_TOKEN is set (or SLACK_CLIENT_ID for OAuth installs)',
    ]);
  return problems;
}

const environmentSchema = v.pipe(
  fields,
  // A raw check runs even when single variables failed, so their problems and these come together.
  v.rawCheck(({ dataset, addIssue }) => {
    const env = (dataset.value ?? {}) as Record<string, unknown>;
    for (const [name, message] of crossFieldProblems(env))
      addIssue({
        message,
        path: [{ type: 'object', origin: 'value', input: env, key: name, value: env[name] }],
      });
  }),
);

// `.env.example` copies leave variables present but empty, or padded: "" means "not set".
function cleanEnvironment(environment: NodeJS.ProcessEnv): Record<string, string | undefined> {
  const cleaned: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(environment)) {
    const trimmed = value?.trim();
    cleaned[name] = trimmed === '' ? undefined : trimmed;
  }
  return cleaned;
}

/**
 * Reads the configuration (the variables in the README's table and `.env.example`, a contract per
 * docs/contracts.md) from an environment; throws ConfigError listing every problem.
 */
export function loadConfig(environment: NodeJS.ProcessEnv): Config {
  const parsed = v.safeParse(environmentSchema, cleanEnvironment(environment));
  if (!parsed.success) {
    // One problem per variable: "abc" as a URL is not also reported as "not http(s)".
    const problems = new Map<string, string>();
    for (const issue of parsed.issues) {
      const name = String(issue.path?.[0]?.key);
      if (!problems.has(name)) problems.set(name, `${name}: ${issue.message}`);
    }
    throw new ConfigError([...problems.values()]);
  }
  const env = parsed.output;
  const oauth = SLACK_OAUTH.some((name) => env[name] !== undefined);

  return {
    ...(env.SLACK_BOT_TOKEN || oauth
      ? {
          slack: {
            ...(env.SLACK_BOT_TOKEN ? { botToken: env.SLACK_BOT_TOKEN } : {}),
            ...(env.SLACK_CLIENT_ID && env.SLACK_CLIENT_SECRET && env.SLACK_STATE_SECRET
              ? {
                  oauth: {
                    clientId: env.SLACK_CLIENT_ID,
                    clientSecret: env.SLACK_CLIENT_SECRET,
                    stateSecret: env.SLACK_STATE_SECRET,
                  },
                }
              : {}),
            ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
            ...(env.SLACK_APP_TOKEN ? { appToken: env.SLACK_APP_TOKEN } : {}),
            ...(env.SLACK_API_URL ? { apiUrl: env.SLACK_API_URL } : {}),
          },
        }
      : {}),
    ...(env.DISCORD_TOKEN && env.DISCORD_APP_ID
      ? {
          discord: {
            token: env.DISCORD_TOKEN,
            appId: env.DISCORD_APP_ID,
            ...(env.DISCORD_GUILD_ID ? { guildId: env.DISCORD_GUILD_ID } : {}),
            ...(env.DISCORD_API_URL ? { apiUrl: env.DISCORD_API_URL } : {}),
          },
        }
      : {}),
    port: env.PORT,
    host: env.HOST,
    ...(env.EUJP_METRICS_TOKEN ? { metricsToken: env.EUJP_METRICS_TOKEN } : {}),
    database: env.EUJP_DB,
    ...(env.EUJP_ENCRYPTION_KEYS ? { encryptionKeys: env.EUJP_ENCRYPTION_KEYS } : {}),
    timeZone: env.EUJP_TZ,
    briefingsDir: env.EUJP_BRIEFINGS_DIR,
    logLevel: env.LOG_LEVEL,
    logLevelChosen: Boolean(environment.LOG_LEVEL),
    catchUpWindowMs: env.EUJP_CATCH_UP_HOURS * 3_600_000,
    maxRetryAfterMs: env.EUJP_MAX_RETRY_AFTER_SECONDS * 1_000,
    databasePoolSize: env.EUJP_DB_POOL,
    databaseTimeouts: {
      connectMs: env.EUJP_DB_CONNECT_TIMEOUT_SECONDS * 1000,
      queryMs: env.EUJP_DB_QUERY_TIMEOUT_SECONDS * 1000,
      idleMs: env.EUJP_DB_IDLE_TIMEOUT_SECONDS * 1000,
    },
  };
}

// A half-configured adapter is a mistake worth stopping for, not a reason to run without it.
function requireTogether(
  set: (name: string) => boolean,
  names: readonly string[],
  what: string,
): Array<[string, string]> {
  const present = names.filter(set);
  if (present.length === 0 || present.length === names.length) return [];
  return names
    .filter((name) => !set(name))
    .map((name) => [name, `is required for ${what} (${present.join(', ')} is set)`]);
}

function isHost(value: string): boolean {
  return isIP(value) !== 0 || /^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?$/.test(value);
}

function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}
