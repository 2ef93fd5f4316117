import { afterEach, describe, expect, it } from 'vitest';
import {
  appMentionFrom,
  type FakeWorkspace,
  fakeWorkspace,
  slashCommandFrom,
  uninstallEventFrom,
  walkInstallFlow,
} from '../../../fakes/slack-oauth.ts';
import { type OAuthHarness, startOAuthHarness } from './oauth-harness.ts';

const one = fakeWorkspace(1);
const two = fakeWorkspace(2);
const channelOf = (workspace: FakeWorkspace) => `C${workspace.teamId}`;

let harness: OAuthHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

async function installBoth(): Promise<OAuthHarness> {
  const started = await startOAuthHarness([one, two]);
  await walkInstallFlow(started.baseUrl, one.code);
  await walkInstallFlow(started.baseUrl, two.code);
  return started;
}

async function subscribe(started: OAuthHarness, workspace: FakeWorkspace): Promise<void> {
  const response = await started.post(
    slashCommandFrom(workspace, {
      text: 'subscribe daily 09:00 tz=Asia/Tokyo quantum',
      responseUrl: started.api.responseUrl(`sub-${workspace.teamId}`),
      channelId: channelOf(workspace),
    }),
    'form',
  );
  expect(JSON.stringify(response.json())).toContain('Digest subscribed');
}

describe('eujp installed in several workspaces', () => {
  it("answers a mention in each workspace with that workspace's own bot token", async () => {
    harness = await installBoth();
    for (const [n, workspace] of [one, two].entries()) {
      const body = appMentionFrom(workspace, {
        text: `<@${workspace.botUserId}> quantum`,
        ts: `1700000001.00000${n}`,
        channelId: channelOf(workspace),
      });
      expect((await harness.post(body, 'json')).status).toBe(200);
    }

    const posts = harness.api.callsTo('chat.postMessage');
    expect(posts.map((call) => [call.params.channel, call.authorization])).toEqual([
      ['CT1', 'Bearer xoxb-T1'],
      ['CT2', 'Bearer xoxb-T2'],
    ]);
    // The bot's own mention was recognised from the installation's bot user id.
    expect(harness.asked.map((request) => request.text)).toEqual(['quantum', 'quantum']);
  });

  it("posts each workspace's scheduled digest with that workspace's token", async () => {
    harness = await installBoth();
    await subscribe(harness, one);
    await subscribe(harness, two);
    const [subscription] = await harness.store.listEnabledSubscriptions();
    expect(subscription?.channel.workspaceId).toBe('T1');

    // 09:00 in Tokyo on the day after subscribing.
    harness.setNow('2026-11-03T00:00:30Z');
    await harness.digests.runSlot(subscription!.cron, 'Asia/Tokyo', new Date('2026-11-03T00:00:00Z'));
    await harness.digests.idle();

    const posts = harness.api.callsTo('chat.postMessage');
    expect(posts.map((call) => [call.params.channel, call.authorization]).sort()).toEqual([
      ['CT1', 'Bearer xoxb-T1'],
      ['CT2', 'Bearer xoxb-T2'],
    ]);
    const sent = await harness.store.listChannelDeliveries(
      { platform: 'slack', channelId: 'CT1', workspaceId: 'T1' },
      1,
    );
    expect(sent[0]?.state).toBe('sent');
  });

  it('forgets a workspace that uninstalls eujp: its installation and subscriptions, not the others', async () => {
    harness = await installBoth();
    await subscribe(harness, one);
    await subscribe(harness, two);

    const uninstalled = await harness.post(
      uninstallEventFrom(one, 'app_uninstalled', 'EvUninstall1'),
      'json',
    );

    expect(uninstalled.status).toBe(200);
    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' })).toBeUndefined();
    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T2' })).toBeDefined();
    const remaining = await harness.store.listEnabledSubscriptions();
    expect(remaining.map((subscription) => subscription.channel.workspaceId)).toEqual(['T2']);

    // With the installation gone, the uninstalled workspace is no longer answered.
    const asked = harness.asked.length;
    const after = await harness.post(
      slashCommandFrom(one, {
        text: 'quantum',
        responseUrl: harness.api.responseUrl('late'),
        channelId: 'CT1',
      }),
      'form',
    );
    expect(after.body).toBe('');
    expect(harness.asked).toHaveLength(asked);
  });

  it('forgets a workspace whose bot token is revoked, the same way', async () => {
    harness = await installBoth();
    await subscribe(harness, two);

    await harness.post(uninstallEventFrom(two, 'tokens_revoked', 'EvRevoked2'), 'json');

    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T2' })).toBeUndefined();
    expect(await harness.store.listEnabledSubscriptions()).toEqual([]);
    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' })).toBeDefined();
  });

  it('forgets every team of an org that uninstalls an org-wide install', async () => {
    const grid = { ...fakeWorkspace(9), enterpriseId: 'E1', isEnterpriseInstall: true };
    harness = await startOAuthHarness([grid]);
    await walkInstallFlow(harness.baseUrl, grid.code);
    await subscribe(harness, grid);

    await harness.post(uninstallEventFrom(grid, 'app_uninstalled', 'EvUninstallGrid'), 'json');

    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'E1' })).toBeUndefined();
    expect(await harness.store.listEnabledSubscriptions()).toEqual([]);
  });

  it('sends the digest of an org-wide install with the org token, for a channel in any of its teams', async () => {
    const grid = { ...fakeWorkspace(9), enterpriseId: 'E1', isEnterpriseInstall: true };
    harness = await startOAuthHarness([grid]);
    await walkInstallFlow(harness.baseUrl, grid.code);
    await subscribe(harness, grid);
    const [subscription] = await harness.store.listEnabledSubscriptions();
    expect(subscription?.channel.workspaceId).toBe('E1');

    harness.setNow('2026-11-03T00:00:30Z');
    await harness.digests.runSlot(subscription!.cron, 'Asia/Tokyo', new Date('2026-11-03T00:00:00Z'));
    await harness.digests.idle();

    expect(harness.api.callsTo('chat.postMessage').map((call) => call.authorization)).toEqual([
      'Bearer xoxb-T9',
    ]);
  });
});
