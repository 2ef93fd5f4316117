import { CronExpressionParser } from 'cron-parser';
import { Cron } from 'croner';
import { createTask } from 'node-cron';
import { nextRuns, runsBetween } from '../src/core/digests/next-runs.ts';
import { parseSchedule } from '../src/core/digests/schedule.ts';
import type { BenchResult } from './measure.ts';

// Where our slot maths (next and previous send times), node-cron (which fires the digests) and two
// well-known cron libraries, croner and cron-parser, agree and disagree on the days clocks change.
// The figures are recorded in docs/decisions/0072-node-cron-with-our-own-slot-maths.md. croner
// and cron-parser are dev dependencies for this comparison only; the bot never loads them.

interface NextCase {
  name: string;
  cron: string;
  timeZone: string;
  /** Strictly after this instant. */
  after: string;
  count: number;
}

const NEXT_CASES: readonly NextCase[] = [
  // Brussels: 02:00 → 03:00 on 29 March 2026, 03:00 → 02:00 on 25 October 2026.
  {
    name: 'brussels-spring 30 2 * * *',
    cron: '30 2 * * *',
    timeZone: 'Europe/Brussels',
    after: '2026-03-28T12:00:00Z',
    count: 3,
  },
  {
    name: 'brussels-fall 30 2 * * *',
    cron: '30 2 * * *',
    timeZone: 'Europe/Brussels',
    after: '2026-10-24T12:00:00Z',
    count: 3,
  },
  {
    name: 'brussels-spring 0 * * * *',
    cron: '0 * * * *',
    timeZone: 'Europe/Brussels',
    after: '2026-03-28T23:30:00Z',
    count: 4,
  },
  {
    name: 'brussels-fall 0 * * * *',
    cron: '0 * * * *',
    timeZone: 'Europe/Brussels',
    after: '2026-10-24T23:30:00Z',
    count: 4,
  },
  // New York: 02:00 → 03:00 on 8 March 2026, 02:00 → 01:00 on 1 November 2026.
  {
    name: 'new-york-spring 30 2 * * *',
    cron: '30 2 * * *',
    timeZone: 'America/New_York',
    after: '2026-03-07T17:00:00Z',
    count: 3,
  },
  {
    name: 'new-york-fall 30 1 * * *',
    cron: '30 1 * * *',
    timeZone: 'America/New_York',
    after: '2026-10-31T17:00:00Z',
    count: 3,
  },
  {
    name: 'new-york-spring 0 * * * *',
    cron: '0 * * * *',
    timeZone: 'America/New_York',
    after: '2026-03-08T05:30:00Z',
    count: 4,
  },
  {
    name: 'new-york-fall 0 * * * *',
    cron: '0 * * * *',
    timeZone: 'America/New_York',
    after: '2026-11-01T04:30:00Z',
    count: 4,
  },
  // Day of month and day of week both restricted: node-cron requires both, classic cron either.
  {
    name: 'first-monday 0 9 1-7 * 1',
    cron: '0 9 1-7 * 1',
    timeZone: 'Europe/Brussels',
    after: '2026-06-01T12:00:00Z',
    count: 3,
  },
];

/** A catch-up: the send times in (until − hours, until], which node-cron cannot list. */
interface CatchUpCase {
  name: string;
  cron: string;
  timeZone: string;
  until: string;
  hours: number;
}

const CATCH_UP_CASES: readonly CatchUpCase[] = [
  {
    name: 'catch-up brussels-fall 0 * * * * (4 h)',
    cron: '0 * * * *',
    timeZone: 'Europe/Brussels',
    until: '2026-10-25T03:30:00Z',
    hours: 4,
  },
  {
    name: 'catch-up new-york-spring 30 2 * * * (48 h)',
    cron: '30 2 * * *',
    timeZone: 'America/New_York',
    until: '2026-03-09T12:00:00Z',
    hours: 48,
  },
];

const short = (date: Date) => date.toISOString().slice(0, 16).replace('T', ' ');

function ours(cron: string, timeZone: string, after: Date, count: number): Date[] {
  const parsed = parseSchedule({ kind: 'cron', expression: cron });
  if (!parsed.ok) throw new Error(`our parser refused ${cron}`);
  return nextRuns(parsed.schedule.fields, timeZone, after, count);
}

/**
 * node-cron's own next runs. Its only API for them, `getNextRuns`, counts from the current time,
 * so the current time is pinned (a Date whose no-argument form reads `now`) while it runs.
 */
function nodeCron(cron: string, timeZone: string, after: Date, count: number): Date[] {
  const RealDate = Date;
  const pinned = new Proxy(RealDate, {
    construct: (target, args, newTarget) =>
      Reflect.construct(target, args.length === 0 ? [after.getTime()] : args, newTarget),
    get: (target, key, receiver) =>
      key === 'now' ? () => after.getTime() : Reflect.get(target, key, receiver),
  });
  const task = createTask(cron, () => undefined, { timezone: timeZone });
  globalThis.Date = pinned;
  try {
    return task.getNextRuns(count).map((date) => new RealDate(date.getTime()));
  } finally {
    globalThis.Date = RealDate;
    void task.destroy();
  }
}

function croner(cron: string, timeZone: string, after: Date, count: number): Date[] {
  return new Cron(cron, { timezone: timeZone, paused: true }).nextRuns(count, after);
}

function cronParser(cron: string, timeZone: string, after: Date, count: number): Date[] {
  const expression = CronExpressionParser.parse(cron, { currentDate: after, tz: timeZone });
  return expression.take(count).map((date) => date.toDate());
}

const LIBRARIES = { ours, 'node-cron': nodeCron, croner, 'cron-parser': cronParser } as const;

function catchUpRuns(library: 'ours' | 'croner' | 'cron-parser', test: CatchUpCase): Date[] {
  const until = new Date(test.until);
  const after = new Date(until.getTime() - test.hours * 3_600_000);
  if (library === 'ours') {
    const parsed = parseSchedule({ kind: 'cron', expression: test.cron });
    if (!parsed.ok) throw new Error(`our parser refused ${test.cron}`);
    return runsBetween(parsed.schedule.fields, test.timeZone, after, until, 100).runs;
  }
  // Both list backwards from a reference instant; keep those inside the window, oldest first.
  const newestFirst =
    library === 'croner'
      ? new Cron(test.cron, { timezone: test.timeZone, paused: true }).previousRuns(
          100,
          new Date(until.getTime() + 1),
        )
      : CronExpressionParser.parse(test.cron, {
          currentDate: new Date(until.getTime() + 1),
          tz: test.timeZone,
        })
          .take(-100)
          .map((date) => date.toDate());
  return newestFirst.filter((date) => date > after && date <= until).reverse();
}

/** `agree: …` when every library lists the same times, else each library's list. */
function verdict(lists: Record<string, Date[]>): string {
  const rendered = Object.entries(lists).map(([name, dates]) => [name, dates.map(short).join(', ')] as const);
  const first = rendered[0]?.[1];
  if (rendered.every(([, text]) => text === first)) return `agree: ${first}`;
  return rendered.map(([name, text]) => `${name} [${text}]`).join(' | ');
}

export async function run(): Promise<BenchResult> {
  const metrics: Record<string, string> = {};
  for (const test of NEXT_CASES) {
    const lists: Record<string, Date[]> = {};
    for (const [name, library] of Object.entries(LIBRARIES)) {
      try {
        lists[name] = library(test.cron, test.timeZone, new Date(test.after), test.count);
      } catch (error) {
        metrics[`${test.name} ${name} error`] = error instanceof Error ? error.message : String(error);
      }
    }
    metrics[test.name] = verdict(lists);
  }
  for (const test of CATCH_UP_CASES) {
    metrics[test.name] = `${verdict({
      ours: catchUpRuns('ours', test),
      croner: catchUpRuns('croner', test),
      'cron-parser': catchUpRuns('cron-parser', test),
    })} (node-cron: no API for past runs)`;
  }
  return { name: 'cron-libraries: next and past send times on DST days (UTC)', metrics };
}
