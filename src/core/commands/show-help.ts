import type { Reply } from '../reply.ts';
import { COMMAND_CATALOG } from './command-catalog.ts';
import { type CommandRequest, emptyReply, withLanguage } from './command-request.ts';
import { developmentItem, latestDevelopment } from './latest-development.ts';
import { topicItems } from './list-topics.ts';

/** Empty input or `help`: what to type, every command and every topic. */
export function showHelp(request: CommandRequest): Reply {
  const { lang, messages } = request;
  const latest = latestDevelopment(request);
  return {
    ...emptyReply('help', messages.helpTitle, lang),
    summary: messages.helpIntro,
    sections: [
      ...(latest
        ? [{ heading: messages.latestHeading, paragraphs: [], items: [developmentItem(request, latest)] }]
        : []),
      {
        heading: messages.helpCommandsHeading,
        paragraphs: [],
        items: COMMAND_CATALOG.map((entry) => ({
          label: `/eujp ${entry.usage}`,
          text: entry.description[lang],
        })),
      },
      { heading: messages.helpTopicsHeading, paragraphs: [], items: topicItems(request, 'title') },
      { paragraphs: messages.helpExamples, items: [] },
    ],
    actions: [
      { kind: 'command', label: messages.helpTopicsHeading, command: withLanguage('topics', lang) },
      { kind: 'command', label: messages.timelineButton, command: withLanguage('timeline', lang) },
    ],
  };
}
