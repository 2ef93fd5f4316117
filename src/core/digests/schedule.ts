import { parse as parseCronFields, validateDetailed } from 'node-cron';
import {
  type CronFieldName as CheckedCronField,
  type CronFieldRule,
  checkCronFields,
  MAX_CRON_LENGTH,
} from './check-cron-fields.ts';
import type { ScheduleSpec } from './digest-commands.ts';

/** A validated schedule: the user's words in canonical form plus the cron fields node-cron fires on. */
export interface Schedule {
  /** Canonical text, stored and shown: `daily 09:00`, `weekly mon 09:00`, `cron "0 9 * * 1-5"`. */
  text: string;
  spec: ScheduleSpec;
  /** Five-field cron expression handed to node-cron. */
  cron: string;
  fields: CronFields;
}

/** Expanded cron fields; `weekdays` uses 0 for Sunday. */
export interface CronFields {
  minutes: number[];
  hours: number[];
  daysOfMonth: number[];
  months: number[];
  weekdays: number[];
}

/** The five cron fields, named as node-cron names them. */
export type CronFieldName = 'minute' | 'hour' | 'dayOfMonth' | 'month' | 'dayOfWeek';

/** A cron field the user got wrong, with what they wrote; messages name the field per language. */
export interface CronFieldValue {
  field: CronFieldName | (string & {});
  value: string;
}

/** Why a schedule was refused; the command layer turns it into a message in the user's language. */
export type ScheduleProblem =
  | { code: 'bad_time'; value: string }
  | { code: 'bad_day'; value: string }
  | { code: 'bad_cron'; value: string; invalid: CronFieldValue[] }
  | { code: 'cron_field_count'; value: string }
  | { code: 'cron_unsupported'; value: string }
  | { code: 'cron_field'; value: string; field: CheckedCronField; rule: CronFieldRule; maxItems: number }
  | { code: 'cron_too_long'; max: number }
  | { code: 'too_frequent'; value: string };

export type ScheduleResult = { ok: true; schedule: Schedule } | { ok: false; problem: ScheduleProblem };

export const DAY_KEYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;

const DAY_NAMES: Record<string, number> = {
  sun: 0,
  sunday: 0,
  mon: 1,
  monday: 1,
  tue: 2,
  tues: 2,
  tuesday: 2,
  wed: 3,
  wednesday: 3,
  thu: 4,
  thur: 4,
  thurs: 4,
  thursday: 4,
  fri: 5,
  friday: 5,
  sat: 6,
  saturday: 6,
  日: 0,
  月: 1,
  火: 2,
  水: 3,
  木: 4,
  金: 5,
  土: 6,
};

/** Validates a schedule as typed and turns it into the cron expression that fires it. */
export function parseSchedule(spec: ScheduleSpec): ScheduleResult {
  switch (spec.kind) {
    case 'daily': {
      const time = parseTime(spec.time);
      if (!time) return { ok: false, problem: { code: 'bad_time', value: spec.time } };
      return fromCron(
        { kind: 'daily', time: time.text },
        `daily ${time.text}`,
        `${time.minute} ${time.hour} * * *`,
      );
    }
    case 'weekly': {
      const weekday = parseWeekday(spec.day);
      if (weekday === undefined) return { ok: false, problem: { code: 'bad_day', value: spec.day } };
      const time = parseTime(spec.time);
      if (!time) return { ok: false, problem: { code: 'bad_time', value: spec.time } };
      const day = DAY_KEYS[weekday] ?? 'mon';
      return fromCron(
        { kind: 'weekly', day, time: time.text },
        `weekly ${day} ${time.text}`,
        `${time.minute} ${time.hour} * * ${weekday}`,
      );
    }
    case 'cron':
      return parseCron(spec.expression);
  }
}

/** Reads back a schedule stored as its canonical text. */
export function parseStoredSchedule(text: string): ScheduleResult {
  const [kind, ...rest] = text.split(' ');
  if (kind === 'daily') return parseSchedule({ kind, time: rest[0] ?? '' });
  if (kind === 'weekly') return parseSchedule({ kind, day: rest[0] ?? '', time: rest[1] ?? '' });
  return parseSchedule({ kind: 'cron', expression: rest.join(' ').replace(/^"|"$/g, '') });
}

function parseTime(value: string): { hour: number; minute: number; text: string } | undefined {
  // Full-width digits and colons come from Japanese keyboards.
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.normalize('NFKC').trim());
  if (!match) return undefined;
  const hour = Number(match[1]);
  const minute = Number(match[2]);
  if (hour > 23 || minute > 59) return undefined;
  return { hour, minute, text: `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}` };
}

function parseWeekday(value: string): number | undefined {
  const key = value
    .normalize('NFKC')
    .trim()
    .toLowerCase()
    .replace(/曜日?$/, '');
  return DAY_NAMES[key];
}

function parseCron(expression: string): ScheduleResult {
  const value = expression.trim().replace(/\s+/g, ' ');
  // node-cron also takes a sixth (seconds) field; digests are minute-grained by contract.
  if (value.split(' ').length !== 5) {
    return value.length > MAX_CRON_LENGTH
      ? { ok: false, problem: { code: 'cron_too_long', max: MAX_CRON_LENGTH } }
      : { ok: false, problem: { code: 'cron_field_count', value } };
  }
  // Before node-cron: it expands ranges into arrays before checking their bounds.
  const fieldProblem = checkCronFields(value);
  if (fieldProblem?.code === 'cron_too_long') return { ok: false, problem: fieldProblem };
  if (fieldProblem) return { ok: false, problem: { ...fieldProblem, value } };
  const validation = validateDetailed(value);
  if (!validation.valid) {
    const invalid = validation.errors.map((error) => ({ field: error.field, value: error.value ?? '' }));
    return { ok: false, problem: { code: 'bad_cron', value, invalid } };
  }
  return fromCron({ kind: 'cron', expression: value }, `cron "${value}"`, value);
}

function fromCron(spec: ScheduleSpec, text: string, cron: string): ScheduleResult {
  const parsed = parseCronFields(cron);
  const numbers = (values: (number | string)[]) =>
    values.every((v) => typeof v === 'number') ? (values as number[]) : undefined;
  const daysOfMonth = numbers(parsed.dayOfMonth);
  const weekdays = numbers(parsed.dayOfWeek);
  // L, W and # (last day, nearest weekday, nth weekday) would need their own next-run maths.
  if (!daysOfMonth || !weekdays) return { ok: false, problem: { code: 'cron_unsupported', value: cron } };
  // A digest more often than hourly is spam, and one minute per hour keeps the ledger small.
  if (parsed.minute.length !== 1) return { ok: false, problem: { code: 'too_frequent', value: cron } };
  const sorted = (values: number[]) => [...new Set(values)].sort((a, b) => a - b);
  return {
    ok: true,
    schedule: {
      text,
      spec,
      cron,
      fields: {
        minutes: sorted(parsed.minute),
        hours: sorted(parsed.hour),
        daysOfMonth: sorted(daysOfMonth),
        months: sorted(parsed.month),
        weekdays: sorted(weekdays.map((day) => day % 7)),
      },
    },
  };
}
