import { describe, expect, it } from 'vitest';
import { createStoreMessageRefs } from '../../../src/adapters/slack/create-store-message-refs.ts';
import { createMemoryMessageRefs, type MessageRef } from '../../../src/adapters/slack/message-refs.ts';
import type { Store, MessageRef as StoredRef } from '../../../src/core/digests/store-port.ts';

function ref(ts: string, overrides: Partial<MessageRef> = {}): MessageRef {
  return {
    channelId: 'C1',
    ts,
    via: 'message',
    command: 'ai',
    topics: ['ai'],
    title: 'AI',
    lang: 'en',
    sources: [{ n: 1, title: 'S', publisher: 'P', date: '2025-01-01', url: null }],
    ...overrides,
  };
}

function fakeStore(): Pick<Store, 'saveMessageRef' | 'findMessageRef'> & { rows: StoredRef[] } {
  const rows: StoredRef[] = [];
  return {
    rows,
    async saveMessageRef(row) {
      rows.push(row);
    },
    async findMessageRef(channel, messageId) {
      return rows.find((row) => row.channelId === channel.channelId && row.messageId === messageId);
    },
  };
}

describe('message refs', () => {
  it('forget the oldest message once the memory is full', async () => {
    const refs = createMemoryMessageRefs(2);
    await refs.remember(ref('1'));
    await refs.remember(ref('2'));
    await refs.remember(ref('3'));
    expect(await refs.recall('C1', '1')).toBeUndefined();
    expect((await refs.recall('C1', '3'))?.ts).toBe('3');
  });

  it('find a bot message after a restart, through the store, with its language, title and sources', async () => {
    const store = fakeStore();
    const original = ref('10', { command: 'digest', topics: ['ai', 'quantum'], lang: 'ja', title: '週次' });
    await createStoreMessageRefs(store).remember(original);
    expect(store.rows[0]).toMatchObject({
      platform: 'slack',
      messageId: '10',
      kind: 'digest',
      topics: ['ai', 'quantum'],
    });
    const afterRestart = createStoreMessageRefs(store);
    expect(await afterRestart.recall('C1', '10')).toEqual(original);
  });

  it('keep "latest answer in this thread" through a restart too: a mention thread is rooted at the mention', async () => {
    const store = fakeStore();
    await createStoreMessageRefs(store).remember(ref('20', { via: 'thread' }));
    expect((await createStoreMessageRefs(store).recall('C1', '20'))?.via).toBe('thread');
  });

  it('read a ref the store kept before it kept languages by its topics alone', async () => {
    const store = fakeStore();
    store.rows.push({
      platform: 'slack',
      channelId: 'C1',
      messageId: '30',
      kind: 'digest',
      topics: ['ai'],
      command: null,
    });
    const recalled = await createStoreMessageRefs(store).recall('C1', '30');
    expect(recalled).toMatchObject({ topics: ['ai'], sources: [] });
    expect(recalled?.lang).toBeUndefined();
  });
});
