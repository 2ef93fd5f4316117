import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  ApplicationIntegrationType,
  type ChatInputCommandInteraction,
  InteractionContextType,
  PermissionFlagsBits,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from 'discord.js';
import type { CommandDescriptor } from '../../core/core.ts';
import { truncateDiscordText } from './split-discord-text.ts';

/** `/eujp <query>`: the whole grammar, open to everyone. */
export const EUJP_COMMAND = 'eujp';
/** `/eujp-manage <subcommand>`: the commands that change a channel, for Manage Channels holders. */
export const MANAGE_COMMAND = 'eujp-manage';
export const QUERY_OPTION = 'query';
export const ARGUMENTS_OPTION = 'arguments';

const DESCRIPTION_MAX = 100;

/**
 * The slash commands, derived from the core's command descriptors. Discord sets permissions per
 * command, not per option, so the channel-changing commands live under a second command whose
 * `default_member_permissions` is Manage Channels; the same text typed into `/eujp` is checked
 * again by the adapter before it reaches the core.
 */
export function buildCommandDefinitions(
  descriptors: readonly CommandDescriptor[],
): RESTPostAPIChatInputApplicationCommandsJSONBody[] {
  // Commands open to everyone, named in the option's description as a reminder of the grammar.
  const names = descriptors
    .filter((descriptor) => descriptor.name !== 'briefing' && !descriptor.managesChannel)
    .map(({ name }) => name);
  const eujp: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    name: EUJP_COMMAND,
    type: ApplicationCommandType.ChatInput,
    description: 'Briefings on the EU–Japan Digital Partnership, with sources',
    description_localizations: { ja: '日EUデジタルパートナーシップのブリーフィング（出典付き）' },
    contexts: [InteractionContextType.Guild, InteractionContextType.BotDM],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: [
      {
        type: ApplicationCommandOptionType.String,
        name: QUERY_OPTION,
        name_localizations: { ja: '入力' },
        description: listWithin('A topic (e.g. semiconductors) or a command: ', names, ', '),
        description_localizations: { ja: listWithin('トピック（例：半導体）またはコマンド：', names, '、') },
        required: false,
        autocomplete: true,
      },
    ],
  };
  const managing = descriptors.filter((descriptor) => descriptor.managesChannel);
  if (managing.length === 0) return [eujp];
  const manage: RESTPostAPIChatInputApplicationCommandsJSONBody = {
    name: MANAGE_COMMAND,
    type: ApplicationCommandType.ChatInput,
    description: "Manage this channel's eujp digests and settings",
    description_localizations: { ja: 'このチャンネルの eujp ダイジェストと設定を管理' },
    default_member_permissions: PermissionFlagsBits.ManageChannels.toString(),
    contexts: [InteractionContextType.Guild],
    integration_types: [ApplicationIntegrationType.GuildInstall],
    options: managing.map((descriptor) => {
      const argumentsOf = (line: string) =>
        line.startsWith(descriptor.name) ? line.slice(descriptor.name.length).trim() : '';
      const usage = argumentsOf(descriptor.usage);
      const usageJa = argumentsOf(descriptor.localizedUsage?.ja ?? descriptor.usage) || usage;
      return {
        type: ApplicationCommandOptionType.Subcommand,
        name: descriptor.name,
        description: describe(descriptor.description.en),
        description_localizations: { ja: describe(descriptor.description.ja) },
        ...(usage
          ? {
              options: [
                {
                  type: ApplicationCommandOptionType.String,
                  name: ARGUMENTS_OPTION,
                  name_localizations: { ja: '引数' },
                  description: describe(usage),
                  description_localizations: { ja: describe(usageJa) },
                  // `<…>` in a usage line marks a required argument, `[…]` an optional one.
                  required: usage.startsWith('<'),
                },
              ],
            }
          : {}),
      };
    }),
  };
  return [eujp, manage];
}

/** The grammar text a slash command stands for, e.g. `/eujp-manage subscribe daily 09:00`. */
export function commandTextOf(interaction: ChatInputCommandInteraction): string {
  if (interaction.commandName === MANAGE_COMMAND) {
    const subcommand = interaction.options.getSubcommand(false) ?? '';
    return `${subcommand} ${interaction.options.getString(ARGUMENTS_OPTION) ?? ''}`.trim();
  }
  return interaction.options.getString(QUERY_OPTION) ?? '';
}

// As many names as fit in a description, ending with "…" rather than half a name.
function listWithin(prefix: string, names: readonly string[], separator: string): string {
  for (let count = names.length; count > 0; count -= 1) {
    const text = `${prefix}${names.slice(0, count).join(separator)}${count < names.length ? '…' : ''}`;
    if (text.length <= DESCRIPTION_MAX) return text;
  }
  return describe(prefix);
}

function describe(text: string): string {
  return truncateDiscordText(text, DESCRIPTION_MAX);
}
