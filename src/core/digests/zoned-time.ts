import { cachedDateTimeFormat } from '../i18n/cached-formatter.ts';

/** A wall-clock reading in some time zone. `weekday` is 0 for Sunday, as in cron. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  weekday: number;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  return cachedDateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    weekday: 'short',
  });
}

/**
 * The canonical IANA name for `name` (case-insensitive, so `asia/tokyo` → `Asia/Tokyo`), or
 * undefined when the runtime's time zone database does not know it.
 */
export function resolveTimeZone(name: string): string | undefined {
  const trimmed = name.trim();
  // Intl also accepts raw offsets such as "+09:00", which have no DST rules and no place name.
  if (!/^[A-Za-z][A-Za-z0-9_+\-/]*$/.test(trimmed)) return undefined;
  // Names are case-insensitive, so one answer serves every spelling; only the answer is kept,
  // not the formatter that found it, and typed input can only fill the bounded map of strings.
  const key = trimmed.toLowerCase();
  if (resolved.has(key)) return resolved.get(key);
  let canonical: string | undefined;
  try {
    canonical = new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone;
  } catch {
    canonical = undefined;
  }
  if (resolved.size >= MAX_RESOLVED) resolved.delete(resolved.keys().next().value as string);
  resolved.set(key, canonical);
  return canonical;
}

const MAX_RESOLVED = 4_096;
const resolved = new Map<string, string | undefined>();

/** What a clock on the wall in `timeZone` shows at `instant`. */
export function wallClockAt(instant: number, timeZone: string): WallClock {
  const parts: Record<string, string> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) parts[part.type] = part.value;
  return {
    year: Number(parts.year),
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday: WEEKDAYS[parts.weekday ?? ''] ?? 0,
  };
}

/**
 * The instant at which the wall clock in `timeZone` shows the given local time, or undefined
 * when that time does not exist (skipped when clocks go forward). When it exists twice (clocks
 * go back) the later instant is returned, which is the one node-cron fires at in Brussels: the
 * ledger keys on this instant, so both must agree. node-cron 4.6 takes the earlier one in New
 * York (measured in docs/decisions/0072), which is still open.
 */
export function instantOfWallClock(local: Omit<WallClock, 'weekday'>, timeZone: string): number | undefined {
  const asIfUtc = Date.UTC(local.year, local.month - 1, local.day, local.hour, local.minute);
  // Offsets never exceed ±14 h, so the offsets 14 h either side cover both sides of a transition.
  const candidates = new Set([
    asIfUtc - offsetAt(asIfUtc - 14 * HOUR, timeZone),
    asIfUtc - offsetAt(asIfUtc + 14 * HOUR, timeZone),
  ]);
  let found: number | undefined;
  for (const candidate of candidates) {
    if (!readsAs(candidate, local, timeZone)) continue;
    if (found === undefined || candidate > found) found = candidate;
  }
  return found;
}

const HOUR = 3_600_000;

function offsetAt(instant: number, timeZone: string): number {
  const wall = wallClockAt(instant, timeZone);
  const asIfUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  const truncated = instant - (((instant % 60_000) + 60_000) % 60_000);
  return asIfUtc - truncated;
}

function readsAs(instant: number, local: Omit<WallClock, 'weekday'>, timeZone: string): boolean {
  const wall = wallClockAt(instant, timeZone);
  return (
    wall.year === local.year &&
    wall.month === local.month &&
    wall.day === local.day &&
    wall.hour === local.hour &&
    wall.minute === local.minute
  );
}

/** The calendar day after `year-month-day`, with its weekday. */
export function nextCalendarDay(year: number, month: number, day: number) {
  const date = new Date(Date.UTC(year, month - 1, day + 1));
  return {
    year: date.getUTCFullYear(),
    month: date.getUTCMonth() + 1,
    day: date.getUTCDate(),
    weekday: date.getUTCDay(),
  };
}
