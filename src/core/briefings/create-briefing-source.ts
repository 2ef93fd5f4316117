import { type FSWatcher, watch } from 'node:fs';
import type { Logger } from '../ports.ts';
import type { BriefingLibrary } from './briefing.ts';
import { type BriefingProblem, BriefingValidationError } from './briefing-problems.ts';
import { loadBriefingLibrary } from './load-briefing-library.ts';

/** The live content: the last valid library, replaced whole when an edit validates. */
export interface BriefingSource {
  current(): BriefingLibrary;
  /** Re-reads the directory; keeps the previous content when the new one is invalid. */
  reload(): Promise<boolean>;
  /** Reloads on file changes until the returned function is called. */
  watch(): () => void;
}

// Editors save in bursts (temp file, rename, metadata): reload once things settle.
const SETTLE_MS = 250;

/** After every reload: whether the content changed, and what was wrong when it did not. */
export type ReloadListener = (outcome: { ok: boolean; problems: readonly BriefingProblem[] }) => void;

export async function createBriefingSource(
  dir: string,
  logger: Logger,
  options: { onReload?: ReloadListener } = {},
): Promise<BriefingSource> {
  let library = await loadBriefingLibrary(dir);

  const reload = async (): Promise<boolean> => {
    try {
      library = await loadBriefingLibrary(dir);
      logger.info(
        { topics: library.briefings.size, developments: library.developments.length },
        'briefings reloaded',
      );
      options.onReload?.({ ok: true, problems: [] });
      return true;
    } catch (error) {
      if (!(error instanceof BriefingValidationError)) throw error;
      logger.warn({ problems: error.problems }, 'briefing edit rejected; keeping the previous content');
      options.onReload?.({ ok: false, problems: error.problems });
      return false;
    }
  };

  const startWatching = (): (() => void) => {
    let timer: NodeJS.Timeout | undefined;
    let watcher: FSWatcher | undefined;
    try {
      watcher = watch(dir, () => {
        clearTimeout(timer);
        timer = setTimeout(
          () => void reload().catch((error) => logger.error({ err: error }, 'briefing reload failed')),
          SETTLE_MS,
        );
      });
      watcher.on('error', (error) => logger.warn({ err: error }, 'briefings watch stopped'));
    } catch (error) {
      logger.warn({ err: error }, 'cannot watch the briefings directory; edits need a restart');
    }
    return () => {
      clearTimeout(timer);
      watcher?.close();
    };
  };

  return { current: () => library, reload, watch: startWatching };
}
