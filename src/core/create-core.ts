import type { BriefingLibrary } from './briefings/briefing.ts';
import { type ChannelSettings, createMemoryChannelSettings } from './channel-settings.ts';
import { COMMAND_DESCRIPTORS } from './commands/command-help.ts';
import {
  type CommandRateLimits,
  createCommandRateLimiter,
  DEFAULT_COMMAND_RATE_LIMITS,
  rateLimitedReply,
} from './commands/command-rate-limiter.ts';
import { type CommandRequest, errorReply } from './commands/command-request.ts';
import { completeCommand } from './commands/complete-command.ts';
import { isManagementCommand, parseCommand } from './commands/parse-command.ts';
import { MAX_INPUT_LENGTH, prepareInput } from './commands/prepare-input.ts';
import { runCommand } from './commands/run-command.ts';
import type { Core, TopicChoice } from './core.ts';
import type { DigestCommands } from './digests/digest-commands.ts';
import { UserFacingError } from './errors.ts';
import { CORE_MESSAGES } from './i18n/core-messages.ts';
import { chooseLanguage } from './i18n/language.ts';
import type { Clock, Logger, RequestContext } from './ports.ts';
import type { Language, Reply } from './reply.ts';
import type { ScheduleSlice } from './topics/full-text-index.ts';
import { createTopicIndex, type TopicIndex } from './topics/topic-index.ts';

export interface CoreDependencies {
  /** The current content; called per request so a reload swaps it atomically. */
  getLibrary: () => BriefingLibrary;
  digests?: DigestCommands;
  settings?: ChannelSettings;
  /** Commands per user and per channel; `false` turns limiting off (benchmarks, trusted tools). */
  rateLimits?: Partial<CommandRateLimits> | false;
  clock: Clock;
  logger: Logger;
  /**
   * Lets the topic index be built in slices between commands (the app passes setImmediate);
   * without it each index is built in one go, as tests and tools want.
   */
  scheduleSlice?: ScheduleSlice;
}

const AUTOCOMPLETE_LIMIT = 25;

/** The platform-neutral bot: one grammar, one reply model, for every adapter. */
export function createCore(dependencies: CoreDependencies): Core {
  const settings = consoleInMemory(dependencies.settings ?? createMemoryChannelSettings());
  const indexFor = memoizeIndex(dependencies.scheduleSlice);
  // Started now rather than on the first command: the full-text index takes a few hundred
  // milliseconds on a busy machine, enough to make a fresh process's first reply miss the
  // platform's answer-in-time window and fall back to a deferred reply. In slices, it is built
  // while the adapters connect.
  indexFor(dependencies.getLibrary());
  const limits = dependencies.rateLimits;
  const rateLimiter =
    limits === false
      ? undefined
      : createCommandRateLimiter({ ...DEFAULT_COMMAND_RATE_LIMITS, ...limits }, dependencies.clock);

  const languageFor = async (context: RequestContext, explicit?: Language): Promise<Language> => {
    if (explicit) return explicit;
    const channel = context.channel
      ? await settings.getLanguage(context.channel).catch(() => undefined)
      : undefined;
    return chooseLanguage({
      ...(channel ? { channel } : {}),
      ...(context.locale ? { locale: context.locale } : {}),
    });
  };

  const handle = async (text: string, context: RequestContext): Promise<Reply> => {
    const prepared = prepareInput(text);
    const lang = await languageFor(context, prepared.explicitLanguage);
    const messages = CORE_MESSAGES[lang];
    const allowance = rateLimiter?.take(context);
    if (allowance && !allowance.allowed) {
      if (allowance.startsIncident)
        dependencies.logger.warn(
          { scope: allowance.scope, channel: context.channel, userId: context.userId },
          'commands rate-limited',
        );
      return rateLimitedReply(allowance, lang);
    }
    if (prepared.kind === 'too_long')
      return errorReply({ lang, messages }, messages.tooLong(MAX_INPUT_LENGTH), 'too_long');
    const library = dependencies.getLibrary();
    const request: CommandRequest = {
      context,
      lang,
      messages,
      library,
      index: indexFor(library),
      settings,
      now: dependencies.clock.now(),
      ...(dependencies.digests ? { digests: dependencies.digests } : {}),
    };
    try {
      return await runCommand(request, parseCommand(prepared.text));
    } catch (error) {
      if (error instanceof UserFacingError) {
        if (error.cause !== undefined) {
          dependencies.logger.error(
            { err: error.cause, command: prepared.text.slice(0, 100) },
            'command could not save its change',
          );
        }
        return errorReply(request, error.message, error.code);
      }
      dependencies.logger.error({ err: error, command: prepared.text.slice(0, 100) }, 'command failed');
      return errorReply(request, messages.genericError, 'internal');
    }
  };

  const autocomplete = (
    partial: string,
    options: { lang?: Language; limit?: number } = {},
  ): TopicChoice[] => {
    const library = dependencies.getLibrary();
    return completeCommand(indexFor(library), library, partial, {
      lang: options.lang ?? 'en',
      limit: Math.min(options.limit ?? AUTOCOMPLETE_LIMIT, AUTOCOMPLETE_LIMIT),
    });
  };

  return {
    handle,
    autocomplete,
    isChannelManagementCommand: (text) => {
      const prepared = prepareInput(text);
      return prepared.kind === 'ok' && isManagementCommand(parseCommand(prepared.text));
    },
    commands: COMMAND_DESCRIPTORS,
  };
}

// A console session's settings last as long as it does: the store outlives it, and the
// `npm run ask` CLI (which has no channel) could never read them back.
function consoleInMemory(settings: ChannelSettings): ChannelSettings {
  const session = createMemoryChannelSettings();
  const pick = (channel: RequestContext['channel']) => (channel?.platform === 'console' ? session : settings);
  return {
    getLanguage: (channel) => pick(channel).getLanguage(channel),
    setLanguage: (channel, language) => pick(channel).setLanguage(channel, language),
  };
}

// The index is rebuilt only when the library object is swapped by a reload; the one it replaces
// keeps answering full-text searches until the new one is complete.
function memoizeIndex(scheduleSlice?: ScheduleSlice): (library: BriefingLibrary) => TopicIndex {
  let cached: { library: BriefingLibrary; index: TopicIndex } | undefined;
  return (library) => {
    if (cached?.library !== library)
      cached = {
        library,
        index: createTopicIndex(library, {
          ...(scheduleSlice ? { scheduleSlice } : {}),
          ...(cached ? { previous: cached.index } : {}),
        }),
      };
    return cached.index;
  };
}
