import type { ScheduleSpec } from '../digests/digest-commands.ts';
import type { Reply } from '../reply.ts';
import { type CommandRequest, errorReply } from './command-request.ts';
import { resolveTopicWords } from './resolve-topic-words.ts';

export type DigestCommand =
  | { name: 'digest'; topicWords: string[] }
  | { name: 'subscribe'; schedule: ScheduleSpec; timeZone?: string; topicWords: string[] }
  | { name: 'unsubscribe'; index?: number }
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
    return errorReply(request, messages.unknownTopics(unknown.map((word) => word.slice(0, 40))));
  if (command.name === 'digest') {
    if (!digests) return errorReply(request, messages.digestsUnavailable);
    return digests.preview({ ...optionalChannel(context.channel), context, lang, topics });
  }
  const channel = context.channel;
  if (!channel || channel.platform === 'console') return errorReply(request, messages.needsChannel);
  if (!digests) return errorReply(request, messages.digestsUnavailable);
  const base = { channel, context, lang };
  switch (command.name) {
    case 'subscribe':
      if (context.canManageChannel === false) return errorReply(request, messages.notAllowedToManage);
      return digests.subscribe({
        ...base,
        schedule: command.schedule,
        topics,
        ...(command.timeZone === undefined ? {} : { timeZone: command.timeZone }),
      });
    case 'unsubscribe':
      if (context.canManageChannel === false) return errorReply(request, messages.notAllowedToManage);
      return digests.unsubscribe({
        ...base,
        ...(command.index === undefined ? {} : { index: command.index }),
      });
    case 'subscriptions':
      return digests.list(base);
    case 'status':
      return digests.status(base);
  }
}

function optionalChannel<T>(channel: T | undefined): { channel?: T } {
  return channel === undefined ? {} : { channel };
}
