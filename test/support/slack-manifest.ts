import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { load } from 'js-yaml';

/** The parts of slack/manifest.yaml the tests check. */
export interface SlackManifest {
  features: { slash_commands: Array<{ command: string }>; app_home?: Record<string, boolean> };
  settings: {
    event_subscriptions: { bot_events: string[] };
    interactivity: { is_enabled: boolean };
    socket_mode_enabled: boolean;
  };
  oauth_config: { scopes: { bot: string[] } };
}

export const SLACK_MANIFEST_PATH = path.resolve(import.meta.dirname, '../../slack/manifest.yaml');

export async function readSlackManifest(): Promise<SlackManifest> {
  return load(await readFile(SLACK_MANIFEST_PATH, 'utf8')) as SlackManifest;
}
