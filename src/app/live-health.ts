import type { DigestService } from '../core/digests/create-digest-service.ts';
import type { Store } from '../core/digests/store-port.ts';
import type { ComponentState } from './health-routes.ts';

/** A store probe runs at most this often; /healthz in between reuses the last answer. */
export const WRITE_PROBE_EVERY_MS = 10_000;

/**
 * The store's line in /healthz: a read on every request, and a committed write (a heartbeat row)
 * at most every `everyMs`, because a full disk still answers reads while every ledger write
 * fails. Rate-limited so that hammering /healthz cannot hammer the store; requests that arrive
 * while a probe runs share it.
 */
export function storeHealthCheck(
  store: Pick<Store, 'ping' | 'probeWrite'>,
  options: { everyMs?: number; now?: () => Date; monotonicMs?: () => number } = {},
): () => Promise<void> {
  const everyMs = options.everyMs ?? WRITE_PROBE_EVERY_MS;
  const now = options.now ?? (() => new Date());
  const monotonicMs = options.monotonicMs ?? (() => performance.now());
  let last: { at: number; probe: Promise<void> } | undefined;
  return async () => {
    await store.ping();
    if (!last || monotonicMs() - last.at >= everyMs) {
      const probe = store.probeWrite(now()).catch((error: unknown) => {
        const message = error instanceof Error ? error.message : String(error);
        throw new Error(`reads work but writes fail: ${message}`);
      });
      probe.catch(() => {});
      last = { at: monotonicMs(), probe };
    }
    await last.probe;
  };
}

/** The digests' line in /healthz: down when due work stops moving, with any rate-limit wait. */
export function digestsHealthCheck(digests: Pick<DigestService, 'health'>): () => Promise<ComponentState> {
  return async () => {
    const health = digests.health();
    const waits = Object.fromEntries(
      Object.entries(health.pacing)
        .filter(([, ms]) => (ms ?? 0) > 0)
        .map(([platform, ms]) => [platform, Math.ceil(ms ?? 0)]),
    );
    return {
      status: health.status,
      ...(health.detail ? { detail: health.detail } : {}),
      ...(Object.keys(waits).length > 0 ? { rateLimitWaitMs: waits } : {}),
    };
  };
}
