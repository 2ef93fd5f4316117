import type { ScheduleSpec } from '../digests/digest-commands.ts';
import type { ArgumentToken } from './prepare-input.ts';

/** What is missing or mistyped in a command, worded per language by command-problems.ts. */
export type CommandProblem =
  | { code: 'missing_schedule' }
  | { code: 'missing_time'; kind: 'daily' | 'weekly'; day?: string }
  | { code: 'missing_day'; time: string }
  | { code: 'missing_cron' }
  | { code: 'unquoted_cron'; fields: number }
  | { code: 'missing_topic' }
  | { code: 'missing_words' }
  | { code: 'bad_number'; value: string }
  | { code: 'unsupported_language'; value: string };

export type ParsedSubscribe =
  | { name: 'subscribe'; schedule: ScheduleSpec; timeZone?: string; topicWords: string[] }
  | { name: 'invalid'; command: 'subscribe'; problem: CommandProblem };

const TIME_ZONE_OPTION = /^(?:tz|timezone)=(.*)$/i;
// Anything time-like ("9:00", "０９：００", "9am") reads as an attempted time, not as a day or topic.
const LOOKS_LIKE_TIME = /^\d{1,2}(?::\d{2})?(?:am|pm)?$/i;
const CRON_NAME = '(?:sun|mon|tue|wed|thu|fri|sat|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)';
const CRON_VALUE = `(?:\\*|\\?|\\d{1,2}|${CRON_NAME})`;
const CRON_PART = `${CRON_VALUE}(?:-${CRON_VALUE})?(?:/\\d{1,2})?`;
/** One field of a cron expression ("0", "*\/15", "1-5", "mon-fri", "9,17"); topic words never match. */
const CRON_FIELD = new RegExp(`^${CRON_PART}(?:,${CRON_PART})*$`, 'i');
const CRON_FIELDS = 5;
// Single quotes, and a double quote left open: the expression still reads up to its closing mark.
const QUOTES = /^['‘’"“”]|['‘’"“”]$/g;

/** `subscribe <daily HH:MM | weekly DAY HH:MM | cron "…"> [tz=…] [topics…]`, saying what is missing. */
export function parseSubscribe(tokens: readonly ArgumentToken[]): ParsedSubscribe {
  const invalid = (problem: CommandProblem): ParsedSubscribe => ({
    name: 'invalid',
    command: 'subscribe',
    problem,
  });
  const [kind, first, second] = tokens.map((token) => token.text.normalize('NFKC'));
  let schedule: ScheduleSpec;
  let consumed: number;
  switch (kind?.toLowerCase()) {
    case 'daily':
      if (first === undefined || !/\d/.test(first)) return invalid({ code: 'missing_time', kind: 'daily' });
      schedule = { kind: 'daily', time: first };
      consumed = 2;
      break;
    case 'weekly':
      if (first === undefined) return invalid({ code: 'missing_day', time: '09:00' });
      if (LOOKS_LIKE_TIME.test(first)) return invalid({ code: 'missing_day', time: first });
      if (second === undefined || !/\d/.test(second))
        return invalid({ code: 'missing_time', kind: 'weekly', day: first });
      schedule = { kind: 'weekly', day: first, time: second };
      consumed = 3;
      break;
    case 'cron': {
      const cron = readCron(tokens.slice(1));
      if ('problem' in cron) return invalid(cron.problem);
      schedule = { kind: 'cron', expression: cron.expression };
      consumed = 1 + cron.consumed;
      break;
    }
    default:
      return invalid({ code: 'missing_schedule' });
  }
  let timeZone: string | undefined;
  const topicWords: string[] = [];
  for (const token of tokens.slice(consumed)) {
    const option = TIME_ZONE_OPTION.exec(token.text);
    if (option) timeZone = option[1];
    else topicWords.push(token.text);
  }
  return timeZone === undefined
    ? { name: 'subscribe', schedule, topicWords }
    : { name: 'subscribe', schedule, timeZone, topicWords };
}

/**
 * The cron expression after `cron`: quoted as documented, in single quotes, or typed bare. A
 * bare one is accepted when exactly five cron-looking fields follow (topic words never look
 * like one); otherwise its end cannot be told from the topics, so ask for double quotes.
 */
function readCron(
  typed: readonly ArgumentToken[],
): { expression: string; consumed: number } | { problem: CommandProblem } {
  const [first] = typed;
  if (first === undefined) return { problem: { code: 'missing_cron' } };
  if (first.quoted) return { expression: first.text, consumed: 1 };
  if (/^['‘’"“”]/.test(first.text)) {
    const closing = typed.findIndex(
      (token, index) => /['‘’"“”]$/.test(token.text) && (index > 0 || token.text.length > 1),
    );
    if (closing >= 0) {
      const words = typed.slice(0, closing + 1).map((token) => token.text);
      const expression = words.join(' ').replace(QUOTES, '').trim();
      return { expression, consumed: closing + 1 };
    }
  }
  // An opening mark that is never closed: read the fields after it as if typed bare.
  const tokens = [{ ...first, text: first.text.replace(QUOTES, '') }, ...typed.slice(1)];
  let fields = 0;
  while (fields < tokens.length && !tokens[fields]!.quoted && CRON_FIELD.test(tokens[fields]!.text)) fields++;
  if (fields === 0) return { problem: { code: 'missing_cron' } };
  if (fields === CRON_FIELDS || fields === 1) {
    const expression = tokens
      .slice(0, fields)
      .map((token) => token.text)
      .join(' ');
    return { expression, consumed: fields };
  }
  return { problem: { code: 'unquoted_cron', fields } };
}
