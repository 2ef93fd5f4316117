import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config.ts';

const oauth = {
  SLACK_CLIENT_ID: '1111.2222',
  SLACK_CLIENT_SECRET: 'client-secret',
  SLACK_STATE_SECRET: 'state-secret',
  SLACK_SIGNING_SECRET: 'signing-secret',
};

function problemsOf(environment: Record<string, string>): readonly string[] {
  try {
    loadConfig(environment);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  return [];
}

describe('Slack OAuth configuration', () => {
  it('enables Slack with the client id, secret and state secret and no bot token', () => {
    expect(loadConfig(oauth).slack).toEqual({
      signingSecret: 'signing-secret',
      oauth: { clientId: '1111.2222', clientSecret: 'client-secret', stateSecret: 'state-secret' },
    });
  });

  it('works in Socket Mode too, where the app token no longer needs a bot token', () => {
    expect(loadConfig({ ...oauth, SLACK_APP_TOKEN: 'xapp-1' }).slack?.appToken).toBe('xapp-1');
  });

  it('names each missing variable when only some of the three are set', () => {
    expect(problemsOf({ SLACK_CLIENT_ID: '1111.2222', SLACK_SIGNING_SECRET: 's' })).toEqual([
      expect.stringMatching(/^SLACK_CLIENT_SECRET: is required for Slack OAuth installs/),
      expect.stringMatching(/^SLACK_STATE_SECRET: is required for Slack OAuth installs/),
    ]);
  });

  it('asks for the signing secret, which still verifies every request', () => {
    const { SLACK_SIGNING_SECRET: _, ...withoutSigning } = oauth;
    expect(problemsOf(withoutSigning)).toEqual([
      expect.stringMatching(/^SLACK_SIGNING_SECRET: is required for Slack OAuth installs/),
    ]);
  });

  it('refuses a bot token next to OAuth, saying which one to drop', () => {
    expect(problemsOf({ ...oauth, SLACK_BOT_TOKEN: 'xoxb-1' })).toEqual([
      expect.stringMatching(/^SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID/),
    ]);
  });

  it('keeps single-workspace mode as it was', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: 's' }).slack).toEqual({
      botToken: 'xoxb-1',
      signingSecret: 's',
    });
    expect(problemsOf({ SLACK_APP_TOKEN: 'xapp-1' })).toContainEqual(
      expect.stringMatching(/^SLACK_BOT_TOKEN: is required when SLACK_APP_TOKEN is set/),
    );
  });
});
