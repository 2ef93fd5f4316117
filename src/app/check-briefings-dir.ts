import { readdir, stat } from 'node:fs/promises';
import { errorCode, errorMessage, StartupError, variable } from '../startup-error.ts';

/**
 * Checks EUJP_BRIEFINGS_DIR before the loader reads it, so a wrong path reads as a wrong path
 * (naming the variable and the folder) rather than as a bare ENOENT or a list of missing topics.
 */
export async function checkBriefingsDir(dir: string): Promise<void> {
  const named = variable('EUJP_BRIEFINGS_DIR', dir);
  let names: string[];
  try {
    const info = await stat(dir);
    if (!info.isDirectory()) throw new StartupError(`${named}: is a file, not a folder of briefings`);
    names = await readdir(dir);
  } catch (error) {
    if (error instanceof StartupError) throw error;
    const code = errorCode(error);
    if (code === 'ENOENT') throw new StartupError(`${named}: does not exist`, { cause: error });
    if (code === 'ENOTDIR') throw new StartupError(`${named}: does not exist (a part of the path is a file)`);
    if (code === 'EACCES' || code === 'EPERM')
      throw new StartupError(`${named}: cannot be read by this user (${code})`, { cause: error });
    throw new StartupError(`${named}: cannot be read (${errorMessage(error)})`, { cause: error });
  }
  if (!names.some((name) => name.endsWith('.md')))
    throw new StartupError(`no briefings in ${dir} (EUJP_BRIEFINGS_DIR)`);
}
