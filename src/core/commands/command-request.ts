import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { ChannelSettings } from '../channel-settings.ts';
import type { DigestCommands } from '../digests/digest-commands.ts';
import type { CoreMessages } from '../i18n/core-messages.ts';
import type { RequestContext } from '../ports.ts';
import type { Language, Reply, ReplyType } from '../reply.ts';
import type { TopicIndex } from '../topics/topic-index.ts';

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

/** A one-paragraph error reply, e.g. a usage hint or a refusal. */
export function errorReply(request: Pick<CommandRequest, 'lang' | 'messages'>, message: string): Reply {
  return {
    ...emptyReply('error', request.messages.errorTitle, request.lang),
    sections: [{ paragraphs: [message], items: [] }],
  };
}

/** Appends `lang=…` so a button press answers in the language its reply was shown in. */
export function withLanguage(command: string, lang: Language): string {
  return `${command} lang=${lang}`;
}
