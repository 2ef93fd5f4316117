import { DeliveryError, type Platform, type Publisher } from '../core/ports.ts';

/**
 * Stands in for an adapter that is still retrying its start: a digest due meanwhile fails as
 * transient and is retried with the digests' own backoff, rather than recorded as "no adapter".
 */
export function notConnectedPublisher(platform: Platform): Publisher {
  return {
    platform,
    publish: async () => {
      throw new DeliveryError(
        'transient',
        `the ${platform} adapter is not connected yet; it is retrying its start`,
      );
    },
  };
}
