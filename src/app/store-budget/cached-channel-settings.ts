import type { ChannelSettings } from '../../core/channel-settings.ts';
import { UserFacingError } from '../../core/errors.ts';
import { CORE_MESSAGES } from '../../core/i18n/core-messages.ts';
import type { ChannelRef, Logger } from '../../core/ports.ts';
import type { Language } from '../../core/reply.ts';
import { isStoreUnavailable, StoreUnavailableError, withinBudget } from './within-budget.ts';

export interface CachedSettingsOptions {
  /** How long a command waits for the channel's language before using the cached one or the default. */
  readBudgetMs: number;
  /** How long a remembered language is used without asking the store (other replicas may change it). */
  freshForMs: number;
  /** How long `language ja` waits for its write. */
  writeBudgetMs: number;
  now: () => number;
  logger: Logger;
}

/**
 * Every command reads its channel's language first. Read-only commands (briefings, sources, search,
 * timeline, help) must not wait on a slow or partitioned store for that: languages are remembered,
 * and a read that takes longer than a short budget falls back to the remembered language, or to
 * the default. Writes go to the store and fail fast with "storage is unavailable".
 */
export function createCachedChannelSettings(
  store: ChannelSettings,
  options: CachedSettingsOptions,
): ChannelSettings {
  const remembered = new Map<string, { language: Language | undefined; at: number }>();
  const key = (channel: ChannelRef) => `${channel.platform}:${channel.channelId}`;
  let warned = false;

  return {
    getLanguage: async (channel) => {
      const hit = remembered.get(key(channel));
      if (hit && options.now() - hit.at < options.freshForMs) return hit.language;
      const read = store.getLanguage(channel).then((language) => {
        remembered.set(key(channel), { language, at: options.now() });
        return language;
      });
      try {
        const language = await withinBudget(read, options.readBudgetMs, 'channel language');
        warned = false;
        return language;
      } catch (error) {
        if (!warned)
          options.logger.warn(
            { err: error },
            'store slow or unavailable: answering with the remembered or default language',
          );
        warned = true;
        return hit?.language;
      }
    },
    setLanguage: async (channel, language) => {
      try {
        await withinBudget(store.setLanguage(channel, language), options.writeBudgetMs, 'set language');
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        options.logger.warn({ err: error }, 'store unavailable: could not save a channel language');
        const messages = CORE_MESSAGES[language];
        throw new UserFacingError(
          'store_unavailable',
          error instanceof StoreUnavailableError ? messages.storageUnconfirmed : messages.storageUnavailable,
        );
      }
      remembered.set(key(channel), { language, at: options.now() });
    },
  };
}
