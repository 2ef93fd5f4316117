import type { DigestCommands } from '../../core/digests/digest-commands.ts';
import { UserFacingError } from '../../core/errors.ts';
import { CORE_MESSAGES } from '../../core/i18n/core-messages.ts';
import type { Logger } from '../../core/ports.ts';
import { isStoreUnavailable, StoreUnavailableError, withinBudget } from './within-budget.ts';

/**
 * The subscription commands need the store. When it does not answer within `budgetMs` (kept under
 * Slack's ack budget, so the answer goes back at once) or fails as unreachable, the user gets a
 * short "storage is unavailable, try again shortly" in their language instead of a reply that
 * arrives after the partition ends. Other errors pass through unchanged.
 */
export function boundDigestCommands(
  commands: DigestCommands,
  budgetMs: number,
  logger: Logger,
): DigestCommands {
  const bounded =
    <R extends { lang: keyof typeof CORE_MESSAGES }, T>(
      name: string,
      changes: boolean,
      call: (request: R) => Promise<T>,
    ) =>
    async (request: R): Promise<T> => {
      try {
        return await withinBudget(call(request), budgetMs, name);
      } catch (error) {
        if (!isStoreUnavailable(error)) throw error;
        logger.warn(
          { err: error, command: name },
          'store unavailable: answered the command with a short refusal',
        );
        const messages = CORE_MESSAGES[request.lang];
        // A change already on its way may still land when the store comes back: say so, rather
        // than "nothing was done", so a retry is not made blind.
        const unconfirmed = changes && error instanceof StoreUnavailableError;
        throw new UserFacingError(
          'store_unavailable',
          unconfirmed ? messages.storageUnconfirmed : messages.storageUnavailable,
        );
      }
    };
  return {
    preview: bounded('digest', false, (request) => commands.preview(request)),
    subscribe: bounded('subscribe', true, (request) => commands.subscribe(request)),
    unsubscribe: bounded('unsubscribe', true, (request) => commands.unsubscribe(request)),
    list: bounded('subscriptions', false, (request) => commands.list(request)),
    status: bounded('status', false, (request) => commands.status(request)),
  };
}
