import { savedOrRefused } from '../errors.ts';
import { CORE_MESSAGES } from '../i18n/core-messages.ts';
import type { Language, Reply } from '../reply.ts';
import { type CommandRequest, emptyReply, errorReply, surfaceOf } from './command-request.ts';

/**
 * `language [en|ja]`: show or store the channel's reply language. The console keeps it for the
 * session only (the core holds console settings in memory): `npm run ask` never sees it, so a
 * stored one would make the two disagree.
 */
export async function setLanguage(request: CommandRequest, language: Language | undefined): Promise<Reply> {
  const { context, messages } = request;
  const channel = context.channel;
  if (!channel) return errorReply(request, messages.languageNeedsChannel, 'needs_channel');
  if (language !== undefined && context.canManageChannel === false) {
    return errorReply(request, messages.notAllowedToManage, 'not_allowed');
  }
  if (language !== undefined) {
    await savedOrRefused(request.lang, () => request.settings.setLanguage(channel, language));
  }
  const current = language ?? (await request.settings.getLanguage(channel)) ?? 'en';
  // A change is confirmed in the language just chosen: that is what the channel will now see.
  const answerIn = language ?? request.lang;
  const words = CORE_MESSAGES[answerIn];
  const name = words.languageNames[current];
  const inConsole = surfaceOf(context) === 'console';
  const text =
    language === undefined
      ? words.languageCurrent(name)
      : inConsole
        ? words.languageSession(name)
        : words.languageSet(name);
  return {
    ...emptyReply('status', words.languageTitle, answerIn),
    sections: [{ paragraphs: [text], items: [] }],
  };
}
