import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real, small file system (tmpfs) that a test can fill to the last byte and free again, so
 * SQLite meets a real ENOSPC rather than a pretend error. Needs root (mount).
 */
export interface SmallDisk {
  path(name: string): string;
  /** Writes a filler file until the file system refuses another byte. */
  fill(): void;
  /** Deletes the filler: space is back. */
  free(): void;
  cleanup(): void;
}

/** Why small disks cannot be made here, or undefined when they can. */
export const SMALL_DISK_UNAVAILABLE = probe();

export function mountSmallDisk(sizeKb = 4096): SmallDisk {
  const dir = mkdtempSync(join(tmpdir(), 'eujp-small-disk-'));
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${sizeKb}k`, 'tmpfs', dir], { stdio: 'ignore' });
  const filler = join(dir, 'filler');
  const free = () => rmSync(filler, { force: true });
  return {
    path: (name) => join(dir, name),
    fill() {
      const fd = openSync(filler, 'a');
      try {
        // Big chunks first, then single bytes, so not even a partial page is left.
        for (const size of [65_536, 4_096, 1]) {
          const chunk = Buffer.alloc(size);
          for (;;) {
            try {
              writeSync(fd, chunk);
            } catch (error) {
              if ((error as NodeJS.ErrnoException).code === 'ENOSPC') break;
              throw error;
            }
          }
        }
      } finally {
        closeSync(fd);
      }
    },
    free,
    cleanup() {
      free();
      execFileSync('umount', ['-l', dir], { stdio: 'ignore' });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

function probe(): string | undefined {
  if (process.platform !== 'linux') return 'small tmpfs disks need Linux';
  if (process.getuid?.() !== 0) return 'small tmpfs disks need root (mount)';
  try {
    mountSmallDisk(64).cleanup();
    return undefined;
  } catch (error) {
    return `cannot mount a small tmpfs: ${(error as Error).message}`;
  }
}
