import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toSlackMessage } from '../../src/adapters/slack/to-slack-message.ts';
import type { Core } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import type { ChannelRef, RequestContext } from '../../src/core/ports.ts';
import type { Reply } from '../../src/core/reply.ts';
import { REPLY_TYPES } from '../../src/core/reply.ts';
import { isTopicId } from '../../src/core/topics/topic-ids.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import { fixedClock, loadRealLibrary, silentLogger } from '../support/test-core.ts';
import { hostileCommand, hostileText } from './hostile-text.ts';
import { propertyRuns } from './property-runs.ts';
import { expectNoSlackFormattingInjection, expectSafeEverywhere } from './render-checks.ts';

/** Who asks from where: any platform, any locale string, with or without the right to manage. */
const requestContext: fc.Arbitrary<RequestContext> = fc.record(
  {
    channel: fc.record({
      platform: fc.constantFrom('slack' as const, 'discord' as const, 'console' as const),
      channelId: fc.constantFrom('C1', '42', 'local'),
      workspaceId: fc.constantFrom('T1', 'G1'),
    }),
    userId: fc.constantFrom('U1', '<@U2>', '@everyone'),
    locale: fc.oneof(fc.constantFrom('en-US', 'ja', 'ja-JP', 'fr', ''), hostileText(3, 40)),
    canManageChannel: fc.boolean(),
  },
  { requiredKeys: [] },
);

function allReplyText(reply: Reply): string[] {
  return [
    reply.title,
    reply.summary ?? '',
    reply.footer ?? '',
    ...reply.sections.flatMap((section) => [
      section.heading ?? '',
      ...section.paragraphs,
      ...section.items.flatMap((item) => [item.label ?? '', item.text, item.date ?? '']),
    ]),
    ...reply.actions.map((action) => action.label),
  ];
}

/** What the core itself promises for any input, before any renderer is involved. */
function expectWellFormedReply(reply: Reply): void {
  expect(REPLY_TYPES).toContain(reply.type);
  expect(['en', 'ja']).toContain(reply.lang);
  expect(['private', 'public']).toContain(reply.visibility);
  expect(reply.title.trim()).not.toBe('');
  expect(reply.topic === null || isTopicId(reply.topic)).toBe(true);
  for (const topic of reply.suggestions) expect(isTopicId(topic)).toBe(true);
  for (const action of reply.actions) {
    expect(action.command.trim()).not.toBe('');
    expect(action.command.length).toBeLessThanOrEqual(80);
  }
  const text = allReplyText(reply);
  // Input is cleaned of bidi overrides and invisible characters before anything is echoed.
  for (const part of text) expect(part).not.toMatch(/[\u202a-\u202e\u2066-\u2069\u200b-\u200d\u2060\ufeff]/u);
  // An echo is bounded whatever was typed: 10,000 characters in never means 10,000 out.
  expect(text.join('').length).toBeLessThan(60_000);
}

describe('any text through the core (no store)', () => {
  let core: Core;
  beforeAll(async () => {
    const library = await loadRealLibrary();
    // The rate limiter is tested on its own; here one user sends hundreds of commands on purpose.
    core = createCore({
      getLibrary: () => library,
      clock: fixedClock(),
      logger: silentLogger,
      rateLimits: false,
    });
  });

  it('answers every input with a well-formed reply that every renderer keeps within limits and inert', async () => {
    await fc.assert(
      fc.asyncProperty(
        hostileCommand,
        requestContext,
        fc.option(hostileText(6, 120)),
        async (text, context, sharer) => {
          const reply = await core.handle(text, context);
          expectWellFormedReply(reply);
          expectSafeEverywhere(reply, sharer === null ? {} : { sharedBy: sharer });
        },
      ),
      propertyRuns(200),
    );
  });

  // Discord counts these limits in code points (its API is Python 3: discord-api-docs#1315).
  it('answers autocomplete for any partial text with at most 25 choices of at most 100 characters', () => {
    fc.assert(
      fc.property(hostileCommand, fc.constantFrom('en' as const, 'ja' as const), (partial, lang) => {
        const choices = core.autocomplete(partial, { lang });
        expect(choices.length).toBeLessThanOrEqual(25);
        for (const choice of choices) {
          expect([...choice.name].length).toBeGreaterThan(0);
          expect([...choice.name].length).toBeLessThanOrEqual(100);
          expect([...choice.value].length).toBeLessThanOrEqual(100);
        }
      }),
      propertyRuns(200),
    );
  });

  // Slack has no backslash escape: escapeSlackText breaks the markers with zero-width spaces.
  it('does not let a user’s Slack formatting (*bold*, _italic_, ~strike~, `code`) through', async () => {
    await fc.assert(
      fc.asyncProperty(hostileCommand, requestContext, async (text, context) => {
        expectNoSlackFormattingInjection(toSlackMessage(await core.handle(text, context)));
      }),
      propertyRuns(150),
    );
  });
});

describe('any text through the core with digests over a real SQLite store', () => {
  const channel: ChannelRef = { platform: 'discord', channelId: '42', workspaceId: 'G1' };
  let temp: ReturnType<typeof createTempDir>;
  let store: Store;
  let service: DigestService;
  let core: Core;

  beforeAll(async () => {
    temp = createTempDir();
    store = createSqliteStore(temp.path('eujp.sqlite'));
    const library = await loadRealLibrary();
    service = createDigestService({
      store,
      getLibrary: () => library,
      clock: fixedClock(),
      logger: silentLogger,
      publishers: new Map(),
      defaultTimeZone: 'Europe/Brussels',
      schedule: false,
    });
    core = createCore({
      getLibrary: () => library,
      digests: service.commands,
      settings: store,
      clock: fixedClock(),
      logger: silentLogger,
      rateLimits: false,
    });
  });
  afterAll(async () => {
    await service.stop();
    await store.close();
    temp.cleanup();
  });

  // Mostly hostile text, sometimes a command that really does change the channel.
  const command = fc.oneof(
    { weight: 8, arbitrary: hostileCommand },
    {
      weight: 2,
      arbitrary: fc.constantFrom(
        'subscribe daily 09:00 quantum',
        'subscribe weekly fri 17:30 tz=Asia/Tokyo ai 半導体',
        'unsubscribe 1',
        'unsubscribe all',
        'language ja',
        'language en',
      ),
    },
  );

  it('changes the channel’s subscriptions and language only for a valid command from someone allowed', async () => {
    let changes = 0;
    await fc.assert(
      fc.asyncProperty(command, fc.option(fc.boolean(), { nil: undefined }), async (text, canManage) => {
        const context: RequestContext = {
          channel,
          userId: 'U1',
          ...(canManage === undefined ? {} : { canManageChannel: canManage }),
        };
        const subscriptionsBefore = await store.listChannelSubscriptions(channel);
        const languageBefore = await store.getLanguage(channel);
        const reply = await core.handle(text, context);
        const subscriptionsAfter = await store.listChannelSubscriptions(channel);
        const languageAfter = await store.getLanguage(channel);

        expectWellFormedReply(reply);
        expectSafeEverywhere(reply);
        if (subscriptionsAfter.length !== subscriptionsBefore.length || languageAfter !== languageBefore) {
          expect(canManage).not.toBe(false);
          expect(core.isChannelManagementCommand(text)).toBe(true);
          expect(['subscription', 'status']).toContain(reply.type);
          changes += 1;
        } else {
          expect(subscriptionsAfter).toEqual(subscriptionsBefore);
        }
      }),
      propertyRuns(150),
    );
    // The property is only meaningful if valid commands did change the store along the way.
    expect(changes).toBeGreaterThan(0);
  });
});
