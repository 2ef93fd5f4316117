import { config as loadDotenv } from 'dotenv';
import { runEntryPoint } from '../app/run-entry-point.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { reencryptInstallations } from '../storage/encrypted-installations.ts';
import { openStore } from '../storage/open-store.ts';

// `npm run installations:reencrypt`: after putting a new key first in EUJP_ENCRYPTION_KEYS,
// rewrites every stored installation with it (plaintext ones too); then the old key can go.
loadDotenv({ quiet: true });

runEntryPoint(async () => {
  const config = loadConfig(process.env);
  if (!config.encryptionKeys)
    throw new ConfigError([
      'EUJP_ENCRYPTION_KEYS: set it (newest key first) to re-encrypt the installations',
    ]);
  const store = await openStore(config.database);
  try {
    const { rewritten, total } = await reencryptInstallations(store, config.encryptionKeys);
    console.log(
      `installations: ${rewritten} of ${total} re-encrypted with key "${config.encryptionKeys[0]?.id}"`,
    );
    return 0;
  } finally {
    await store.close();
  }
});
