import { afterEach, describe, expect, it } from 'vitest';
import { fakeWorkspace, walkInstallFlow } from '../../../fakes/slack-oauth.ts';
import { captureLog } from '../../../logging/capture-log.ts';
import {
  CLIENT_SECRET,
  type OAuthHarness,
  SIGNING_SECRET,
  STATE_SECRET,
  startOAuthHarness,
} from './oauth-harness.ts';

// A grant as Slack issues it, and a short one no shape could recognise: only its key gives it away.
const workspace = {
  ...fakeWorkspace(1),
  code: '1234567890123.4567890123456.0123456789abcdef0123456789abcdef',
};
const oddWorkspace = { ...fakeWorkspace(2), code: 'plain-grant-42' };

let harness: OAuthHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  harness = undefined;
});

describe('secrets in the log of an OAuth install at LOG_LEVEL=debug', () => {
  it('never writes the client secret, the other configured secrets or the OAuth code', async () => {
    const log = captureLog('debug', [CLIENT_SECRET, STATE_SECRET, SIGNING_SECRET]);
    harness = await startOAuthHarness([workspace, oddWorkspace], { logger: log.logger });
    const first = await walkInstallFlow(harness.baseUrl, workspace.code);
    const second = await walkInstallFlow(harness.baseUrl, oddWorkspace.code);
    expect([first.callback.status, second.callback.status]).toEqual([200, 200]);

    const text = log.text();
    // Bolt's WebClient logged the exchange: the lines are there, the secrets are not.
    expect(text).toContain('oauth.v2.access');
    for (const secret of [CLIENT_SECRET, STATE_SECRET, SIGNING_SECRET, workspace.code, oddWorkspace.code]) {
      expect(text).not.toContain(secret);
    }
    expect(text).not.toContain(workspace.botToken);
  });
});
