import type { Core } from '../../src/core/core.ts';
import { createDigestService, type DigestService } from '../../src/core/digests/create-digest-service.ts';
import type { Store } from '../../src/core/digests/store-port.ts';
import { createSqliteStore } from '../../src/storage/sqlite/create-sqlite-store.ts';
import { createTempDir } from '../core/digests/digest-fixtures.ts';
import { createTestCore, fixedClock, loadRealLibrary, silentLogger } from './test-core.ts';

/** The real core and briefings with digests on a fresh SQLite file, and no scheduler running. */
export interface CoreWithDigests {
  core: Core;
  store: Store;
  service: DigestService;
  close(): Promise<void>;
}

export async function startCoreWithDigests(): Promise<CoreWithDigests> {
  const temp = createTempDir();
  const store = createSqliteStore(temp.path('eujp.sqlite'));
  const library = await loadRealLibrary();
  const service = createDigestService({
    store,
    getLibrary: () => library,
    clock: fixedClock(),
    logger: silentLogger,
    publishers: new Map(),
    defaultTimeZone: 'Europe/Brussels',
    schedule: false,
  });
  const core = await createTestCore({ digests: service.commands, settings: store });
  return {
    core,
    store,
    service,
    close: async () => {
      await service.stop();
      await store.close();
      temp.cleanup();
    },
  };
}
