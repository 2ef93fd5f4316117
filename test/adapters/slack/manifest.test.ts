import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_COMMAND } from '../../../src/adapters/slack/register-slash-command.ts';

const manifestPath = path.resolve(import.meta.dirname, '../../../slack/manifest.yaml');

describe('the Slack app manifest', () => {
  it('declares what the adapter listens to, with only the scopes it uses', async () => {
    const manifest = parse(await readFile(manifestPath, 'utf8'));
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      SLACK_COMMAND,
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(['app_mention']);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([
      'app_mentions:read',
      'chat:write',
      'chat:write.public',
      'commands',
    ]);
  });
});
