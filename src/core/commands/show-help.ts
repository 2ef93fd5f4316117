import type { Reply } from '../reply.ts';
import { type CommandName, commandsFor, findCommandByKeyword } from './command-catalog.ts';
import { COMMAND_HELP } from './command-help.ts';
import { type CommandRequest, emptyReply, surfaceOf, withLanguage } from './command-request.ts';
import { developmentItem, latestDevelopment } from './latest-development.ts';
import { topicItems } from './list-topics.ts';

/** Empty input or `help`: what to type, the commands that work here and every topic. */
export function showHelp(request: CommandRequest, unknown?: string): Reply {
  const { lang, messages } = request;
  const surface = surfaceOf(request.context);
  const help = COMMAND_HELP[lang];
  const available = new Set(commandsFor(surface).map((entry) => entry.name));
  // An example of a command that does not work here would advertise it all the same.
  const examples = messages.helpExamples.filter((example) => {
    const entry = findCommandByKeyword(example.replace(/^\/eujp /, '').split(' ')[0] ?? '');
    return !entry || available.has(entry.name);
  });
  const notes = [
    ...(unknown === undefined ? [] : [messages.helpUnknownCommand(unknown.slice(0, 40))]),
    messages.helpMore,
    ...(surface === 'console' ? [messages.helpConsoleOnly] : []),
  ];
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
        items: commandsFor(surface).map((entry) => ({
          label: `/eujp ${help[entry.name as CommandName].usage}`,
          text: entry.description[lang],
        })),
      },
      { heading: messages.helpTopicsHeading, paragraphs: [], items: topicItems(request, 'title') },
      { paragraphs: [...examples, ...notes], items: [] },
    ],
    actions: [
      { kind: 'command', label: messages.helpTopicsHeading, command: withLanguage('topics', lang) },
      { kind: 'command', label: messages.timelineButton, command: withLanguage('timeline', lang) },
    ],
  };
}

/** `help <command>`: its usage, how it works and worked examples, the same on every platform. */
export function showCommandHelp(request: CommandRequest, command: CommandName): Reply {
  const { lang, messages } = request;
  const help = COMMAND_HELP[lang][command];
  const surface = surfaceOf(request.context);
  const available = commandsFor(surface).some((entry) => entry.name === command);
  return {
    ...emptyReply('help', messages.commandHelpTitle(command), lang),
    summary: `/eujp ${help.usage}`,
    sections: [
      { paragraphs: [...help.details, ...(available ? [] : [messages.chatOnlyCommand])], items: [] },
      {
        heading: messages.helpExamplesHeading,
        paragraphs: [],
        items: help.examples.map((example) => ({ label: `/eujp ${example.command}`, text: example.meaning })),
      },
    ],
    actions: [{ kind: 'command', label: messages.helpAllButton, command: withLanguage('help', lang) }],
  };
}
