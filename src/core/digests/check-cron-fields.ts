/** The five fields of a digest's cron schedule, in order. */
export const CRON_FIELDS = ['minute', 'hour', 'day_of_month', 'month', 'day_of_week'] as const;
export type CronFieldName = (typeof CRON_FIELDS)[number];

/** What a field accepts: its number range and, for months and weekdays, names. */
export interface CronFieldRule {
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const LONG_MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const LONG_WEEKDAYS = ['sunday', 'monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday'];

export const CRON_FIELD_RULES: Record<CronFieldName, CronFieldRule> = {
  minute: { min: 0, max: 59 },
  hour: { min: 0, max: 23 },
  day_of_month: { min: 1, max: 31 },
  month: { min: 1, max: 12, names: MONTHS },
  // 7 is Sunday as well as 0, as in most crons.
  day_of_week: { min: 0, max: 7, names: WEEKDAYS },
};

/** Longer than any sensible five-field schedule; refused before anything reads it. */
export const MAX_CRON_LENGTH = 100;

export type CronFieldProblem =
  | { code: 'cron_too_long'; max: number }
  | { code: 'cron_unsupported' }
  | { code: 'cron_field'; field: CronFieldName; rule: CronFieldRule; maxItems: number };

// One list item: `*`, a value or a range, optionally with a step. Values are at most two digits
// or a name, so no number in the text can make anything later loop or allocate in proportion.
const ITEM = /^(?:\*|([0-9]{1,2}|[a-z]{3,9})(?:-([0-9]{1,2}|[a-z]{3,9}))?)(?:\/([0-9]{1,2}))?$/;

// L (last day), W (nearest weekday) and # (nth weekday): real cron, but not supported here.
const LAST_NEAREST_OR_NTH = /^(?:l|lw|l-[0-9]{1,2}|[0-9]{1,2}[lw]|[0-9a-z]{1,9}#[0-9])$/;

/**
 * Checks a whitespace-normalised five-field expression against each field's shape and bounds
 * before node-cron sees it: node-cron expands a range into an array first and checks it after,
 * so `1-99999999` in a field would allocate hundreds of megabytes. Returns the first problem.
 */
export function checkCronFields(expression: string): CronFieldProblem | undefined {
  if (expression.length > MAX_CRON_LENGTH) return { code: 'cron_too_long', max: MAX_CRON_LENGTH };
  const fields = expression.split(' ');
  for (const [index, name] of CRON_FIELDS.entries()) {
    const problem = checkField(name, (fields[index] ?? '').toLowerCase());
    if (problem) return problem;
  }
  return undefined;
}

function checkField(name: CronFieldName, text: string): CronFieldProblem | undefined {
  const rule = CRON_FIELD_RULES[name];
  const size = rule.max - rule.min + 1;
  const refused: CronFieldProblem = { code: 'cron_field', field: name, rule, maxItems: size };
  // `?` means "any" for the two day fields, as a whole field only.
  if (text === '?' && (name === 'day_of_month' || name === 'day_of_week')) return undefined;
  const items = text.split(',');
  if (items.length > size) return refused;
  for (const item of items) {
    const match = ITEM.exec(item);
    if (!match) {
      return LAST_NEAREST_OR_NTH.test(item) ? { code: 'cron_unsupported' } : refused;
    }
    const [, from, to, step] = match;
    if (from !== undefined && !inRange(from, name, rule)) return refused;
    if (to !== undefined && !inRange(to, name, rule)) return refused;
    if (step !== undefined && (Number(step) < 1 || Number(step) > size)) return refused;
  }
  return undefined;
}

function inRange(value: string, name: CronFieldName, rule: CronFieldRule): boolean {
  if (/^[0-9]+$/.test(value)) return Number(value) >= rule.min && Number(value) <= rule.max;
  if (name === 'month') return MONTHS.includes(value) || LONG_MONTHS.includes(value);
  if (name === 'day_of_week') return WEEKDAYS.includes(value) || LONG_WEEKDAYS.includes(value);
  return false;
}
