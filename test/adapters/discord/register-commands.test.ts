import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { REST } from 'discord.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCommandDefinitions } from '../../../src/adapters/discord/command-definitions.ts';
import { registerCommands } from '../../../src/adapters/discord/register-commands.ts';
import { COMMAND_DESCRIPTORS } from '../../../src/core/commands/command-help.ts';
import { APP_ID, GUILD_ID } from '../../fakes/discord-interactions.ts';
import { type FakeDiscordApi, startFakeDiscordApi } from '../../fakes/fake-discord-api.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '../../..');
const SCRIPT = path.join(ROOT, 'src/adapters/discord/register-commands.ts');
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let api: FakeDiscordApi;
let emptyDir: string;

beforeAll(async () => {
  api = await startFakeDiscordApi();
  // Run the script where no .env file can fill in what a test leaves out.
  emptyDir = await mkdtemp(path.join(tmpdir(), 'eujp-register-'));
});

afterAll(async () => {
  await api?.close();
  if (emptyDir) await rm(emptyDir, { recursive: true, force: true });
});

function runScript(env: Record<string, string>, args: string[] = []) {
  const {
    DISCORD_TOKEN: _t,
    DISCORD_APP_ID: _a,
    DISCORD_GUILD_ID: _g,
    DISCORD_API_URL: _u,
    ...base
  } = process.env;
  return run(TSX, [SCRIPT, ...args], { cwd: emptyDir, env: { ...base, ...env } }).then(
    ({ stdout, stderr }) => ({ code: 0, stdout, stderr }),
    (error: { code: number; stdout: string; stderr: string }) => error,
  );
}

describe('npm run discord:register', () => {
  it('PUTs the command definitions, with Japanese localisations, to the guild when DISCORD_GUILD_ID is set', async () => {
    const result = await runScript({
      DISCORD_TOKEN: 'register-token',
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: GUILD_ID,
      DISCORD_API_URL: api.url,
    });
    expect(result.stderr).toBe('');
    expect(result.stdout).toMatch(/Registered \/eujp, \/eujp-manage in server/);
    const [put] = api.find('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    expect(put?.headers.authorization).toBe('Bot register-token');
    expect(put?.body).toEqual(buildCommandDefinitions(COMMAND_DESCRIPTORS));
    const [eujp] = (put?.body ?? []) as { description_localizations: { ja: string } }[];
    expect(eujp?.description_localizations.ja).toMatch(/日EUデジタルパートナーシップ/);
  });

  it('names the missing variable and exits non-zero', async () => {
    const result = await runScript({ DISCORD_TOKEN: 'register-token', DISCORD_API_URL: api.url });
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/DISCORD_APP_ID: is required/);
  });

  it('registers globally without a guild id', async () => {
    const rest = new REST({ api: api.url, retries: 0 }).setToken('register-token');
    const registration = await registerCommands({ rest, appId: APP_ID, descriptors: COMMAND_DESCRIPTORS });
    expect(registration).toEqual({ scope: 'global', names: ['eujp', 'eujp-manage'] });
    expect(api.find('PUT', new RegExp(`^/applications/${APP_ID}/commands$`))).toHaveLength(1);
  });

  it("clears the test server's copies once the commands are global (--clear-guild)", async () => {
    const env = { DISCORD_TOKEN: 'register-token', DISCORD_APP_ID: APP_ID, DISCORD_API_URL: api.url };
    const global = await runScript({ ...env, DISCORD_GUILD_ID: GUILD_ID }, ['--global']);
    expect(global.stdout).toMatch(/globally/);
    const cleared = await runScript({ ...env, DISCORD_GUILD_ID: GUILD_ID }, ['--clear-guild']);
    expect(cleared.stdout).toMatch(`Removed the commands registered in server ${GUILD_ID}`);
    const puts = api.find('PUT', new RegExp(`^/applications/${APP_ID}/guilds/${GUILD_ID}/commands$`));
    expect(puts.at(-1)?.body).toEqual([]);
    const bad = await runScript(env, ['--clear-guild']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/needs a server id/);
  });
});
