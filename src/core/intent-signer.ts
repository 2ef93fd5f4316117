import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

/** Characters of base64url HMAC a button carries: 60 bits, far beyond guessing one press at a time. */
export const INTENT_SIGNATURE_LENGTH = 10;

/**
 * Signs the intents the bot puts on buttons (kind and grammar command), so a button press is
 * answered only when the bot issued that button: a forged custom_id (`eujp:s:search https://…`
 * to make the bot post a link publicly) fails the check.
 */
export interface IntentSigner {
  sign(kind: string, command: string): string;
  verify(kind: string, command: string, signature: string): boolean;
}

/**
 * A signer keyed by `secret`. Give it a secret every process of the deployment shares (the
 * platform token or signing secret), so buttons keep working across restarts and replicas; the
 * key is derived, so the secret itself never signs anything. Without one, a random key: buttons
 * then work until this process stops.
 */
export function createIntentSigner(secret?: string): IntentSigner {
  const key = secret
    ? createHash('sha256').update(`eujp button intents\0${secret}`).digest()
    : randomBytes(32);
  const sign = (kind: string, command: string) =>
    createHmac('sha256', key)
      .update(`${kind}\0${command}`)
      .digest('base64url')
      .slice(0, INTENT_SIGNATURE_LENGTH);
  return {
    sign,
    verify: (kind, command, signature) => {
      const expected = Buffer.from(sign(kind, command));
      const given = Buffer.from(signature);
      return given.length === expected.length && timingSafeEqual(given, expected);
    },
  };
}
