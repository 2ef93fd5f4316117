import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeWorkspace, slashCommandFrom, walkInstallFlow } from '../../../fakes/slack-oauth.ts';
import { type OAuthHarness, startOAuthHarness } from './oauth-harness.ts';

const workspace = fakeWorkspace(1);
let harness: OAuthHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('OAuth installs with EUJP_ENCRYPTION_KEYS, through Bolt', () => {
  it('keeps the bot token out of the store, and still answers the workspace with it', async () => {
    harness = await startOAuthHarness([workspace], { encryptionKeys: [{ id: 'k1', key: randomBytes(32) }] });
    expect((await walkInstallFlow(harness.baseUrl, workspace.code)).callback.status).toBe(200);

    const raw = await harness.store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(raw?.installation).toMatchObject({ eujpSealed: 1, keyId: 'k1' });
    expect(JSON.stringify(raw)).not.toContain(workspace.botToken);

    const answer = await harness.post(
      slashCommandFrom(workspace, {
        text: 'quantum',
        responseUrl: harness.api.responseUrl('r'),
        channelId: 'C1',
      }),
      'form',
    );
    expect(JSON.stringify(answer.json().blocks)).toContain('Quantum');
  });
});
