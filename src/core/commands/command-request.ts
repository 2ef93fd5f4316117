import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { ChannelSettings } from '../channel-settings.ts';
import type { DigestCommands } from '../digests/digest-commands.ts';
import type { ErrorCode } from '../errors.ts';
import type { CoreMessages } from '../i18n/core-messages.ts';
import { errorTitle } from '../i18n/error-titles.ts';
import type { RequestContext } from '../ports.ts';
import type { Language, Reply, ReplyType } from '../reply.ts';
import type { TopicIndex } from '../topics/topic-index.ts';
import type { Surface } from './command-catalog.ts';

/** Everything one command needs to answer: the content, the index, the language, the features. */
export interface CommandRequest {
  context: RequestContext;
  lang: Language;
  messages: CoreMessages;
  library: BriefingLibrary;
  index: TopicIndex;
  digests?: DigestCommands;
  settings: ChannelSettings;
  /** The injected clock's time of this request: ages ("19 months ago") are computed from it. */
  now: Date;
}

/** A reply with nothing in it yet: private to the asker, in the request's language. */
export function emptyReply(type: ReplyType, title: string, lang: Language): Reply {
  return {
    type,
    topic: null,
    title,
    sections: [],
    sources: [],
    suggestions: [],
    actions: [],
    visibility: 'private',
    lang,
  };
}

/**
 * A refusal: titled with what went wrong (by `code`), then what to do, e.g. one example.
 * Without a code the title is the neutral "Cannot do that".
 */
export function errorReply(
  request: Pick<CommandRequest, 'lang' | 'messages'>,
  message: string | readonly string[],
  code?: ErrorCode | (string & {}),
): Reply {
  const title = code === undefined ? request.messages.errorTitle : errorTitle(code, request.lang);
  return {
    ...emptyReply('error', title, request.lang),
    sections: [{ paragraphs: typeof message === 'string' ? [message] : [...message], items: [] }],
  };
}

/** Appends `lang=…` so a button press answers in the language its reply was shown in. */
export function withLanguage(command: string, lang: Language): string {
  return `${command} lang=${lang}`;
}

/** The console and `npm run ask` have no chat channel, so channel commands are not theirs. */
export function surfaceOf(context: RequestContext): Surface {
  const channel = context.channel;
  return channel && channel.platform !== 'console' ? 'chat' : 'console';
}
