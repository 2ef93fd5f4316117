import fc from 'fast-check';
import { createTask } from 'node-cron';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ScheduleSpec } from '../../../src/core/digests/digest-commands.ts';
import { nextRuns, runsBetween } from '../../../src/core/digests/next-runs.ts';
import { parseSchedule, type Schedule } from '../../../src/core/digests/schedule.ts';

function schedule(spec: ScheduleSpec): Schedule {
  const result = parseSchedule(spec);
  if (!result.ok) throw new Error(`bad schedule in test: ${JSON.stringify(result.problem)}`);
  return result.schedule;
}

const iso = (dates: Date[]) => dates.map((date) => date.toISOString());

describe('next send times', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('moves a Brussels morning digest one hour earlier in UTC after clocks go forward in March', () => {
    const weekly = schedule({ kind: 'weekly', day: 'mon', time: '09:00' });
    const runs = nextRuns(weekly.fields, 'Europe/Brussels', new Date('2025-03-20T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2025-03-24T08:00:00.000Z',
      '2025-03-31T07:00:00.000Z',
      '2025-04-07T07:00:00.000Z',
    ]);
  });

  it('moves it back one hour after clocks go back on the last Sunday of October', () => {
    const daily = schedule({ kind: 'daily', time: '09:00' });
    const runs = nextRuns(daily.fields, 'Europe/Brussels', new Date('2025-10-25T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2025-10-26T08:00:00.000Z',
      '2025-10-27T08:00:00.000Z',
      '2025-10-28T08:00:00.000Z',
    ]);
  });

  it('sends on the Sunday of the change itself at the new offset', () => {
    const sunday = schedule({ kind: 'weekly', day: 'sunday', time: '09:00' });
    const runs = nextRuns(sunday.fields, 'Europe/Brussels', new Date('2025-03-29T12:00:00Z'), 1);
    expect(iso(runs)).toEqual(['2025-03-30T07:00:00.000Z']);
  });

  it('skips a time that does not exist when Brussels clocks jump from 02:00 to 03:00', () => {
    const daily = schedule({ kind: 'daily', time: '02:30' });
    const runs = nextRuns(daily.fields, 'Europe/Brussels', new Date('2025-03-28T12:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2025-03-29T01:30:00.000Z',
      '2025-03-31T00:30:00.000Z',
      '2025-04-01T00:30:00.000Z',
    ]);
  });

  it('sends a time that happens twice when Brussels clocks go back only once, at the later one', () => {
    const daily = schedule({ kind: 'daily', time: '02:30' });
    const runs = nextRuns(daily.fields, 'Europe/Brussels', new Date('2025-10-25T12:00:00Z'), 2);
    expect(iso(runs)).toEqual(['2025-10-26T01:30:00.000Z', '2025-10-27T01:30:00.000Z']);
  });

  it('keeps Tokyo at UTC+9 all year, with no change in March or October', () => {
    const weekly = schedule({ kind: 'weekly', day: 'mon', time: '09:00' });
    const march = nextRuns(weekly.fields, 'Asia/Tokyo', new Date('2025-03-20T12:00:00Z'), 2);
    const october = nextRuns(weekly.fields, 'Asia/Tokyo', new Date('2025-10-22T12:00:00Z'), 2);
    expect(iso(march)).toEqual(['2025-03-24T00:00:00.000Z', '2025-03-31T00:00:00.000Z']);
    expect(iso(october)).toEqual(['2025-10-27T00:00:00.000Z', '2025-11-03T00:00:00.000Z']);
  });

  it('rolls a Tokyo morning over from the UTC evening before', () => {
    const daily = schedule({ kind: 'daily', time: '08:30' });
    const runs = nextRuns(daily.fields, 'Asia/Tokyo', new Date('2025-06-01T23:45:00Z'), 1);
    expect(iso(runs)).toEqual(['2025-06-02T23:30:00.000Z']);
  });

  it('follows a weekday cron and skips the weekend', () => {
    const weekdays = schedule({ kind: 'cron', expression: '0 9 * * 1-5' });
    const runs = nextRuns(weekdays.fields, 'Europe/Brussels', new Date('2025-06-06T08:00:00Z'), 3);
    expect(iso(runs)).toEqual([
      '2025-06-09T07:00:00.000Z',
      '2025-06-10T07:00:00.000Z',
      '2025-06-11T07:00:00.000Z',
    ]);
  });

  it('is strictly after the given instant, even at the exact send time', () => {
    const daily = schedule({ kind: 'daily', time: '09:00' });
    const runs = nextRuns(daily.fields, 'Asia/Tokyo', new Date('2025-06-02T00:00:00Z'), 1);
    expect(iso(runs)).toEqual(['2025-06-03T00:00:00.000Z']);
  });

  it('lists the send times in a window, keeping the newest when there are too many', () => {
    const daily = schedule({ kind: 'daily', time: '09:00' });
    const { runs, dropped } = runsBetween(
      daily.fields,
      'Asia/Tokyo',
      new Date('2025-06-01T00:00:00Z'),
      new Date('2025-06-10T00:00:00Z'),
      3,
    );
    expect(iso(runs)).toEqual([
      '2025-06-08T00:00:00.000Z',
      '2025-06-09T00:00:00.000Z',
      '2025-06-10T00:00:00.000Z',
    ]);
    expect(dropped).toBe(6);
  });

  it('returns nothing for a cron that does not fire within five years (a Monday 29 February)', () => {
    // node-cron ANDs day of month and day of week; the next Monday 29 February after 2025 is in 2044.
    const never = schedule({ kind: 'cron', expression: '0 9 29 2 1' });
    expect(nextRuns(never.fields, 'Europe/Brussels', new Date('2025-01-01T00:00:00Z'), 1)).toEqual([]);
  });

  it('agrees with node-cron on the times it will fire, across zones and DST changes', () => {
    const zones = ['Europe/Brussels', 'Asia/Tokyo', 'America/New_York', 'Australia/Lord_Howe', 'UTC'];
    const expressions = [
      '30 2 * * *',
      '0 9 * * 1-5',
      '15 */3 * * *',
      '0 0 1,15 * *',
      '45 1 * 3,10 0',
      '0 3 * * sun',
    ];
    vi.useFakeTimers();
    fc.assert(
      fc.property(
        fc.constantFrom(...zones),
        fc.constantFrom(...expressions),
        // Instants from 2024 to 2027, so several DST changes of each zone are crossed.
        fc.integer({ min: Date.UTC(2024, 0, 1), max: Date.UTC(2027, 0, 1) }),
        (zone, expression, start) => {
          const parsed = schedule({ kind: 'cron', expression });
          vi.setSystemTime(start);
          const task = createTask(expression, () => {}, { timezone: zone });
          const theirs = task.getNextRuns(4);
          void task.destroy();
          // node-cron truncates to the second before searching; so do we by construction.
          const ours = nextRuns(parsed.fields, zone, new Date(Math.floor(start / 1000) * 1000), 4);
          expect(iso(ours)).toEqual(iso(theirs));
        },
      ),
      { numRuns: 200 },
    );
  });
});
