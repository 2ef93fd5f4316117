import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/** One AES-256 key from `EUJP_ENCRYPTION_KEYS`, named so a stored value says which key sealed it. */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

/** What a sealed value looks like at rest: JSON, so both stores keep it in the same column. */
export interface SealedValue {
  eujpSealed: 1;
  keyId: string;
  iv: string;
  tag: string;
  data: string;
}

const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;

/**
 * Reads `id:key,id:key,…`, newest first: the first key seals every new write, all of them open
 * what is stored. A key is 32 bytes, as base64 (`openssl rand -base64 32`) or 64 hex digits.
 * Returns the keys, or the problems, each naming the entry at fault (never the key itself).
 */
export function parseEncryptionKeys(text: string): { keys: EncryptionKey[]; problems: string[] } {
  const keys: EncryptionKey[] = [];
  const problems: string[] = [];
  const entries = text.split(',').map((entry) => entry.trim());
  for (const [index, entry] of entries.entries()) {
    const problem = readKey(entry, index, keys);
    if (problem) problems.push(problem);
  }
  return { keys, problems };
}

function readKey(entry: string, index: number, keys: EncryptionKey[]): string | undefined {
  const separator = entry.indexOf(':');
  const id = separator > 0 ? entry.slice(0, separator) : '';
  const material = separator > 0 ? entry.slice(separator + 1) : '';
  const where = `entry ${index + 1}${id ? ` ("${id}")` : ''}`;
  if (!KEY_ID.test(id)) return `${where} must be id:key, the id letters, digits, - or _`;
  if (keys.some((key) => key.id === id)) return `${where} repeats the key id "${id}"`;
  const key = /^[0-9a-f]{64}$/i.test(material) ? Buffer.from(material, 'hex') : base64Key(material);
  if (key?.length !== 32)
    return `${where} must be 32 bytes as base64 or 64 hex digits (openssl rand -base64 32)`;
  keys.push({ id, key });
  return undefined;
}

function base64Key(material: string): Buffer | undefined {
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(material)) return undefined;
  return Buffer.from(material, material.includes('-') || material.includes('_') ? 'base64url' : 'base64');
}

/**
 * AES-256-GCM with a fresh 96-bit IV per value; `context` (what the value belongs to) is bound as
 * additional data, so a sealed value copied onto another row does not open there.
 */
export function seal(value: unknown, key: EncryptionKey, context: string): SealedValue {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key.key, iv);
  cipher.setAAD(Buffer.from(context));
  const data = Buffer.concat([cipher.update(JSON.stringify(value), 'utf8'), cipher.final()]);
  return {
    eujpSealed: 1,
    keyId: key.id,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    data: data.toString('base64'),
  };
}

/** Opens a sealed value with whichever configured key sealed it; throws a clear error otherwise. */
export function unseal(sealed: SealedValue, keys: readonly EncryptionKey[], context: string): unknown {
  const key = keys.find((candidate) => candidate.id === sealed.keyId);
  if (!key)
    throw new Error(
      keys.length === 0
        ? 'a stored value is encrypted but EUJP_ENCRYPTION_KEYS is not set'
        : `a stored value is encrypted with key "${sealed.keyId}", which EUJP_ENCRYPTION_KEYS no longer lists`,
    );
  const decipher = createDecipheriv('aes-256-gcm', key.key, Buffer.from(sealed.iv, 'base64'));
  decipher.setAAD(Buffer.from(context));
  decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
  try {
    const plain = Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
    return JSON.parse(plain.toString('utf8')) as unknown;
  } catch {
    throw new Error(
      `a stored value did not decrypt with key "${sealed.keyId}" (tampered, or a different key)`,
    );
  }
}

export function isSealed(value: unknown): value is SealedValue {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { eujpSealed?: unknown }).eujpSealed === 1 &&
    typeof (value as { keyId?: unknown }).keyId === 'string'
  );
}
