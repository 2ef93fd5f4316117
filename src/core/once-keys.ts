/**
 * Keys that may be used once within a time window: a Slack request signature (replay), an event
 * id (Slack's retries), an OAuth `state`. Backed by the store, a claim holds across every replica
 * that shares it.
 */
export interface OnceKeys {
  /**
   * True when `key` was not claimed, or its claim had expired, at `now`: it is now claimed until
   * `now + ttlMs`. False while an earlier claim is live. Atomic: of two racing claims, one wins.
   */
  claimOnce(key: string, now: Date, ttlMs: number): Promise<boolean>;
}
