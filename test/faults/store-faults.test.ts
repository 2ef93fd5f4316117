import { spawn } from 'node:child_process';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Core } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import type { Logger, RequestContext } from '../../src/core/ports.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import { createFakePublisher, type FakePublisher } from '../fakes/fake-publisher.ts';
import { fixedClock, loadRealLibrary } from '../support/test-core.ts';

// A store that fails under us: the SQLite file locked or the disk full while recording a delivery. The bot keeps
// answering, loses no subscription and no digest, and logs one clear line per incident.

const channel = { platform: 'discord' as const, channelId: '42', workspaceId: 'G1' };
const moderator: RequestContext = { channel, userId: 'U1', canManageChannel: true };
const clock = fixedClock(new Date('2026-11-30T07:00:00Z'));
const SLOT = new Date('2026-11-30T08:00:00Z');

let temp: ReturnType<typeof createTempDir>;
let publisher: FakePublisher;
const errors: string[] = [];
const logger: Logger = { debug() {}, info() {}, warn() {}, error: (_obj, msg) => errors.push(String(msg)) };

beforeEach(() => {
  temp = createTempDir();
  publisher = createFakePublisher({ platform: 'discord', clock });
  errors.length = 0;
});
afterEach(() => temp.cleanup());

async function startBot(store: Store): Promise<{ core: Core; digests: DigestService }> {
  const library = await loadRealLibrary();
  const digests = createDigestService({
    store,
    getLibrary: () => library,
    clock,
    logger,
    publishers: new Map([['discord', publisher]]),
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
  });
  const core = createCore({
    getLibrary: () => library,
    digests: digests.commands,
    settings: store,
    clock,
    logger,
  });
  return { core, digests };
}

/** The real store, except that recording a sent digest fails once as a full disk would. */
function withFullDiskOnConfirm(store: Store): Store {
  let failed = false;
  return new Proxy(store, {
    get(target, property, receiver) {
      const value = Reflect.get(target, property, receiver);
      if (property !== 'confirmDelivery' || typeof value !== 'function') {
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return async (...args: unknown[]) => {
        if (!failed) {
          failed = true;
          throw Object.assign(new Error('database or disk is full'), { code: 'SQLITE_FULL' });
        }
        return value.apply(target, args);
      };
    },
  });
}

describe('storage faults while delivering digests', () => {
  it('keeps answering when the disk is full as a sent digest is recorded, and loses nothing over a restart', async () => {
    const file = temp.path('eujp.sqlite');
    const realStore = createSqliteStore(file);
    const first = await startBot(withFullDiskOnConfirm(realStore));
    await first.core.handle('subscribe daily 09:00 tz=Europe/Brussels quantum', moderator);
    const [subscription] = await realStore.listChannelSubscriptions(channel);

    await first.digests.runSlot(subscription!.cron, subscription!.timeZone, SLOT);
    await first.digests.idle();
    expect(publisher.messagesTo('42')).toHaveLength(1);
    expect(errors).toEqual(['digest sent but not recorded; a restart may send it once more']);

    // Commands still work on the same store: the fault was one write, not the bot.
    expect((await first.core.handle('quantum', moderator)).type).toBe('briefing');
    expect((await first.core.handle('subscriptions', moderator)).sections[0]?.items).toHaveLength(1);

    await first.digests.stop();
    await realStore.close();
    const reopened = createSqliteStore(file);
    const second = await startBot(reopened);
    await second.digests.start();
    await second.digests.idle();
    // No loss, and at most the one resend the log line announced.
    const sent = publisher.messagesTo('42').length;
    expect(sent).toBeGreaterThanOrEqual(1);
    expect(sent).toBeLessThanOrEqual(2);
    expect(await reopened.listChannelSubscriptions(channel)).toHaveLength(1);
    await second.digests.stop();
    await reopened.close();
  });

  it('waits out a write lock held by another process instead of failing the command', async () => {
    const file = temp.path('eujp.sqlite');
    const store = createSqliteStore(file);
    const bot = await startBot(store);
    const locker = await holdWriteLock(file, 800);
    try {
      const reply = await bot.core.handle(
        'subscribe weekly mon 09:00 tz=Asia/Tokyo semiconductors',
        moderator,
      );
      expect(reply.type).toBe('subscription');
      expect(await store.listChannelSubscriptions(channel)).toHaveLength(1);
    } finally {
      await locker;
      await bot.digests.stop();
      await store.close();
    }
  });
});

/** Another process takes SQLite's write lock on `file` and holds it for `ms`; resolves when it is held. */
function holdWriteLock(file: string, ms: number): Promise<Promise<void>> {
  const script = `
    const db = require('better-sqlite3')(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    process.stdout.write('locked\\n');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, Number(process.argv[2]));
  `;
  const child = spawn(process.execPath, ['-e', script, file, String(ms)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const released = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  return new Promise((resolve, reject) => {
    child.stdout.once('data', () => resolve(released));
    child.once('error', reject);
  });
}
