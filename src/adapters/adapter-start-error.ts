/**
 * Why a chat adapter did not start, and whether trying again can help: a refused token is
 * `permanent` (retrying only hammers the platform), an unreachable API is not.
 */
export class AdapterStartError extends Error {
  constructor(
    message: string,
    readonly permanent: boolean,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'AdapterStartError';
  }
}
