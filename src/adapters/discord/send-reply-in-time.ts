import { performance } from 'node:perf_hooks';
import { type ButtonInteraction, type ChatInputCommandInteraction, MessageFlags } from 'discord.js';
import type { Logger } from '../../core/ports.ts';
import type { Reply } from '../../core/reply.ts';
import { type DiscordMessage, toDiscordMessages } from './to-discord-messages.ts';

/** An interaction the bot answers with a message. */
export type AnswerableInteraction = ChatInputCommandInteraction | ButtonInteraction;

/**
 * Discord drops an interaction not answered within 3 seconds. A reply normally takes a few
 * milliseconds; if the core has not answered by this point the bot defers first (a "thinking…"
 * placeholder that buys 15 minutes), leaving the rest of the budget for the network.
 */
export const DEFER_AFTER_MS = 1_000;

/**
 * Sends the reply `produce` resolves to: directly when it is ready in time, otherwise after a
 * deferral. `share` posts it publicly in the channel; otherwise the reply's visibility decides.
 */
export async function sendReplyInTime(
  interaction: AnswerableInteraction,
  produce: Promise<Reply>,
  options: { share: boolean; logger: Logger; deferAfterMs?: number },
): Promise<void> {
  const started = performance.now();
  // If the deferral itself fails, nobody awaits `produce` any more; its failure must not become
  // an unhandled rejection that stops the process.
  produce.catch(() => {});
  const ready = await settleWithin(produce, options.deferAfterMs ?? DEFER_AFTER_MS);
  if (ready) {
    const messages = toDiscordMessages(ready, options.share ? { ephemeral: false } : {});
    await interaction.reply(messages[0]);
    await followUp(interaction, messages.slice(1));
  } else {
    // Whether the reply will be private is not known yet; a deferral fixes it, so err private.
    const ephemeral = !options.share;
    await interaction.deferReply(ephemeral ? { flags: MessageFlags.Ephemeral } : {});
    options.logger.warn(
      { interactionId: interaction.id, afterMs: Math.round(performance.now() - started) },
      'discord: reply deferred, the core was slow',
    );
    const [first, ...rest] = toDiscordMessages(await produce, { ephemeral });
    const { flags: _ephemeralIsFixedByTheDeferral, ...edit } = first;
    await interaction.editReply(edit);
    await followUp(interaction, rest);
  }
  options.logger.debug(
    { interactionId: interaction.id, ms: Math.round(performance.now() - started), deferred: !ready },
    'discord: answered',
  );
}

async function followUp(interaction: AnswerableInteraction, messages: DiscordMessage[]): Promise<void> {
  for (const message of messages) await interaction.followUp(message);
}

// Resolves to the value if it settles within `ms`, else to undefined; a rejection propagates.
async function settleWithin<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => {
    timer = setTimeout(() => resolve(undefined), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
