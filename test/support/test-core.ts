import path from 'node:path';
import type { BriefingLibrary } from '../../src/core/briefings/briefing.ts';
import { loadBriefingLibrary } from '../../src/core/briefings/load-briefing-library.ts';
import type { ChannelSettings } from '../../src/core/channel-settings.ts';
import type { Core } from '../../src/core/core.ts';
import { createCore } from '../../src/core/create-core.ts';
import type { DigestCommands } from '../../src/core/digests/digest-commands.ts';
import type { Clock, Logger } from '../../src/core/ports.ts';

export const BRIEFINGS_DIR = path.resolve(import.meta.dirname, '../../briefings');
export const FIXED_NOW = new Date('2026-11-28T09:00:00Z');

/** A logger that says nothing: tests assert on behaviour, not on log lines. */
export const silentLogger: Logger = { debug() {}, info() {}, warn() {}, error() {} };

export function fixedClock(now: Date = FIXED_NOW): Clock {
  return { now: () => new Date(now) };
}

let library: Promise<BriefingLibrary> | undefined;

/** The real briefings, loaded once per test file. */
export function loadRealLibrary(): Promise<BriefingLibrary> {
  library ??= loadBriefingLibrary(BRIEFINGS_DIR);
  return library;
}

/** The real core over the real briefings, with a silent logger and a fixed clock. */
export async function createTestCore(
  options: { digests?: DigestCommands; settings?: ChannelSettings } = {},
): Promise<Core> {
  const loaded = await loadRealLibrary();
  return createCore({ getLibrary: () => loaded, clock: fixedClock(), logger: silentLogger, ...options });
}
