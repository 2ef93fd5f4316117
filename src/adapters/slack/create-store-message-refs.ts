import type { Store } from '../../core/digests/store-port.ts';
import { createMemoryMessageRefs, type MessageRef, type MessageRefs } from './message-refs.ts';

/**
 * Message refs that survive a restart: the bounded memory map answers recent threads, and every
 * ref is written through to the store's `message_refs` table (which also records every digest the
 * scheduler confirms) with its language, title and exact sources, so `sources` in a thread answers
 * the same after a restart as before it. Thread refs (the bot's latest answer under someone
 * else's message) are kept too: a mention's thread is rooted at the mention, not at the answer.
 */
export function createStoreMessageRefs(
  store: Pick<Store, 'saveMessageRef' | 'findMessageRef'>,
  memory: MessageRefs = createMemoryMessageRefs(),
): MessageRefs {
  return {
    async remember(ref) {
      await memory.remember(ref);
      await store.saveMessageRef(
        {
          platform: 'slack',
          channelId: ref.channelId,
          messageId: ref.ts,
          kind: ref.command === 'digest' ? 'digest' : 'reply',
          topics: ref.topics,
          command: ref.command,
          ...(ref.lang
            ? { detail: { lang: ref.lang, title: ref.title, sources: ref.sources, via: ref.via } }
            : {}),
        },
        new Date(),
      );
    },
    async recall(channelId, ts) {
      const recent = await memory.recall(channelId, ts);
      if (recent) return recent;
      const stored = await store.findMessageRef({ platform: 'slack', channelId }, ts);
      if (!stored) return undefined;
      const ref: MessageRef = {
        channelId,
        ts,
        via: stored.detail?.via ?? 'message',
        command: stored.command ?? stored.kind,
        topics: stored.topics,
        title: stored.detail?.title ?? stored.kind,
        ...(stored.detail ? { lang: stored.detail.lang } : {}),
        sources: stored.detail?.sources ?? [],
      };
      return ref;
    },
  };
}
