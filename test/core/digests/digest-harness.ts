import {
  createDigestService,
  type DigestService,
  type DigestServiceDependencies,
} from '../../../src/core/digests/create-digest-service.ts';
import type { Store, Subscription } from '../../../src/core/digests/store-port.ts';
import type { ChannelRef, Platform, Publisher } from '../../../src/core/ports.ts';
import type { TopicId } from '../../../src/core/topics/topic-ids.ts';
import { createSqliteStore } from '../../../src/storage/sqlite/create-sqlite-store.ts';
import type { VirtualTime } from '../../fakes/virtual-time.ts';
import { createLibrary, silentLogger } from './digest-fixtures.ts';

/** Every Monday 09:00 in Tokyo; the slot below is one of its send times. */
export const WEEKLY_TOKYO = { schedule: 'weekly mon 09:00', cron: '0 9 * * 1', timeZone: 'Asia/Tokyo' };
export const MONDAY_SLOT = new Date('2025-06-02T00:00:00Z');

/** One running "process": a store on a real file and a digest service on virtual time. */
export interface Instance {
  store: Store;
  service: DigestService;
  /** Runs one slot to the end of its fan-out. */
  fanOut(slot?: Date): Promise<void>;
}

export function startInstance(
  file: string,
  time: VirtualTime,
  publishers: Publisher[],
  options: Partial<DigestServiceDependencies> = {},
): Instance {
  const store = createSqliteStore(file);
  const service = createDigestService({
    store,
    getLibrary: () => createLibrary(),
    clock: time.clock,
    logger: silentLogger,
    publishers: new Map<Platform, Publisher>(publishers.map((publisher) => [publisher.platform, publisher])),
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
    sleep: time.sleep,
    random: () => 0.5,
    ...options,
  });
  return {
    store,
    service,
    fanOut: (slot = MONDAY_SLOT) =>
      time.run(
        (async () => {
          await service.runSlot(WEEKLY_TOKYO.cron, WEEKLY_TOKYO.timeZone, slot);
          await service.idle();
        })(),
      ),
  };
}

export function channels(platform: Platform, count: number, workspaceId = 'W1'): ChannelRef[] {
  return Array.from({ length: count }, (_, i) => ({
    platform,
    channelId: `${platform}-${i + 1}`,
    workspaceId,
  }));
}

export async function subscribeAll(
  store: Store,
  targets: ChannelRef[],
  options: { topics?: TopicId[]; createdAt?: Date; schedule?: typeof WEEKLY_TOKYO } = {},
): Promise<Subscription[]> {
  const schedule = options.schedule ?? WEEKLY_TOKYO;
  const created: Subscription[] = [];
  for (const channel of targets) {
    created.push(
      await store.addSubscription({
        channel,
        ...schedule,
        topics: options.topics ?? ['semiconductors'],
        lang: 'en',
        createdAt: options.createdAt ?? new Date('2025-05-25T00:00:00Z'),
      }),
    );
  }
  return created;
}
