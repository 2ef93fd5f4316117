import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { configuredSecrets } from '../../src/configured-secrets.ts';
import { redactSecrets } from '../../src/logging/redact-secrets.ts';
import { propertyRuns } from '../properties/property-runs.ts';
import { captureLog } from './capture-log.ts';

const RUNS = propertyRuns(200);

const chars = (alphabet: string, min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(...alphabet), minLength: min, maxLength: max });
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const BASE64URL = `${ALNUM}-_`;

/** A generated secret: `text` is what gets logged, `secret` what must never appear in the output. */
interface Sample {
  kind: string;
  text: string;
  secret: string;
}

// Bot, user and legacy tokens; with token rotation an access token reads `xoxe.xoxb-…`.
const slackToken = fc
  .tuple(
    fc.constantFrom('xoxb', 'xoxp', 'xoxa'),
    chars('0123456789', 10, 13),
    chars(ALNUM, 24, 32),
    fc.boolean(),
  )
  .map(([prefix, team, rest, rotated]): Sample => {
    const token = `${prefix}-${team}-${rest}`;
    return { kind: 'slack', text: rotated ? `xoxe.${token}` : token, secret: token };
  });
const slackAppToken = fc
  .tuple(
    chars('ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789', 8, 11),
    chars('0123456789', 10, 13),
    chars('0123456789abcdef', 64, 64),
  )
  .map(([app, id, hex]): Sample => {
    const token = `xapp-1-A${app}-${id}-${hex}`;
    return { kind: 'slack-app', text: token, secret: token };
  });
// A Discord bot token: base64url(user id), a timestamp part and an HMAC of 27 (older) or 38 characters.
// Two former gaps have their own tests below (17-digit ids from 2015–16, an HMAC ending in `-`).
const discordToken = fc
  .tuple(
    fc.bigInt({ min: 10n ** 16n, max: 10n ** 19n - 1n }),
    chars(BASE64URL, 6, 6),
    fc.constantFrom(27, 38).chain((length) => chars(BASE64URL, length, length)),
  )
  .map(([id, stamp, hmac]): Sample => {
    const token = `${Buffer.from(String(id)).toString('base64url')}.${stamp}.${hmac}`;
    return { kind: 'discord', text: token, secret: token };
  });
const bearer = chars(`${ALNUM}._-`, 16, 64).map(
  (token): Sample => ({ kind: 'bearer', text: `Bearer ${token}`, secret: token }),
);
// Passwords as they appear in a URL: anything outside unreserved characters is percent-encoded.
const postgresUrl = fc
  .tuple(
    chars(`${ALNUM}_`, 1, 12),
    chars(`${ALNUM}-._~!$'()*+,;=%`, 8, 40),
    fc.constantFrom('postgres', 'postgresql'),
  )
  .map(
    ([user, password, scheme]): Sample => ({
      kind: 'postgres',
      text: `${scheme}://${user}:${password}@db.example.internal:5432/eujp`,
      secret: password,
    }),
  );

const anySecret = fc.oneof(slackToken, slackAppToken, discordToken, bearer, postgresUrl);
// What sits around a token in real log text: prose, punctuation, JSON, a header, a URL.
const delimiter = fc.constantFrom(' ', '\n', '=', ': ', '"', "'", '(', ')', ',', '/', '?token=', '\t', '');
const surroundings = fc.string({ unit: 'grapheme', maxLength: 60 });
const embedded = fc
  .tuple(surroundings, delimiter, anySecret, delimiter, surroundings)
  .map(([before, open, sample, close, after]) => ({
    sample,
    // A word character glued to the token is not how logs are written; keep a boundary.
    text: `${before}${before && !open ? ' ' : open}${sample.text}${close || ' '}${after}`,
  }));

describe('redacting secrets by their shape', () => {
  it('removes every Slack, Discord, bearer and Postgres secret from surrounding text', () => {
    fc.assert(
      fc.property(embedded, ({ sample, text }) => {
        expect(redactSecrets(text)).not.toContain(sample.secret);
      }),
      RUNS,
    );
  });

  it('leaves text without secrets exactly as it was', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (text) => {
        fc.pre(!/xox|xapp|Bearer|Bot |postgres|\.[A-Za-z0-9_-]{6}\./.test(text));
        expect(redactSecrets(text)).toBe(text);
      }),
      RUNS,
    );
  });

  it('redacts the token of a bot with a 17-digit id (created 2015–16)', () => {
    // base64url of 17 digits is 23 characters.
    const token = `${Buffer.from('80351110224678912').toString('base64url')}.GhIjKl.${'a'.repeat(27)}`;
    expect(redactSecrets(`login failed for ${token} today`)).not.toContain(token);
  });

  it('redacts a Discord token whose 27-character HMAC ends in "-"', () => {
    // Between "-" and a space there is no word boundary (\b).
    const token = `${Buffer.from('123456789012345678').toString('base64url')}.GhIjKl.${'a'.repeat(26)}-`;
    expect(redactSecrets(`login failed for ${token} today`)).not.toContain(token);
  });
});

describe('the logger never writes a generated secret', () => {
  it('in a message, a field, a nested field, an error message or an error cause', () => {
    const log = captureLog();
    fc.assert(
      fc.property(embedded, fc.nat(5), ({ sample, text }, place) => {
        log.clear();
        const error = new Error(text, { cause: new Error(`cause: ${text}`) });
        [
          () => log.logger.info(text),
          () => log.logger.info({ detail: text }, 'field'),
          () => log.logger.warn({ request: { query: { note: text } } }, 'nested'),
          () => log.logger.error({ err: error }, 'error'),
          () => log.logger.info({ count: 1 }, 'formatted %s', text),
          () => log.logger.error({ err: new AggregateError([error], 'several') }, 'aggregate'),
        ][place]?.();
        expect(log.text()).not.toContain(sample.secret);
      }),
      RUNS,
    );
  });
});

describe('configured secrets are redacted by value', () => {
  const environment = {
    SLACK_SIGNING_SECRET: 'sign1ng-s3cret-without-shape',
    SLACK_CLIENT_ID: '1.2',
    SLACK_CLIENT_SECRET: 'c1ient-s3cret-without-shape',
    SLACK_STATE_SECRET: 'st4te-s3cret-without-shape',
    DISCORD_TOKEN: 'discord-token-without-shape',
    DISCORD_APP_ID: '123456789012345678',
    EUJP_DB: 'postgres://eujp:p%40ss-w0rd-value@db:5432/eujp',
    EUJP_METRICS_TOKEN: 'metrics-token-without-shape',
    EUJP_ENCRYPTION_KEYS: `k1:${Buffer.alloc(32, 5).toString('base64')}`,
  };

  it('wherever they appear in a line: inside a message string, a field, a key or an error', () => {
    const secrets = configuredSecrets(loadConfig(environment));
    expect(secrets).toEqual(
      expect.arrayContaining([
        'p@ss-w0rd-value',
        environment.SLACK_CLIENT_SECRET,
        environment.EUJP_METRICS_TOKEN,
        Buffer.alloc(32, 5).toString('base64'),
      ]),
    );
    const log = captureLog('trace', secrets);
    for (const secret of secrets) {
      log.logger.debug(`http request body: {"client_id":"1.2","client_secret":"x${secret}y"}`);
      log.logger.info({ note: `a=${secret}`, [secret]: 1 }, 'field');
      log.logger.error({ err: new Error(`failed with ${secret}`) }, 'error');
    }
    const text = log.text();
    for (const secret of secrets) expect(text).not.toContain(secret);
    expect(text).toContain('[redacted]');
  });

  it('and OAuth codes, in a query string or a JSON body', () => {
    const log = captureLog();
    log.logger.info('GET /slack/oauth_redirect?code=anything-at-all&state=s');
    log.logger.debug('http request body: {"code":"short-grant","redirect_uri":"x"}');
    expect(log.text()).not.toMatch(/anything-at-all|short-grant/);
  });
});
