import type {
  InstallationKey,
  StoredInstallation,
  WorkspaceInstallations,
} from '../core/workspace-installations.ts';
import { type EncryptionKey, isSealed, seal, unseal } from './encryption-keys.ts';

/** What a sealed installation is bound to: its row, so it cannot be moved to another workspace. */
const contextOf = (key: InstallationKey) => `installation:${key.platform}:${key.workspaceId}`;

/**
 * Installations with their platform object (bot tokens included) encrypted at rest: every write
 * is sealed with the newest key, every read opens whatever key sealed it, and a row written
 * before encryption was configured is still read as it is (the next write, or `npm run
 * installations:reencrypt`, seals it).
 */
export function encryptInstallations<T extends WorkspaceInstallations>(
  installations: T,
  keys: readonly EncryptionKey[],
): T {
  const [newest] = keys;
  if (!newest) throw new Error('encryptInstallations needs at least one key');
  return {
    ...installations,
    saveInstallation: (record, at) =>
      installations.saveInstallation(
        { ...record, installation: seal(record.installation, newest, contextOf(record)) },
        at,
      ),
    findInstallation: async (key) => {
      const stored = await installations.findInstallation(key);
      return stored ? open(stored, keys) : undefined;
    },
  };
}

function open(stored: StoredInstallation, keys: readonly EncryptionKey[]): StoredInstallation {
  if (!isSealed(stored.installation)) return stored;
  return { ...stored, installation: unseal(stored.installation, keys, contextOf(stored)) };
}

/**
 * Rewrites every installation sealed with the newest key: after adding a key in front of
 * EUJP_ENCRYPTION_KEYS, run this, then the old key can be removed. Keeps `installedAt` and
 * `updatedAt`. Returns how many rows it rewrote.
 */
export async function reencryptInstallations(
  installations: WorkspaceInstallations,
  keys: readonly EncryptionKey[],
): Promise<{ rewritten: number; total: number }> {
  const [newest] = keys;
  if (!newest) throw new Error('EUJP_ENCRYPTION_KEYS is not set: there is no key to encrypt with');
  const sealed = encryptInstallations(installations, keys);
  const all = await installations.listInstallationKeys();
  let rewritten = 0;
  for (const key of all) {
    const raw = await installations.findInstallation(key);
    if (!raw || (isSealed(raw.installation) && raw.installation.keyId === newest.id)) continue;
    const opened = open(raw, keys);
    await sealed.saveInstallation(opened, opened.updatedAt);
    rewritten++;
  }
  return { rewritten, total: all.length };
}
