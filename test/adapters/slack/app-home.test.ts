import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { HOME_ACTION } from '../../../src/adapters/slack/home/to-home-view.ts';
import { createHomeSource } from '../../../src/app/create-home-source.ts';
import { createDigestService } from '../../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../../core/digests/digest-fixtures.ts';
import type { RecordedCall } from '../../fakes/fake-slack-api.ts';
import { appHomeOpenedBody, buttonClickBody, slashCommandBody } from '../../fakes/slack-requests.ts';
import { createTestCore, fixedClock, loadRealLibrary, silentLogger } from '../../support/test-core.ts';
import { type SlackHarness, startSlackHarness } from './slack-harness.ts';

let temp: ReturnType<typeof createTempDir>;
let store: Store;
let harness: SlackHarness;
let locale: string;
let members: string[];

beforeEach(async () => {
  temp = createTempDir();
  store = createSqliteStore(temp.path('eujp.sqlite'));
  locale = 'en-US';
  members = ['U1'];
  const library = await loadRealLibrary();
  // The digests commands over the same store, never started: nothing is sent by these tests.
  const digests = createDigestService({
    store,
    getLibrary: () => library,
    clock: fixedClock(),
    logger: silentLogger,
    publishers: new Map(),
    defaultTimeZone: 'Europe/Brussels',
  });
  harness = await startSlackHarness({
    core: await createTestCore({ digests: digests.commands, settings: store }),
    home: createHomeSource({
      store,
      getLibrary: () => library,
      clock: fixedClock(),
      defaultTimeZone: 'Europe/Brussels',
    }),
    answer: (call) => {
      if (call.method === 'users.info') return { ok: true, user: { id: call.params.user, locale } };
      if (call.method === 'conversations.members') return { ok: true, members, response_metadata: {} };
      return undefined;
    },
  });
});
afterEach(async () => {
  await harness?.stop();
  await store.close();
  temp.cleanup();
});

async function subscribe(count: number): Promise<void> {
  for (let i = 0; i < count; i++) {
    await store.addSubscription({
      channel: { platform: 'slack', channelId: `C${100 + i}`, workspaceId: 'T1' },
      schedule: 'weekly mon 09:00',
      cron: '0 9 * * 1',
      timeZone: 'Asia/Tokyo',
      topics: ['quantum'],
      lang: 'en',
      createdAt: new Date('2026-11-01T00:00:00Z'),
    });
  }
}

let eventCounter = 1;
async function openHome(user = 'U1'): Promise<void> {
  const result = await harness.post(
    appHomeOpenedBody({ user, eventTs: `1700001000.${String(eventCounter++).padStart(6, '0')}` }),
    'json',
  );
  expect(result.status).toBe(200);
}

interface Block {
  type: string;
  text?: { text: string };
  elements?: Array<{ type: string; text?: string | { text: string }; action_id?: string; value?: string }>;
  accessory?: { action_id: string; value: string; text: { text: string } };
}

function viewOf(call: RecordedCall): { type: string; blocks: Block[] } {
  return JSON.parse(call.params.view ?? '{}');
}

/** Slack's limits for a Home view and the blocks in it. */
function expectValidHomeView(view: { type: string; blocks: Block[] }): void {
  expect(view.type).toBe('home');
  expect(view.blocks.length).toBeGreaterThan(0);
  expect(view.blocks.length).toBeLessThanOrEqual(100);
  const actionIds: string[] = [];
  for (const block of view.blocks) {
    if (block.type === 'header') expect(block.text!.text.length).toBeLessThanOrEqual(150);
    if (block.type === 'section') {
      expect(block.text!.text.length).toBeGreaterThan(0);
      expect(block.text!.text.length).toBeLessThanOrEqual(3000);
    }
    if (block.type === 'context') expect(block.elements!.length).toBeLessThanOrEqual(10);
    if (block.type === 'actions') {
      expect(block.elements!.length).toBeGreaterThan(0);
      expect(block.elements!.length).toBeLessThanOrEqual(25);
    }
    const buttons = [
      ...(block.type === 'actions' ? (block.elements ?? []) : []),
      ...(block.accessory ? [block.accessory] : []),
    ];
    for (const button of buttons as Array<{ action_id: string; value: string; text: { text: string } }>) {
      expect(button.text.text.length).toBeLessThanOrEqual(75);
      expect(button.value.length).toBeLessThanOrEqual(2000);
      actionIds.push(button.action_id);
    }
  }
  expect(new Set(actionIds).size).toBe(actionIds.length);
}

describe('the Slack Home tab through Bolt', () => {
  for (const [lang, userLocale, heading] of [
    ['English', 'en-US', 'What’s new'],
    ['Japanese', 'ja-JP', '最新の動き'],
  ] as const) {
    for (const count of [0, 1, 60]) {
      it(`publishes a valid view in ${lang} with ${count} subscriptions`, async () => {
        locale = userLocale;
        await subscribe(count);
        await openHome();
        const call = await harness.api.waitForCall('views.publish');
        expect(call.params.user_id).toBe('U1');
        const view = viewOf(call);
        expectValidHomeView(view);
        const text = JSON.stringify(view);
        expect(text).toContain(heading);
        expect(text).toContain(`${HOME_ACTION.topic}semiconductors`);
        if (count > 0) expect(text).toContain('<#C100>');
        if (count === 60) {
          expect(text).toContain(lang === 'English' ? 'Page 1 of 6' : '1/6 ページ');
          expect(text).not.toContain('<#C110>');
        }
      });
    }
  }

  it('pages through the subscriptions', async () => {
    await subscribe(60);
    await openHome();
    await harness.api.waitForCall('views.publish');
    await harness.post(
      buttonClickBody({
        actionId: `${HOME_ACTION.page}next`,
        value: '2',
        responseUrl: harness.api.responseUrl('r'),
      }),
      'form',
    );
    const second = viewOf(await harness.api.waitForCall('views.publish', 2));
    expect(JSON.stringify(second)).toContain('<#C110>');
    expect(JSON.stringify(second)).toContain('Page 2 of 6');
  });

  it('opens a topic as a modal with the briefing and its sources', async () => {
    await harness.post(
      buttonClickBody({
        actionId: `${HOME_ACTION.topic}quantum`,
        value: 'quantum',
        responseUrl: harness.api.responseUrl('r'),
      }),
      'form',
    );
    const call = await harness.api.waitForCall('views.open');
    const view = JSON.parse(call.params.view ?? '{}');
    expect(view.type).toBe('modal');
    expect(JSON.stringify(view.blocks)).toContain('Quantum');
    expect(JSON.stringify(view.blocks)).toContain('Sources');
    expect(JSON.stringify(view.blocks)).not.toContain('eujp:share:');
  });

  it('lets a member of the channel unsubscribe it from Home, tells the channel and republishes', async () => {
    await subscribe(1);
    await openHome();
    await harness.api.waitForCall('views.publish');
    const [subscription] = await store.listWorkspaceSubscriptions('slack', 'T1');
    await harness.post(
      buttonClickBody({
        actionId: `${HOME_ACTION.unsubscribe}${subscription!.id}`,
        value: JSON.stringify({ c: 'C100', s: subscription!.id }),
        responseUrl: harness.api.responseUrl('r'),
      }),
      'form',
    );
    const told = await harness.api.waitForCall('chat.postMessage');
    expect(told.params.channel).toBe('C100');
    expect(told.params.blocks).toContain('By alice');
    const after = viewOf(await harness.api.waitForCall('views.publish', 2));
    expect(JSON.stringify(after)).not.toContain('<#C100>');
    expect(await store.listWorkspaceSubscriptions('slack', 'T1')).toEqual([]);
  });

  it('refuses to unsubscribe a channel the member is not in, and says why', async () => {
    await subscribe(1);
    members = ['U2'];
    const [subscription] = await store.listWorkspaceSubscriptions('slack', 'T1');
    await harness.post(
      buttonClickBody({
        actionId: `${HOME_ACTION.unsubscribe}${subscription!.id}`,
        value: JSON.stringify({ c: 'C100', s: subscription!.id }),
        responseUrl: harness.api.responseUrl('r'),
      }),
      'form',
    );
    const notice = await harness.api.waitForCall('views.open');
    expect(notice.params.view).toContain('Only members of that channel');
    expect(await store.listWorkspaceSubscriptions('slack', 'T1')).toHaveLength(1);
  });

  it('republishes for a recent viewer after a subscription changes in a channel', async () => {
    await openHome();
    const before = viewOf(await harness.api.waitForCall('views.publish'));
    expect(JSON.stringify(before)).not.toContain('<#C1>');
    await harness.post(
      slashCommandBody({ text: 'subscribe daily 09:00 quantum', responseUrl: harness.api.responseUrl('r') }),
      'form',
    );
    const after = viewOf(await harness.api.waitForCall('views.publish', 2));
    expect(JSON.stringify(after)).toContain('<#C1>');
  });

  it('logs a refused publish and publishes again at the next opening', async () => {
    harness.api.failNext('views.publish', { status: 500 });
    await openHome();
    await harness.api.waitForCall('views.publish');
    await openHome();
    const second = await harness.api.waitForCall('views.publish', 2);
    expectValidHomeView(viewOf(second));
  });

  it('collapses a burst of openings by one user into few publishes, waiting out a 429', async () => {
    harness.api.failNext('views.publish', { status: 429, retryAfterSeconds: 2 });
    await Promise.all(Array.from({ length: 20 }, () => openHome()));
    await harness.api.waitForCall('views.publish', 2);
    expect(harness.api.callsTo('views.publish').length).toBeLessThanOrEqual(3);
  });
});
