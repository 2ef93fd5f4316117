/** Why a store call gave up: it did not answer within its budget, or failed as unreachable. */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/**
 * Resolves with `work` if it settles within `budgetMs`; otherwise rejects with a
 * StoreUnavailableError. The work itself is not cancelled (the pool's own query timeout ends it),
 * and its late failure is swallowed so it cannot become an unhandled rejection.
 */
export async function withinBudget<T>(work: Promise<T>, budgetMs: number, what: string): Promise<T> {
  work.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      work,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () => reject(new StoreUnavailableError(`${what}: no answer from the store within ${budgetMs} ms`)),
          budgetMs,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

// Errors that mean "the store is away or cannot write", as opposed to a bug: SQLite busy, locked,
// full or failing I/O; Postgres unreachable, shutting down, or the pool's own timeouts.
const UNAVAILABLE_CODES =
  /^(SQLITE_(BUSY|LOCKED|FULL|IOERR|READONLY|CANTOPEN)|ECONN|ETIMEDOUT|EPIPE|ENOTFOUND|EAI_AGAIN|57P0|08)/;
const UNAVAILABLE_MESSAGES =
  /timeout|Connection terminated|connection (refused|closed)|Client has encountered a connection error/i;

export function isStoreUnavailable(error: unknown): boolean {
  if (error instanceof StoreUnavailableError) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && UNAVAILABLE_CODES.test(code)) return true;
  return error instanceof Error && UNAVAILABLE_MESSAGES.test(error.message);
}
