import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BriefingLibrary } from '../../src/core/briefings/briefing.ts';
import type { Core, RequestContext } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import type { ChannelRef, Clock } from '../../src/core/ports.ts';
import type { Language, Reply } from '../../src/core/reply.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { fixedClock, loadRealLibrary, silentLogger } from '../support/test-core.ts';

export const SLACK_CHANNEL: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const member: RequestContext = { channel: SLACK_CHANNEL, userId: 'U1', canManageChannel: true };
const consoleContext: RequestContext = {
  channel: { platform: 'console', channelId: 'console' },
  userId: 'console',
};

/** A core over the real briefings with real digests on a SQLite file, as the bot composes it. */
export interface ReplyWorld {
  core: Core;
  store: Store;
  library: BriefingLibrary;
  close(): Promise<void>;
}

export async function createReplyWorld(
  options: { maxSubscriptionsPerChannel?: number; clock?: Clock } = {},
): Promise<ReplyWorld> {
  const clock = options.clock ?? fixedClock();
  const dir = mkdtempSync(path.join(tmpdir(), 'eujp-replies-'));
  const store = createSqliteStore(path.join(dir, 'eujp.sqlite'));
  const library = await loadRealLibrary();
  const digests: DigestService = createDigestService({
    store,
    getLibrary: () => library,
    clock,
    logger: silentLogger,
    publishers: new Map(),
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
    ...(options.maxSubscriptionsPerChannel === undefined
      ? {}
      : { maxSubscriptionsPerChannel: options.maxSubscriptionsPerChannel }),
  });
  const core = createCore({
    getLibrary: () => library,
    digests: digests.commands,
    settings: store,
    clock,
    logger: silentLogger,
    rateLimits: false,
  });
  return {
    core,
    store,
    library,
    close: async () => {
      await digests.stop();
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/**
 * One of every reply the core gives, in `lang`: each reply type, each refusal, each step of
 * `unsubscribe all`, in a chat channel, in the console and from the CLI.
 */
export async function everyReply(world: ReplyWorld, lang: Language): Promise<Array<[string, Reply]>> {
  const replies: Array<[string, Reply]> = [];
  const ask = async (text: string, context: RequestContext = member) => {
    const reply = await world.core.handle(`${text} lang=${lang}`, context);
    replies.push([text, reply]);
    return reply;
  };
  for (const text of [
    'help',
    'help subscribe',
    'help unsubscribe',
    'help briefing',
    'help language',
    'help nonsense',
    'topics',
    'semiconductors',
    'sources quantum',
    'search data',
    'timeline',
    'timeline hpc',
    'digest',
    'digest quantum',
    'search zzzzqqq',
    'zzzzqqq',
    'sources',
    'search',
    'subscribe',
    'subscribe daily',
    'subscribe weekly 09:00',
    'subscribe weekly mon',
    'subscribe cron',
    'subscribe cron 0 9 * *',
    'subscribe cron "61 9 * * *"',
    'subscribe cron "0 25 32 13 8"',
    'subscribe cron "0 9 L * *"',
    'subscribe cron "*/5 * * * *"',
    'subscribe cron "0 9"',
    'subscribe cron "0 0 30 2 *"',
    'subscribe daily 25:00',
    'subscribe weekly someday 09:00',
    'subscribe daily 09:00 tz=IST',
    'subscribe daily 09:00 tz=Asia/Tokio',
    'subscribe daily 09:00 tz=Mars/Olympus',
    'subscribe daily 09:00 astrology',
    'unsubscribe',
    'unsubscribe all',
    'subscribe daily 09:00 tz=tokyo quantum',
    'subscribe daily 09:00 tz=tokyo quantum',
    'subscriptions',
    'status',
    'unsubscribe 5',
    'unsubscribe two',
    'unsubscribe 1',
    'subscribe daily 09:00 quantum',
    'subscribe cron 0 9 * * 1-5',
    'unsubscribe',
    'unsubscribe all zzzzzz-00',
    'unsubscribe all 1-00',
  ])
    await ask(text);
  const prompt = await ask('unsubscribe all');
  const confirm = prompt.actions[0]?.command.replace(/ lang=\w+$/, '') ?? 'unsubscribe all';
  await ask(confirm);
  await ask('subscribe daily 07:00');
  await ask('subscribe daily 08:00');
  await ask('language fr');
  await ask('language');
  await ask('x'.repeat(600));
  await ask('subscribe daily 09:00', { ...member, canManageChannel: false });
  await ask('language ja', { ...member, canManageChannel: false });
  await ask('help', consoleContext);
  await ask('help subscribe', consoleContext);
  await ask('subscribe daily 09:00', consoleContext);
  await ask('status', consoleContext);
  await ask(`language ${lang}`, consoleContext);
  await ask('language ja', {});
  await ask('subscriptions', {});
  return replies;
}
