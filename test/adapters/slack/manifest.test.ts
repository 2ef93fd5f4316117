import { describe, expect, it } from 'vitest';
import { SLACK_COMMAND } from '../../../src/adapters/slack/register-slash-command.ts';
import { readSlackManifest } from '../../support/slack-manifest.ts';

describe('the Slack app manifest', () => {
  it('declares what the adapter listens to, with only the scopes it uses', async () => {
    const manifest = await readSlackManifest();
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      SLACK_COMMAND,
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention', 'app_home_opened']);
    expect(manifest.features.app_home).toEqual({
      home_tab_enabled: true,
      messages_tab_enabled: false,
      messages_tab_read_only_enabled: false,
    });
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'channels:read',
      'chat:write',
      'chat:write.public',
      'commands',
      'groups:read',
      'users:read',
    ]);
  });
});
