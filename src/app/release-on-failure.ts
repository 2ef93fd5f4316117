import type { Logger } from '../core/ports.ts';

/**
 * What start-up has opened so far (store, watcher, servers, adapters), released in reverse order
 * when a later step fails, so the process can exit instead of being kept alive by a handle.
 */
export interface OpenedResources {
  /** Remembers how to release something just opened. */
  add(release: () => unknown): void;
  /** Releases everything added, newest first; each release gets `timeoutMs` (digests may take 10 s to finish sends under way), errors are logged. */
  releaseAll(): Promise<void>;
}

export function trackOpenedResources(logger: Logger, timeoutMs = 15_000): OpenedResources {
  const releases: Array<() => unknown> = [];
  return {
    add: (release) => releases.push(release),
    releaseAll: async () => {
      for (const release of releases.splice(0).reverse()) {
        let timer: NodeJS.Timeout | undefined;
        try {
          await Promise.race([
            Promise.resolve().then(release),
            new Promise((resolve) => {
              timer = setTimeout(resolve, timeoutMs);
              timer.unref();
            }),
          ]);
        } catch (error) {
          logger.warn({ err: error }, 'could not release a resource while stopping');
        } finally {
          clearTimeout(timer);
        }
      }
    },
  };
}
