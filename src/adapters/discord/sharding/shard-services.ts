import type { ChannelSettings } from '../../../core/channel-settings.ts';
import type { DigestCommands } from '../../../core/digests/digest-commands.ts';
import type { Language, Reply } from '../../../core/reply.ts';
import type { MessageChannel, RpcClient, RpcHandlers } from './shard-rpc.ts';
import { serveRpc } from './shard-rpc.ts';

/** What a shard process borrows from the manager: everything that touches the store. */
export interface ShardServices {
  digests: DigestCommands;
  settings: ChannelSettings;
}

/**
 * The shard's side: digest commands and channel settings that run in the manager process. The
 * manager owns the only digest scheduler, so a `subscribe` typed on any shard is scheduled at
 * once, and only the manager ever opens the store.
 */
export function createRemoteShardServices(rpc: RpcClient): ShardServices {
  const reply = (method: keyof DigestCommands) => async (request: unknown) =>
    (await rpc.call(`digests.${method}`, request)) as Reply;
  return {
    digests: {
      preview: reply('preview'),
      subscribe: reply('subscribe'),
      unsubscribe: reply('unsubscribe'),
      list: reply('list'),
      status: reply('status'),
    },
    settings: {
      getLanguage: async (channel) =>
        ((await rpc.call('settings.getLanguage', channel)) ?? undefined) as Language | undefined,
      setLanguage: async (channel, language) => {
        await rpc.call('settings.setLanguage', { channel, language });
      },
    },
  };
}

/** The manager's side: answers one shard's requests with the real services. */
export function serveShardServices(channel: MessageChannel, services: ShardServices): () => void {
  const { digests, settings } = services;
  const handlers: RpcHandlers = {
    'digests.preview': (request: Parameters<DigestCommands['preview']>[0]) => digests.preview(request),
    'digests.subscribe': (request: Parameters<DigestCommands['subscribe']>[0]) => digests.subscribe(request),
    'digests.unsubscribe': (request: Parameters<DigestCommands['unsubscribe']>[0]) =>
      digests.unsubscribe(request),
    'digests.list': (request: Parameters<DigestCommands['list']>[0]) => digests.list(request),
    'digests.status': (request: Parameters<DigestCommands['status']>[0]) => digests.status(request),
    'settings.getLanguage': (channelRef: Parameters<ChannelSettings['getLanguage']>[0]) =>
      settings.getLanguage(channelRef),
    'settings.setLanguage': (request: {
      channel: Parameters<ChannelSettings['setLanguage']>[0];
      language: Language;
    }) => settings.setLanguage(request.channel, request.language),
  };
  return serveRpc(channel, handlers);
}
