import { type AutocompleteInteraction, type Interaction, PermissionFlagsBits } from 'discord.js';
import type { Core } from '../../core/core.ts';
import type { Logger, RequestContext } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { commandTextOf, QUERY_OPTION } from './command-definitions.ts';
import { decodeButtonIntent } from './discord-buttons.ts';
import { discordMessages, languageOf } from './discord-messages.ts';
import { sanitizeText } from './escape-discord-text.ts';
import { loggableError } from './loggable-error.ts';
import { type AnswerableInteraction, sendReplyInTime } from './send-reply-in-time.ts';
import { truncateDiscordText } from './split-discord-text.ts';
import { toDiscordMessages } from './to-discord-messages.ts';

/** What the interaction handler needs. */
export interface InteractionDependencies {
  core: Core;
  logger: Logger;
  deferAfterMs?: number;
}

const CHOICES_MAX = 25;
const CHOICE_TEXT_MAX = 100;

/** One dispatcher for every interaction: slash commands, autocomplete and buttons. */
export function createInteractionHandler(dependencies: InteractionDependencies) {
  return async (interaction: Interaction): Promise<void> => {
    try {
      if (interaction.isAutocomplete()) return await answerAutocomplete(interaction, dependencies);
      if (interaction.isChatInputCommand()) {
        return await answerText(interaction, commandTextOf(interaction), false, dependencies);
      }
      if (interaction.isButton()) {
        const intent = decodeButtonIntent(interaction.customId);
        if (!intent) return await sendNotice(interaction, 'unknownButton');
        return await answerText(interaction, intent.command, intent.kind === 'share', dependencies);
      }
    } catch (error) {
      dependencies.logger.error(
        { error: loggableError(error), interactionId: interaction.id, type: interaction.type },
        'discord: could not answer an interaction',
      );
      await apologise(interaction, dependencies.logger);
    }
  };
}

async function answerText(
  interaction: AnswerableInteraction,
  text: string,
  share: boolean,
  { core, logger, deferAfterMs }: InteractionDependencies,
): Promise<void> {
  const context = requestContextOf(interaction);
  // default_member_permissions only hides /eujp-manage; the same command typed into /eujp, a
  // button, or a server that loosened the default all end up here.
  if (core.isChannelManagementCommand(text) && !context.canManageChannel) {
    return sendNotice(interaction, interaction.inGuild() ? 'needsManageChannels' : 'guildOnly');
  }
  await sendReplyInTime(interaction, core.handle(text, context), {
    share,
    logger,
    ...(deferAfterMs === undefined ? {} : { deferAfterMs }),
  });
}

async function answerAutocomplete(
  interaction: AutocompleteInteraction,
  { core }: InteractionDependencies,
): Promise<void> {
  const focused = interaction.options.getFocused(true);
  const choices =
    focused.name === QUERY_OPTION
      ? core.autocomplete(String(focused.value), { lang: languageOf(interaction.locale), limit: CHOICES_MAX })
      : [];
  await interaction.respond(
    choices
      .map((choice) => ({
        name: truncateDiscordText(sanitizeText(choice.name).trim(), CHOICE_TEXT_MAX),
        value: choice.value.slice(0, CHOICE_TEXT_MAX),
      }))
      .filter((choice) => choice.name && choice.value)
      .slice(0, CHOICES_MAX),
  );
}

function requestContextOf(interaction: AnswerableInteraction): RequestContext {
  return {
    platform: 'discord',
    ...(interaction.channelId
      ? {
          channel: {
            platform: 'discord',
            channelId: interaction.channelId,
            ...(interaction.guildId ? { workspaceId: interaction.guildId } : {}),
          },
        }
      : {}),
    userId: interaction.user.id,
    locale: interaction.locale,
    // Computed by Discord for this member in this channel, channel overwrites included.
    canManageChannel: interaction.memberPermissions?.has(PermissionFlagsBits.ManageChannels) ?? false,
  };
}

type NoticeKey = 'needsManageChannels' | 'guildOnly' | 'unknownButton' | 'somethingWentWrong';

async function sendNotice(interaction: AnswerableInteraction, key: NoticeKey): Promise<void> {
  const lang = languageOf(interaction.locale);
  const strings = discordMessages(lang);
  const notice: Reply = {
    type: 'error',
    topic: null,
    title: strings.noticeTitles[key] ?? strings.noticeTitle,
    sections: [{ paragraphs: [strings[key]], items: [] }],
    sources: [],
    suggestions: [],
    actions: [],
    visibility: 'private',
    lang,
  };
  const [message] = toDiscordMessages(notice);
  if (interaction.deferred || interaction.replied) {
    await interaction.followUp(message);
  } else {
    await interaction.reply(message);
  }
}

async function apologise(interaction: Interaction, logger: Logger): Promise<void> {
  try {
    // An empty list beats Discord's "loading options failed" under the user's cursor.
    if (interaction.isAutocomplete() && !interaction.responded) await interaction.respond([]);
    if (interaction.isChatInputCommand() || interaction.isButton())
      await sendNotice(interaction, 'somethingWentWrong');
  } catch (error) {
    // Discord itself is failing or the 3-second window has passed: nothing more to tell the user.
    logger.warn(
      { error: loggableError(error), interactionId: interaction.id },
      'discord: could not send an apology',
    );
  }
}
