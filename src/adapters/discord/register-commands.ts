import { pathToFileURL } from 'node:url';
import { REST, Routes } from 'discord.js';
import { config as loadDotenv } from 'dotenv';
import { ConfigError, loadConfig } from '../../config.ts';
import { COMMAND_DESCRIPTORS } from '../../core/commands/command-help.ts';
import type { CommandDescriptor } from '../../core/core.ts';
import { buildCommandDefinitions } from './command-definitions.ts';

/** Where the commands were registered and how many. */
export interface Registration {
  scope: 'guild' | 'global';
  names: string[];
}

/**
 * Replaces the application's slash commands with the current definitions (a PUT overwrites, so
 * removed commands disappear). Guild commands update instantly; global ones can take up to an hour.
 */
export async function registerCommands(options: {
  rest: REST;
  appId: string;
  guildId?: string;
  descriptors: readonly CommandDescriptor[];
}): Promise<Registration> {
  const body = buildCommandDefinitions(options.descriptors);
  const route = options.guildId
    ? Routes.applicationGuildCommands(options.appId, options.guildId)
    : Routes.applicationCommands(options.appId);
  await options.rest.put(route, { body });
  return { scope: options.guildId ? 'guild' : 'global', names: body.map((command) => command.name) };
}

/**
 * Removes every command registered in one server. After testing in a server (DISCORD_GUILD_ID)
 * and then registering globally, that server would show each command twice until its copies go.
 */
export async function clearGuildCommands(options: {
  rest: REST;
  appId: string;
  guildId: string;
}): Promise<void> {
  await options.rest.put(Routes.applicationGuildCommands(options.appId, options.guildId), { body: [] });
}

const USAGE = `usage: register-discord [--global] [--clear-guild[=SERVER_ID]]
  (no option)   register in DISCORD_GUILD_ID when set, else globally
  --global      register globally even when DISCORD_GUILD_ID is set
  --clear-guild remove the commands registered in a server (DISCORD_GUILD_ID, or =SERVER_ID)`;

// `npm run discord:register` (or `node dist/register-discord.js` in the image): reads the same
// variables as the bot (DESIGN.md §6).
async function main(args: readonly string[]): Promise<number> {
  const global = args.includes('--global');
  const clear = args.find((arg) => arg === '--clear-guild' || arg.startsWith('--clear-guild='));
  const unknown = args.filter((arg) => arg !== '--global' && arg !== clear);
  if (unknown.length > 0 || (global && clear)) {
    console.error(USAGE);
    return 2;
  }
  loadDotenv({ quiet: true });
  let discord: ReturnType<typeof loadConfig>['discord'];
  try {
    discord = loadConfig(process.env).discord;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    console.error(error.message);
    return 1;
  }
  if (!discord) {
    console.error(
      'DISCORD_TOKEN and DISCORD_APP_ID are not set: both are needed to register commands (see docs/discord-setup.md).',
    );
    return 1;
  }
  const rest = new REST({ ...(discord.apiUrl ? { api: discord.apiUrl } : {}) }).setToken(discord.token);
  if (clear) {
    const guildId = clear.includes('=') ? clear.slice(clear.indexOf('=') + 1) : discord.guildId;
    if (!guildId || !/^\d{17,20}$/.test(guildId)) {
      console.error('--clear-guild needs a server id: set DISCORD_GUILD_ID or pass --clear-guild=SERVER_ID');
      return 1;
    }
    try {
      await clearGuildCommands({ rest, appId: discord.appId, guildId });
      console.log(`Removed the commands registered in server ${guildId}; the global ones remain.`);
      return 0;
    } catch (error) {
      console.error(`Could not clear commands: ${error instanceof Error ? error.message : String(error)}`);
      return 1;
    }
  }
  if (global) delete discord.guildId;
  try {
    const registration = await registerCommands({
      rest,
      appId: discord.appId,
      ...(discord.guildId ? { guildId: discord.guildId } : {}),
      descriptors: COMMAND_DESCRIPTORS,
    });
    const where =
      registration.scope === 'guild'
        ? `in server ${discord.guildId} (available now)`
        : 'globally (may take up to an hour to appear)';
    console.log(`Registered /${registration.names.join(', /')} ${where}.`);
    return 0;
  } catch (error) {
    console.error(`Could not register commands: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  process.exitCode = await main(process.argv.slice(2));
}
