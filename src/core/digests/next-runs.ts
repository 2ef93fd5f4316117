import type { CronFields } from './schedule.ts';
import { instantOfWallClock, nextCalendarDay, wallClockAt } from './zoned-time.ts';

// A valid cron can still never fire (31 February); give up after five years of calendar days.
const MAX_DAYS_SEARCHED = 366 * 5;

/**
 * The send times of a schedule strictly after `after`, in order, as node-cron fires them in
 * `timeZone`: day-of-month and day-of-week must both match (node-cron ANDs them), a local time
 * that does not exist on the day clocks go forward is skipped, and one that exists twice on the
 * day they go back fires once, at its later instant.
 */
export function* iterateRuns(fields: CronFields, timeZone: string, after: Date): Generator<Date> {
  const afterMs = after.getTime();
  const start = wallClockAt(afterMs, timeZone);
  let day = { year: start.year, month: start.month, day: start.day, weekday: start.weekday };
  for (let searched = 0; searched < MAX_DAYS_SEARCHED; searched++) {
    if (
      fields.months.includes(day.month) &&
      fields.daysOfMonth.includes(day.day) &&
      fields.weekdays.includes(day.weekday)
    ) {
      for (const hour of fields.hours) {
        for (const minute of fields.minutes) {
          const instant = instantOfWallClock({ ...day, hour, minute }, timeZone);
          if (instant !== undefined && instant > afterMs) yield new Date(instant);
        }
      }
    }
    day = nextCalendarDay(day.year, day.month, day.day);
  }
}

/** The next `count` send times after `after` (fewer only if the schedule never fires again). */
export function nextRuns(fields: CronFields, timeZone: string, after: Date, count: number): Date[] {
  const runs: Date[] = [];
  if (count <= 0) return runs;
  for (const run of iterateRuns(fields, timeZone, after)) {
    runs.push(run);
    if (runs.length >= count) break;
  }
  return runs;
}

/**
 * Send times in (`after`, `until`], oldest first, at most `limit` of them (the newest are kept
 * when there are more, since those are the ones a catch-up might still send).
 */
export function runsBetween(
  fields: CronFields,
  timeZone: string,
  after: Date,
  until: Date,
  limit: number,
): { runs: Date[]; dropped: number } {
  const runs: Date[] = [];
  let dropped = 0;
  for (const run of iterateRuns(fields, timeZone, after)) {
    if (run.getTime() > until.getTime()) break;
    runs.push(run);
    if (runs.length > limit) {
      runs.shift();
      dropped++;
    }
  }
  return { runs, dropped };
}
