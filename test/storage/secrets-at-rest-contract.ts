import { randomBytes } from 'node:crypto';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Store } from '../../src/core/digests/store-port.ts';
import type { InstallationRecord } from '../../src/core/workspace-installations.ts';
import { encryptInstallations, reencryptInstallations } from '../../src/storage/encrypted-installations.ts';
import type { EncryptionKey } from '../../src/storage/encryption-keys.ts';
import type { StoreHarness } from './store-contract.ts';

const TOKEN = 'xoxb-1111-2222-secret-bot-token';
const record = (workspaceId = 'T1'): InstallationRecord => ({
  platform: 'slack',
  workspaceId,
  teamId: workspaceId,
  enterpriseId: null,
  isEnterpriseInstall: false,
  installation: { team: { id: workspaceId }, bot: { token: TOKEN, userId: 'UBOT' } },
});
const key = (id: string): EncryptionKey => ({ id, key: randomBytes(32) });
const AT = new Date('2026-11-02T00:00:00Z');

/**
 * Installed workspaces' tokens encrypted at rest, and single-use keys, on one backend: the SQLite
 * file always, Postgres when EUJP_TEST_PG_URL is set.
 */
export function secretsAtRestContract(createHarness: () => Promise<StoreHarness>): void {
  let harness: StoreHarness;
  let store: Store;
  beforeEach(async () => {
    harness = await createHarness();
    store = await harness.open();
  });
  afterEach(async () => {
    await store.close();
    await harness.cleanup();
  });

  it('stores the installation sealed, so the token is not in the database, and reads it back', async () => {
    const keyA = key('a');
    await encryptInstallations(store, [keyA]).saveInstallation(record(), AT);
    const raw = await store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(JSON.stringify(raw)).not.toContain(TOKEN);
    expect(raw?.installation).toMatchObject({ eujpSealed: 1, keyId: 'a' });
    const read = await encryptInstallations(store, [keyA]).findInstallation({
      platform: 'slack',
      workspaceId: 'T1',
    });
    expect(read?.installation).toEqual(record().installation);
  });

  it('rotates keys: old keys still read, new writes and re-encryption use the newest', async () => {
    const [keyA, keyB] = [key('a'), key('b')];
    await encryptInstallations(store, [keyA]).saveInstallation(record('T1'), AT);
    await store.saveInstallation(record('T2'), AT); // written before encryption was configured
    const rotated = encryptInstallations(store, [keyB, keyA]);
    expect((await rotated.findInstallation({ platform: 'slack', workspaceId: 'T1' }))?.installation).toEqual(
      record('T1').installation,
    );

    expect(await reencryptInstallations(store, [keyB, keyA])).toEqual({ rewritten: 2, total: 2 });
    for (const workspaceId of ['T1', 'T2']) {
      const raw = await store.findInstallation({ platform: 'slack', workspaceId });
      expect(raw?.installation).toMatchObject({ eujpSealed: 1, keyId: 'b' });
      expect(raw?.installedAt).toEqual(AT);
      const read = await encryptInstallations(store, [keyB]).findInstallation({
        platform: 'slack',
        workspaceId,
      });
      expect(read?.installation).toEqual(record(workspaceId).installation);
    }
    await expect(
      encryptInstallations(store, [keyA]).findInstallation({ platform: 'slack', workspaceId: 'T1' }),
    ).rejects.toThrow(/key "b", which EUJP_ENCRYPTION_KEYS no longer lists/);
  });

  it('refuses a sealed installation copied onto another workspace', async () => {
    const keyA = key('a');
    await encryptInstallations(store, [keyA]).saveInstallation(record('T1'), AT);
    const sealed = await store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    await store.saveInstallation({ ...record('T9'), installation: sealed?.installation }, AT);
    await expect(
      encryptInstallations(store, [keyA]).findInstallation({ platform: 'slack', workspaceId: 'T9' }),
    ).rejects.toThrow(/did not decrypt/);
  });

  it('claims a single-use key once until it expires, also from another connection', async () => {
    const other = await harness.openAnother();
    try {
      const now = new Date('2026-11-02T00:00:00Z');
      const later = new Date(now.getTime() + 60_001);
      expect(await store.claimOnce('k', now, 60_000)).toBe(true);
      expect(await other.claimOnce('k', now, 60_000)).toBe(false);
      expect(
        await Promise.all([store.claimOnce('race', now, 1000), other.claimOnce('race', now, 1000)]),
      ).toEqual(expect.arrayContaining([true, false]));
      expect(await other.claimOnce('k', later, 60_000)).toBe(true);
    } finally {
      await other.close();
    }
  });
}
