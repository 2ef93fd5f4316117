import type { Language, Reply, SourceRef } from '../../core/reply.ts';
import type { TopicId } from '../../core/topics/topic-ids.ts';

/** What the bot remembers about one of its public messages, so `@eujp sources` in its thread works. */
export interface MessageRef {
  channelId: string;
  /** The message's `ts`, or the root `ts` of the thread it answered in. */
  ts: string;
  /** `message`: `ts` is the bot's own message; `thread`: the bot's latest answer under root `ts`. */
  via: 'message' | 'thread';
  /** `digest` for digests, otherwise the command that produced the message. */
  command: string;
  topics: TopicId[];
  title: string;
  /** Unknown only for refs the store kept before it kept languages. */
  lang?: Language;
  /** The exact sources the message cited; empty for refs the store kept before it kept them. */
  sources: SourceRef[];
}

/** Where message refs live: memory, optionally written through to the store's `message_refs`. */
export interface MessageRefs {
  remember(ref: MessageRef): Promise<void>;
  recall(channelId: string, ts: string): Promise<MessageRef | undefined>;
}

/**
 * A bounded in-memory map: once `limit` refs are held, the oldest goes first. Threads asking for
 * sources are almost always recent, so losing old refs costs little and memory stays flat.
 */
export function createMemoryMessageRefs(limit = 2000): MessageRefs {
  const refs = new Map<string, MessageRef>();
  const key = (channelId: string, ts: string) => `${channelId}:${ts}`;
  return {
    async remember(ref) {
      const k = key(ref.channelId, ref.ts);
      refs.delete(k);
      refs.set(k, ref);
      while (refs.size > limit) {
        const oldest = refs.keys().next().value;
        if (oldest === undefined) break;
        refs.delete(oldest);
      }
    },
    async recall(channelId, ts) {
      return refs.get(key(channelId, ts));
    },
  };
}

/** The ref for a reply the bot just posted as message `ts` in `channelId`. */
export function toMessageRef(
  channelId: string,
  ts: string,
  reply: Reply,
  command?: string,
  via: MessageRef['via'] = 'message',
): MessageRef {
  const itemTopics = reply.sections.flatMap((section) =>
    section.items.flatMap((item) => (item.topic ? [item.topic] : [])),
  );
  return {
    channelId,
    ts,
    via,
    command: command ?? (reply.type === 'digest' ? 'digest' : (reply.topic ?? reply.type)),
    topics: reply.topic ? [reply.topic] : [...new Set(itemTopics)],
    title: reply.title,
    lang: reply.lang,
    sources: reply.sources,
  };
}
