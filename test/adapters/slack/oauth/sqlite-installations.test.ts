import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewSubscription, Store } from '../../../../src/core/digests/store-port.ts';
import type { ChannelRef } from '../../../../src/core/ports.ts';
import { createSqliteStore } from '../../../../src/storage/sqlite/create-sqlite-store.ts';

const at = (iso: string) => new Date(iso);
const teamOne: ChannelRef = { platform: 'slack', channelId: 'C1', workspaceId: 'T1' };
const teamTwo: ChannelRef = { platform: 'slack', channelId: 'C2', workspaceId: 'T2' };

function subscription(channel: ChannelRef): NewSubscription {
  return {
    channel,
    schedule: 'daily 09:00',
    cron: '0 9 * * *',
    timeZone: 'Asia/Tokyo',
    topics: ['quantum'],
    lang: 'en',
    createdAt: at('2026-01-01T00:00:00Z'),
  };
}

describe('installations in the SQLite store', () => {
  let dir: string;
  let store: Store;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'eujp-installations-'));
    store = createSqliteStore(join(dir, 'eujp.sqlite'));
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the installation object as given and finds it by workspace', async () => {
    const installation = { team: { id: 'T1', name: 'One' }, bot: { token: 'xoxb-one', userId: 'UB1' } };
    await store.saveInstallation(
      {
        platform: 'slack',
        workspaceId: 'T1',
        teamId: 'T1',
        enterpriseId: null,
        isEnterpriseInstall: false,
        installation,
      },
      at('2026-01-01T00:00:00Z'),
    );

    const found = await store.findInstallation({ platform: 'slack', workspaceId: 'T1' });
    expect(found?.installation).toEqual(installation);
    expect(found?.installedAt).toEqual(at('2026-01-01T00:00:00Z'));
    expect(await store.findInstallation({ platform: 'slack', workspaceId: 'T2' })).toBeUndefined();
    expect(await store.findInstallation({ platform: 'discord', workspaceId: 'T1' })).toBeUndefined();
  });

  it('replaces the tokens on a reinstall but remembers when the workspace first installed', async () => {
    const record = {
      platform: 'slack' as const,
      workspaceId: 'E1',
      teamId: null,
      enterpriseId: 'E1',
      isEnterpriseInstall: true,
    };
    await store.saveInstallation({ ...record, installation: { v: 1 } }, at('2026-01-01T00:00:00Z'));
    await store.saveInstallation({ ...record, installation: { v: 2 } }, at('2026-02-01T00:00:00Z'));

    const found = await store.findInstallation({ platform: 'slack', workspaceId: 'E1' });
    expect(found).toMatchObject({ installation: { v: 2 }, isEnterpriseInstall: true, enterpriseId: 'E1' });
    expect(found?.installedAt).toEqual(at('2026-01-01T00:00:00Z'));
    expect(found?.updatedAt).toEqual(at('2026-02-01T00:00:00Z'));
  });

  it('deletes an installation once, and says whether there was one', async () => {
    await store.saveInstallation(
      {
        platform: 'slack',
        workspaceId: 'T1',
        teamId: 'T1',
        enterpriseId: null,
        isEnterpriseInstall: false,
        installation: {},
      },
      at('2026-01-01T00:00:00Z'),
    );
    expect(await store.deleteInstallation({ platform: 'slack', workspaceId: 'T1' })).toBe(true);
    expect(await store.deleteInstallation({ platform: 'slack', workspaceId: 'T1' })).toBe(false);
  });

  it("forgets an uninstalled workspace's subscriptions, ledger and channel state, and nobody else's", async () => {
    const gone = await store.addSubscription(subscription(teamOne));
    const kept = await store.addSubscription(subscription(teamTwo));
    const claimed = await store.claimDelivery(gone, at('2026-01-02T00:00:00Z'), at('2026-01-02T00:00:00Z'));
    await store.confirmDelivery(claimed!.id, {
      sentAt: at('2026-01-02T00:00:01Z'),
      messageId: '1.1',
      summary: '1 development',
      advance: { developmentIds: ['d1'], briefingAsOf: {} },
      topics: ['quantum'],
    });
    await store.setLanguage(teamOne, 'ja');
    await store.setLanguage(teamTwo, 'ja');

    expect(await store.deleteWorkspaceData('slack', 'T1')).toEqual({ subscriptions: 1 });

    expect(await store.listEnabledSubscriptions()).toEqual([kept]);
    expect(await store.listChannelDeliveries(teamOne, 10)).toEqual([]);
    expect(await store.getDigestCursor(teamOne)).toBeUndefined();
    expect(await store.findMessageRef(teamOne, '1.1')).toBeUndefined();
    expect(await store.getLanguage(teamOne)).toBeUndefined();
    expect(await store.getLanguage(teamTwo)).toBe('ja');
  });

  it('keeps the state of a shared channel another workspace still subscribes', async () => {
    const shared = { platform: 'slack' as const, channelId: 'CSHARED' };
    await store.addSubscription(subscription({ ...shared, workspaceId: 'T1' }));
    await store.addSubscription(subscription({ ...shared, workspaceId: 'T2' }));
    await store.setLanguage(shared, 'ja');

    expect(await store.deleteWorkspaceData('slack', 'T1')).toEqual({ subscriptions: 1 });

    expect(await store.listChannelSubscriptions(shared)).toHaveLength(1);
    expect(await store.getLanguage(shared)).toBe('ja');
  });
});
