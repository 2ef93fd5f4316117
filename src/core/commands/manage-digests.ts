import type { ScheduleSpec, UnsubscribeTarget } from '../digests/digest-commands.ts';
import type { Reply } from '../reply.ts';
import { type CommandRequest, errorReply, surfaceOf } from './command-request.ts';
import type { UnsubscribeCommand } from './parse-command.ts';
import { resolveTopicWords } from './resolve-topic-words.ts';

export type DigestCommand =
  | { name: 'digest'; topicWords: string[] }
  | { name: 'subscribe'; schedule: ScheduleSpec; timeZone?: string; topicWords: string[] }
  | UnsubscribeCommand
  | { name: 'subscriptions' }
  | { name: 'status' };

/**
 * The subscription commands: resolve topics and check the channel and permission here, once,
 * then hand over to the digests feature, which owns schedules and delivery.
 */
export async function manageDigests(request: CommandRequest, command: DigestCommand): Promise<Reply> {
  const { digests, context, lang, messages } = request;
  const topicWords = 'topicWords' in command ? command.topicWords : [];
  const { topics, unknown } = resolveTopicWords(request.index, topicWords);
  if (unknown.length > 0)
    return errorReply(
      request,
      messages.unknownTopics(unknown.map((word) => word.slice(0, 40))),
      'unknown_topic',
    );
  if (command.name === 'digest') {
    if (!digests) return errorReply(request, messages.digestsUnavailable, 'digests_unavailable');
    return digests.preview({ ...optionalChannel(context.channel), context, lang, topics });
  }
  const channel = context.channel;
  if (!channel || surfaceOf(context) === 'console')
    return errorReply(request, messages.notInConsole, 'not_in_console');
  if (!digests) return errorReply(request, messages.digestsUnavailable, 'digests_unavailable');
  const base = { channel, context, lang };
  switch (command.name) {
    case 'subscribe':
      if (context.canManageChannel === false)
        return errorReply(request, messages.notAllowedToManage, 'not_allowed');
      return digests.subscribe({
        ...base,
        schedule: command.schedule,
        topics,
        ...(command.timeZone === undefined ? {} : { timeZone: command.timeZone }),
      });
    case 'unsubscribe':
      if (context.canManageChannel === false)
        return errorReply(request, messages.notAllowedToManage, 'not_allowed');
      return digests.unsubscribe({ ...base, target: unsubscribeTarget(command) });
    case 'subscriptions':
      return digests.list(base);
    case 'status':
      return digests.status(base);
  }
}

function unsubscribeTarget(command: UnsubscribeCommand): UnsubscribeTarget {
  if ('all' in command)
    return command.confirmation === undefined
      ? { kind: 'all' }
      : { kind: 'confirmed', code: command.confirmation };
  return command.index === undefined ? { kind: 'only' } : { kind: 'number', index: command.index };
}

function optionalChannel<T>(channel: T | undefined): { channel?: T } {
  return channel === undefined ? {} : { channel };
}
