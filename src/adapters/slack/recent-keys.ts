import type { OnceKeys } from '../../core/once-keys.ts';
import type { Logger } from '../../core/ports.ts';

/** Remembers keys for a while and says whether one is new: replayed signatures, retried events. */
export interface RecentKeys {
  /** True the first time `key` is seen within `ttlMs`. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export interface RecentKeysOptions {
  /** The store's single-use keys, shared by every replica; without it, this process alone. */
  shared?: OnceKeys;
  /** Keys kept in memory at most; the oldest go first, so a flood cannot grow memory. */
  maxKeys?: number;
  now?: () => Date;
  /** How long a request waits for the store's answer before this process decides alone. */
  storeBudgetMs?: number;
  logger: Logger;
}

const DEFAULT_MAX_KEYS = 20_000;
// The check runs before Bolt acks, inside Slack's 3 s: a frozen store must not cost the answer.
const DEFAULT_STORE_BUDGET_MS = 300;

/**
 * A bounded in-memory window in front of the store's claims: a repeat seen by this process is
 * refused without a query, and a key claimed by another replica is refused by the store. When
 * the store fails or does not answer within a short budget, the memory alone answers (logged):
 * refusing every request, or answering late, because the database blinked would take the bot
 * down for the sake of a duplicate.
 */
export function createRecentKeys(options: RecentKeysOptions): RecentKeys {
  const now = options.now ?? (() => new Date());
  const maxKeys = options.maxKeys ?? DEFAULT_MAX_KEYS;
  const storeBudgetMs = options.storeBudgetMs ?? DEFAULT_STORE_BUDGET_MS;
  const expiries = new Map<string, number>();

  const remember = (key: string, expiresAt: number) => {
    expiries.delete(key);
    expiries.set(key, expiresAt);
    while (expiries.size > maxKeys) {
      const oldest = expiries.keys().next().value as string;
      expiries.delete(oldest);
    }
  };

  return {
    async claim(key, ttlMs) {
      const at = now();
      const known = expiries.get(key);
      if (known !== undefined && known > at.getTime()) return false;
      // Set before the store answers, so two copies arriving together cannot both pass.
      remember(key, at.getTime() + ttlMs);
      if (!options.shared) return true;
      let timer: NodeJS.Timeout | undefined;
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${storeBudgetMs} ms`)), storeBudgetMs);
      });
      const claimed = options.shared.claimOnce(key, at, ttlMs);
      // A claim that answers after the budget still lands in the store; its answer is not awaited.
      claimed.catch(() => {});
      try {
        return await Promise.race([claimed, late]);
      } catch (error) {
        options.logger.warn(
          { err: error },
          'slack: the store could not check a key for repeats; this process decided',
        );
        return true;
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
