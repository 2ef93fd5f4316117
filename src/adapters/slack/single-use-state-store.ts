import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { InstallURLOptions, StateStore } from '@slack/bolt';
import type { RecentKeys } from './recent-keys.ts';

/** How long a browser has between `/slack/install` and coming back to `/slack/oauth_redirect`. */
export const STATE_TTL_MS = 10 * 60_000;

/** Bolt's InstallProvider turns an error with this code into its "invalid state" answer. */
class InvalidStateError extends Error {
  readonly code = 'slack_oauth_invalid_state';
}

/**
 * The OAuth `state`: signed with SLACK_STATE_SECRET (HMAC-SHA256) like Bolt's default, and also
 * single-use. The first `/slack/oauth_redirect` with a state claims it in the store, so a second
 * one, on this replica or another sharing the store, is refused for as long as the state lives.
 */
export function createSingleUseStateStore(
  stateSecret: string,
  claims: RecentKeys,
  ttlMs: number = STATE_TTL_MS,
): StateStore {
  const sign = (payload: string) => createHmac('sha256', stateSecret).update(payload).digest('base64url');
  return {
    async generateStateParam(installOptions: InstallURLOptions, now: Date) {
      const payload = Buffer.from(
        JSON.stringify({ o: installOptions, t: now.getTime(), n: randomBytes(16).toString('base64url') }),
      ).toString('base64url');
      return `${payload}.${sign(payload)}`;
    },
    async verifyStateParam(now: Date, state: string) {
      const [payload = '', signature = ''] = state.split('.');
      const expected = Buffer.from(sign(payload));
      const given = Buffer.from(signature);
      if (given.length !== expected.length || !timingSafeEqual(given, expected))
        throw new InvalidStateError('The state parameter was not signed by this app');
      let decoded: { o: InstallURLOptions; t: number };
      try {
        decoded = JSON.parse(Buffer.from(payload, 'base64url').toString()) as typeof decoded;
      } catch {
        throw new InvalidStateError('The state parameter is malformed');
      }
      const age = now.getTime() - decoded.t;
      if (!(age >= 0 && age <= ttlMs)) throw new InvalidStateError('The state parameter has expired');
      const key = `slack-oauth-state:${createHash('sha256').update(state).digest('hex')}`;
      if (!(await claims.claim(key, ttlMs - age + 1)))
        throw new InvalidStateError('The state parameter was already used');
      return decoded.o;
    },
  };
}
