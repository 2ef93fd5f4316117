import type { Store } from '../../core/digests/store-port.ts';
import { createMemoryMessageRefs, type MessageRef, type MessageRefs } from './message-refs.ts';

/**
 * Message refs that survive a restart: the bounded memory map answers recent threads with the
 * exact sources a message cited; the store's `message_refs` table (which also records every
 * digest the scheduler confirms) answers older ones by topic. Only the bot's own messages are
 * written through: "latest answer in this thread" is worth keeping only while it is fresh.
 */
export function createStoreMessageRefs(
  store: Pick<Store, 'saveMessageRef' | 'findMessageRef'>,
  memory: MessageRefs = createMemoryMessageRefs(),
): MessageRefs {
  return {
    async remember(ref) {
      await memory.remember(ref);
      if (ref.via !== 'message') return;
      await store.saveMessageRef(
        {
          platform: 'slack',
          channelId: ref.channelId,
          messageId: ref.ts,
          kind: ref.command === 'digest' ? 'digest' : 'reply',
          topics: ref.topics,
          command: ref.command,
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
        via: 'message',
        command: stored.command ?? stored.kind,
        topics: stored.topics,
        title: stored.kind,
        sources: [],
      };
      return ref;
    },
  };
}
