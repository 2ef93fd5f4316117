/** Network errors that mean the request never left this machine, so nothing can have been posted. */
const NEVER_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH']);

/**
 * True when a failed request certainly never reached the platform (no connection was made).
 * Anything else, a timeout or a reset above all, may have been accepted before the answer was
 * lost: the digest layer treats that as "maybe sent" and resends it at most once.
 */
export function neverReachedPlatform(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 4; depth++) {
    const { code, original } = cause as { code?: unknown; original?: unknown };
    if (typeof code === 'string' && NEVER_SENT_CODES.has(code)) return true;
    cause = original ?? (cause as { cause?: unknown }).cause;
  }
  return false;
}
