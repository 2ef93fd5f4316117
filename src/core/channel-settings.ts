import type { ChannelRef } from './ports.ts';
import type { Language } from './reply.ts';

/** Per-channel preferences set from the chat (`language ja`); the store implements it. */
export interface ChannelSettings {
  getLanguage(channel: ChannelRef): Promise<Language | undefined>;
  setLanguage(channel: ChannelRef, language: Language): Promise<void>;
}

/** Settings kept in memory: for the console, the CLI and tests. */
export function createMemoryChannelSettings(): ChannelSettings {
  const languages = new Map<string, Language>();
  const key = (channel: ChannelRef) => `${channel.platform}:${channel.channelId}`;
  return {
    getLanguage: async (channel) => languages.get(key(channel)),
    setLanguage: async (channel, language) => {
      languages.set(key(channel), language);
    },
  };
}
