import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../../../src/core/digests/store-port.ts';
import { createPostgresStore } from '../../../../src/storage/postgres/create-postgres-store.ts';
import { createSqliteStore } from '../../../../src/storage/sqlite/create-sqlite-store.ts';
import { fakeWorkspace } from '../../../fakes/slack-oauth.ts';
import {
  createTestSchema,
  PG_SKIP_REASON,
  TEST_PG_URL,
  type TestSchema,
  warnIfPostgresSkipped,
} from '../../../storage/postgres-test-schema.ts';
import { type OAuthHarness, startOAuthHarness } from './oauth-harness.ts';

const workspace = fakeWorkspace(1);

/** Starts an install on `start`, then brings the same browser back with the same code and state twice. */
async function redirectTwice(start: OAuthHarness, first: OAuthHarness, second: OAuthHarness) {
  const install = await fetch(`${start.baseUrl}/slack/install`, { redirect: 'manual' });
  const state = new URL(install.headers.get('location') ?? '').searchParams.get('state') ?? '';
  const cookie = (install.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
  const redirect = (harness: OAuthHarness) =>
    fetch(
      `${harness.baseUrl}/slack/oauth_redirect?code=${workspace.code}&state=${encodeURIComponent(state)}`,
      {
        headers: { cookie },
        redirect: 'manual',
      },
    ).then((response) => response.status);
  return [await redirect(first), await redirect(second)];
}

const exchanges = (...harnesses: OAuthHarness[]) =>
  harnesses.reduce((count, harness) => count + harness.api.callsTo('oauth.v2.access').length, 0);

function singleUseStates(openShared: () => Promise<Store>) {
  const started: OAuthHarness[] = [];
  const stores: Store[] = [];
  afterEach(async () => {
    for (const harness of started.splice(0)) await harness.stop();
    for (const store of stores.splice(0)) await store.close();
  });
  const replica = async (store: Store) => {
    const harness = await startOAuthHarness([workspace], { store });
    started.push(harness);
    return harness;
  };

  it('accepts a state once: the same redirect a second time exchanges no code', async () => {
    const store = await openShared();
    stores.push(store);
    const one = await replica(store);
    const [first, again] = await redirectTwice(one, one, one);
    expect(first).toBe(200);
    expect(again).toBeGreaterThanOrEqual(400);
    expect(exchanges(one)).toBe(1);
  });

  it('refuses it on another replica sharing the store, too', async () => {
    const stores2 = [await openShared(), await openShared()];
    stores.push(...stores2);
    const [a, b] = [await replica(stores2[0] as Store), await replica(stores2[1] as Store)];
    const [first, second] = await redirectTwice(a, a, b);
    expect(first).toBe(200);
    expect(second).toBeGreaterThanOrEqual(400);
    expect(exchanges(a, b)).toBe(1);
  });
}

describe('OAuth states are single-use, on SQLite', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'eujp-state-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  let file = '';
  afterEach(() => {
    file = '';
  });
  singleUseStates(async () => {
    file ||= join(dir, `shared-${n++}.sqlite`);
    return createSqliteStore(file);
  });
});

warnIfPostgresSkipped('test/adapters/slack/oauth/oauth-state-single-use');
describe.skipIf(!TEST_PG_URL)(`OAuth states are single-use, on Postgres (${PG_SKIP_REASON})`, () => {
  let schema: TestSchema;
  beforeAll(async () => {
    schema = await createTestSchema(TEST_PG_URL ?? '');
  });
  afterAll(async () => {
    await schema?.drop();
  });
  singleUseStates(() => createPostgresStore(TEST_PG_URL ?? '', { schema: schema.name, maxConnections: 2 }));
});
