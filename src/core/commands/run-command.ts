import type { Reply } from '../reply.ts';
import { commandsFor } from './command-catalog.ts';
import { describeCommandProblem } from './command-problems.ts';
import { type CommandRequest, errorReply, surfaceOf } from './command-request.ts';
import { listTopics } from './list-topics.ts';
import { manageDigests } from './manage-digests.ts';
import type { ParsedCommand } from './parse-command.ts';
import { searchBriefings } from './search-briefings.ts';
import { setLanguage } from './set-language.ts';
import { showBriefing } from './show-briefing.ts';
import { showCommandHelp, showHelp } from './show-help.ts';
import { showSources } from './show-sources.ts';
import { showTimeline } from './show-timeline.ts';

/** Runs a parsed command: the one place that lists which module answers which command. */
export async function runCommand(request: CommandRequest, command: ParsedCommand): Promise<Reply> {
  switch (command.name) {
    case 'help':
      return command.command === undefined
        ? showHelp(request, command.unknown)
        : showCommandHelp(request, command.command);
    case 'topics':
      return listTopics(request);
    case 'briefing':
      return showBriefing(request, command.query);
    case 'sources':
      return showSources(request, command.query);
    case 'search':
      return searchBriefings(request, command.words);
    case 'timeline':
      return showTimeline(request, command.query);
    case 'language':
      return setLanguage(request, command.language);
    case 'invalid':
      // Fixing the arguments of a command that cannot run here would only lead to a second refusal.
      if (!commandsFor(surfaceOf(request.context)).some((entry) => entry.name === command.command))
        return errorReply(request, request.messages.notInConsole, 'not_in_console');
      return errorReply(
        request,
        describeCommandProblem(command.command, command.problem, request.lang),
        command.problem.code,
      );
    default:
      return manageDigests(request, command);
  }
}
