import { afterEach, describe, expect, it } from 'vitest';
import { fakeWorkspace, slashCommandFrom, walkInstallFlow } from '../../../fakes/slack-oauth.ts';
import { readSlackManifest } from '../../../support/slack-manifest.ts';
import { CLIENT_ID, type OAuthHarness, startOAuthHarness } from './oauth-harness.ts';

const one = fakeWorkspace(1);
const two = fakeWorkspace(2);

let harness: OAuthHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('installing eujp into a workspace through Slack OAuth', () => {
  it("sends /slack/install straight to Slack's consent screen, asking for the manifest's scopes with a state", async () => {
    harness = await startOAuthHarness([one]);
    const install = await fetch(`${harness.baseUrl}/slack/install`, { redirect: 'manual' });

    expect(install.status).toBe(302);
    const authorize = new URL(install.headers.get('location') ?? '');
    expect(`${authorize.origin}${authorize.pathname}`).toBe('https://slack.com/oauth/v2/authorize');
    expect(authorize.searchParams.get('client_id')).toBe(CLIENT_ID);
    const manifest = await readSlackManifest();
    expect(authorize.searchParams.get('scope')?.split(',').sort()).toEqual(
      [...manifest.oauth_config.scopes.bot].sort(),
    );
    const state = authorize.searchParams.get('state');
    expect(state).toBeTruthy();
    // The same state goes to the browser as a cookie, so only that browser can finish the install.
    expect(install.headers.get('set-cookie')).toContain(`=${state}`);
  });

  it("stores the installation oauth.v2.access returns under the workspace's team id", async () => {
    harness = await startOAuthHarness([one]);
    const walk = await walkInstallFlow(harness.baseUrl, one.code);

    expect(walk.callback.status).toBe(200);
    const exchange = harness.api.callsTo('oauth.v2.access')[0];
    expect(exchange?.params).toMatchObject({ code: one.code, client_id: CLIENT_ID });
    const stored = await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(stored).toMatchObject({ teamId: 'T1', enterpriseId: null, isEnterpriseInstall: false });
    expect(stored?.installation).toMatchObject({
      team: { id: 'T1' },
      bot: { token: one.botToken, userId: one.botUserId, id: one.botId },
    });
  });

  it('refuses a redirect whose state this browser was never given, and stores nothing', async () => {
    harness = await startOAuthHarness([one]);
    const forged = await fetch(`${harness.baseUrl}/slack/oauth_redirect?code=${one.code}&state=forged`);

    expect(forged.status).toBeGreaterThanOrEqual(400);
    expect(harness.api.callsTo('oauth.v2.access')).toHaveLength(0);
    expect(await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' })).toBeUndefined();
  });

  it('answers /eujp from an installed workspace, and nothing from a workspace that never installed it', async () => {
    harness = await startOAuthHarness([one, two]);
    await walkInstallFlow(harness.baseUrl, one.code);

    const installed = await harness.post(
      slashCommandFrom(one, { text: 'quantum', responseUrl: harness.api.responseUrl('r1'), channelId: 'C1' }),
      'form',
    );
    const stranger = await harness.post(
      slashCommandFrom(two, { text: 'quantum', responseUrl: harness.api.responseUrl('r2'), channelId: 'C2' }),
      'form',
    );

    expect(installed.status).toBe(200);
    expect(JSON.stringify(installed.json().blocks)).toContain('Quantum');
    expect(stranger.body).toBe('');
    expect(harness.asked.map((request) => request.context.channel)).toEqual([
      { platform: 'slack', channelId: 'C1', workspaceId: 'T1' },
    ]);
  });

  it('files an org-wide Enterprise Grid install under the org, for every team in it', async () => {
    const grid = { ...fakeWorkspace(9), enterpriseId: 'E1', isEnterpriseInstall: true };
    harness = await startOAuthHarness([grid]);
    await walkInstallFlow(harness.baseUrl, grid.code);

    const stored = await harness.store.findInstallation({ platform: 'slack', workspaceId: 'E1' });
    expect(stored).toMatchObject({ teamId: null, enterpriseId: 'E1', isEnterpriseInstall: true });
    const answer = await harness.post(
      slashCommandFrom(grid, { text: 'help', responseUrl: harness.api.responseUrl('g'), channelId: 'CG' }),
      'form',
    );
    expect(answer.json().blocks).toBeDefined();
    expect(harness.asked[0]?.context.channel).toEqual({
      platform: 'slack',
      channelId: 'CG',
      workspaceId: 'E1',
    });
  });
});
