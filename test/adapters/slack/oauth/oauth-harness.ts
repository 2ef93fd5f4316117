import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type SlackAdapter, startSlackAdapter } from '../../../../src/adapters/slack/start-slack-adapter.ts';
import type { Core } from '../../../../src/core/core.ts';
import { createCore } from '../../../../src/core/create-core.ts';
import {
  createDigestService,
  type DigestService,
} from '../../../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../../../src/core/digests/store-port.ts';
import type { Logger, Platform, Publisher, RequestContext } from '../../../../src/core/ports.ts';
import { encryptInstallations } from '../../../../src/storage/encrypted-installations.ts';
import type { EncryptionKey } from '../../../../src/storage/encryption-keys.ts';
import { createSqliteStore } from '../../../../src/storage/sqlite/create-sqlite-store.ts';
import { type FakeSlackAnswer, type FakeSlackApi, startFakeSlackApi } from '../../../fakes/fake-slack-api.ts';
import { type FakeWorkspace, slackOAuthAnswers } from '../../../fakes/slack-oauth.ts';
import { postSignedToSlack, type SlackHttpResult } from '../../../fakes/slack-requests.ts';
import { loadRealLibrary, silentLogger } from '../../../support/test-core.ts';

export const SIGNING_SECRET = 'oauth-signing-secret';
export const CLIENT_ID = '1111.2222';
export const CLIENT_SECRET = 'oauth-client-secret-value';
export const STATE_SECRET = 'oauth-state-secret-value';

/**
 * The Slack adapter in OAuth mode on loopback: a real SQLite store holding installations and
 * subscriptions, the real core with the digest commands (node-cron off; `digests.runSlot` fires a
 * slot by hand) and a fake Web API that knows `workspaces`.
 */
export interface OAuthHarness {
  api: FakeSlackApi;
  adapter: SlackAdapter;
  store: Store;
  digests: DigestService;
  /** `http://127.0.0.1:P`, where `/slack/install` and `/slack/oauth_redirect` are served. */
  baseUrl: string;
  asked: Array<{ text: string; context: RequestContext }>;
  /** Moves the digests' clock (the core answers on its own fixed clock). */
  setNow(iso: string): void;
  post(body: string, contentType: 'form' | 'json'): Promise<SlackHttpResult>;
  stop(): Promise<void>;
}

export async function startOAuthHarness(
  workspaces: readonly FakeWorkspace[],
  options: {
    appToken?: string;
    port?: number;
    answer?: FakeSlackAnswer;
    logger?: Logger;
    /** A store shared with another harness (a second replica); the harness then leaves it open. */
    store?: Store;
    /** Installations encrypted at rest with these keys (EUJP_ENCRYPTION_KEYS). */
    encryptionKeys?: EncryptionKey[];
  } = {},
): Promise<OAuthHarness> {
  const oauthAnswers = slackOAuthAnswers(workspaces);
  const api = await startFakeSlackApi({ answer: (call) => options.answer?.(call) ?? oauthAnswers(call) });
  const dir = mkdtempSync(join(tmpdir(), 'eujp-oauth-'));
  const store = options.store ?? createSqliteStore(join(dir, 'eujp.sqlite'));
  const library = await loadRealLibrary();
  let now = new Date('2026-11-02T00:00:00Z');
  const clock = { now: () => new Date(now) };
  const publishers = new Map<Platform, Publisher>();
  const digests = createDigestService({
    store,
    getLibrary: () => library,
    clock,
    logger: silentLogger,
    publishers,
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
    retry: { maxAttempts: 1 },
  });
  const inner = createCore({
    getLibrary: () => library,
    digests: digests.commands,
    settings: store,
    clock,
    logger: silentLogger,
    rateLimits: false,
  });
  const asked: OAuthHarness['asked'] = [];
  const core: Core = {
    ...inner,
    handle: (text, context) => {
      asked.push({ text, context });
      return inner.handle(text, context);
    },
  };
  const adapter = await startSlackAdapter({
    oauth: {
      clientId: CLIENT_ID,
      clientSecret: CLIENT_SECRET,
      stateSecret: STATE_SECRET,
      installations: options.encryptionKeys ? encryptInstallations(store, options.encryptionKeys) : store,
    },
    onceKeys: store,
    signingSecret: SIGNING_SECRET,
    apiUrl: api.apiUrl,
    port: options.port ?? 0,
    host: '127.0.0.1',
    core,
    logger: options.logger ?? silentLogger,
    clientOptions: { retryConfig: { retries: 0 } },
    processBeforeResponse: true,
    ...(options.appToken ? { appToken: options.appToken } : {}),
  });
  publishers.set('slack', adapter.publisher);
  const baseUrl = `http://127.0.0.1:${adapter.port}`;
  return {
    api,
    adapter,
    store,
    digests,
    baseUrl,
    asked,
    setNow: (iso) => {
      now = new Date(iso);
    },
    post: (body, contentType) =>
      postSignedToSlack(`${baseUrl}/slack/events`, body, {
        signingSecret: SIGNING_SECRET,
        contentType: contentType === 'form' ? 'application/x-www-form-urlencoded' : 'application/json',
      }),
    stop: async () => {
      await adapter.stop();
      await api.close();
      if (!options.store) await store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
