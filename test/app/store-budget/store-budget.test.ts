import { describe, expect, it } from 'vitest';
import { boundDigestCommands } from '../../../src/app/store-budget/bounded-digest-commands.ts';
import { createCachedChannelSettings } from '../../../src/app/store-budget/cached-channel-settings.ts';
import type { ChannelSettings } from '../../../src/core/channel-settings.ts';
import type { DigestCommands } from '../../../src/core/digests/digest-commands.ts';
import { UserFacingError } from '../../../src/core/errors.ts';
import { silentLogger } from '../../support/test-core.ts';

const channel = { platform: 'slack', channelId: 'C1' } as const;
const request = { channel, context: { platform: 'slack' as const, userId: 'U1' }, lang: 'ja' as const };
const never = () => new Promise<never>(() => {});
const sqliteError = (code: string) => Object.assign(new Error(code), { code });

function digestsThat(fail: () => Promise<never>): DigestCommands {
  return { preview: fail, subscribe: fail, unsubscribe: fail, list: fail, status: fail };
}

describe('commands that need the store, when it is away', () => {
  it.each([
    ['SQLite disk full', () => Promise.reject(sqliteError('SQLITE_FULL'))],
    ['SQLite locked', () => Promise.reject(sqliteError('SQLITE_BUSY'))],
    ['no answer at all', never],
  ])('%s: a short refusal in the asker language', async (_what, fail) => {
    const commands = boundDigestCommands(digestsThat(fail), 20, silentLogger);
    const refusal = commands.list(request);
    await expect(refusal).rejects.toBeInstanceOf(UserFacingError);
    await expect(refusal).rejects.toThrow(/ストレージ/);
  });

  it('passes other errors through unchanged (a bug is not an outage)', async () => {
    const commands = boundDigestCommands(
      digestsThat(() => Promise.reject(new TypeError('bug'))),
      20,
      silentLogger,
    );
    await expect(commands.status(request)).rejects.toThrow(TypeError);
  });
});

describe('channel languages, when the store is slow', () => {
  it('uses the remembered language, then the default, instead of waiting', async () => {
    let answer: () => Promise<'ja' | undefined> = async () => 'ja';
    const store: ChannelSettings = { getLanguage: () => answer(), setLanguage: async () => {} };
    let now = 0;
    const settings = createCachedChannelSettings(store, {
      readBudgetMs: 20,
      writeBudgetMs: 20,
      freshForMs: 1000,
      now: () => now,
      logger: silentLogger,
    });
    expect(await settings.getLanguage(channel)).toBe('ja');
    answer = never;
    now = 5000;
    expect(await settings.getLanguage(channel)).toBe('ja');
    expect(await settings.getLanguage({ platform: 'slack', channelId: 'C2' })).toBeUndefined();
  });

  it('refuses `language` with "storage is unavailable" when the write cannot be made', async () => {
    const store: ChannelSettings = {
      getLanguage: async () => undefined,
      setLanguage: () => Promise.reject(sqliteError('SQLITE_FULL')),
    };
    const settings = createCachedChannelSettings(store, {
      readBudgetMs: 20,
      writeBudgetMs: 20,
      freshForMs: 1000,
      now: () => 0,
      logger: silentLogger,
    });
    await expect(settings.setLanguage(channel, 'en')).rejects.toThrow(/Storage is unavailable/);
    expect(await settings.getLanguage(channel)).toBeUndefined();
  });
});
