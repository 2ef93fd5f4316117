import type { Language } from '../reply.ts';
import type { CronFieldName, CronFieldRule } from './check-cron-fields.ts';
import type { CronFieldValue, ScheduleProblem } from './schedule.ts';

/** Words for describing schedules and refusing bad ones; per language so a gap fails typecheck. */
export interface ScheduleMessages {
  /** Indexed by cron weekday, 0 = Sunday. */
  weekdays: readonly string[];
  /** Indexed by month - 1. */
  months: readonly string[];
  list(values: string[]): string;
  range(from: string, to: string): string;
  everyDay: string;
  weekly(day: string): string;
  onWeekdays(days: string): string;
  onDaysOfMonth(days: string): string;
  onDaysOfMonthIfWeekday(days: string, weekdays: string): string;
  inMonths(months: string): string;
  at(times: string): string;
  everyHourAt(minute: string): string;
  atMinuteOfHours(minute: string, hours: string): string;
  /** Joins the day, month and time parts into one phrase. */
  join(day: string, month: string, time: string): string;
  problem(problem: ScheduleProblem): string;
  unknownTimeZone(name: string): string;
  neverRuns(schedule: string): string;
}

const EN_FIELDS: Record<CronFieldName, string> = {
  minute: 'minute (1st)',
  hour: 'hour (2nd)',
  day_of_month: 'day-of-month (3rd)',
  month: 'month (4th)',
  day_of_week: 'day-of-week (5th)',
};
const JA_FIELDS: Record<CronFieldName, string> = {
  minute: '分（1番目）',
  hour: '時（2番目）',
  day_of_month: '日（3番目）',
  month: '月（4番目）',
  day_of_week: '曜日（5番目）',
};

const enAllowed = (field: CronFieldName, rule: CronFieldRule) =>
  field === 'month'
    ? `${rule.min} to ${rule.max} or jan to dec`
    : field === 'day_of_week'
      ? `${rule.min} to ${rule.max} (0 and 7 are Sunday) or sun to sat`
      : `${rule.min} to ${rule.max}`;
const jaAllowed = (field: CronFieldName, rule: CronFieldRule) =>
  field === 'month'
    ? `${rule.min}〜${rule.max} または jan〜dec`
    : field === 'day_of_week'
      ? `${rule.min}〜${rule.max}（0 と 7 は日曜日）または sun〜sat`
      : `${rule.min}〜${rule.max}`;

const FIELD_NAMES: Record<Language, Record<string, string>> = {
  en: { minute: 'minute', hour: 'hour', dayOfMonth: 'day of month', month: 'month', dayOfWeek: 'weekday' },
  ja: { minute: '分', hour: '時', dayOfMonth: '日', month: '月', dayOfWeek: '曜日' },
};

function invalidFields(fields: readonly CronFieldValue[], lang: Language): string {
  const separator = lang === 'ja' ? '：' : ': ';
  return fields
    .map(({ field, value }) => `${FIELD_NAMES[lang][field] ?? field}${separator}${value}`)
    .join(lang === 'ja' ? '、' : ', ');
}

const EN_PROBLEMS = (problem: ScheduleProblem): string => {
  switch (problem.code) {
    case 'cron_field':
      return `In “${problem.value}”, the ${EN_FIELDS[problem.field]} field takes ${enAllowed(problem.field, problem.rule)}: a value, a range such as 1-5, a step such as */2, or a list of at most ${problem.maxItems} of these. Nothing was changed.`;
    case 'cron_too_long':
      return `That cron schedule is longer than ${problem.max} characters; a digest needs five short fields, e.g. cron "0 9 * * 1-5". Nothing was changed.`;
    case 'bad_time':
      return `“${problem.value}” is not a time: use HH:MM on a 24-hour clock, e.g. daily 08:30.`;
    case 'bad_day':
      return `“${problem.value}” is not a day of the week: use mon, tue, wed, thu, fri, sat or sun, e.g. weekly mon 09:00.`;
    case 'cron_field_count':
      return `“${problem.value}” is not a five-field cron schedule (minute hour day-of-month month day-of-week), e.g. cron "0 9 * * 1-5".`;
    case 'bad_cron':
      return `“${problem.value}” is not a valid cron schedule (${invalidFields(problem.invalid, 'en')}). Example: cron "0 9 * * 1-5".`;
    case 'cron_unsupported':
      return `“${problem.value}” uses L, W or #, which digests do not support: list the days instead.`;
    case 'too_frequent':
      return `“${problem.value}” would send more than once an hour: give the minute as a single number, e.g. cron "0 9,17 * * *".`;
  }
};

const JA_PROBLEMS = (problem: ScheduleProblem): string => {
  switch (problem.code) {
    case 'cron_field':
      return `「${problem.value}」の${JA_FIELDS[problem.field]}の項目には ${jaAllowed(problem.field, problem.rule)} を指定してください（1つの値、1-5 のような範囲、*/2 のような間隔、またはそれらを最大${problem.maxItems}個まで列挙）。何も変更していません。`;
    case 'cron_too_long':
      return `cron 形式が${problem.max}文字を超えています。ダイジェストの予定は短い5項目で指定してください（例：cron "0 9 * * 1-5"）。何も変更していません。`;
    case 'bad_time':
      return `「${problem.value}」は時刻として読めません。24時間制の HH:MM で指定してください（例：daily 08:30）。`;
    case 'bad_day':
      return `「${problem.value}」は曜日として読めません。mon, tue, wed, thu, fri, sat, sun のいずれかを指定してください（例：weekly mon 09:00）。`;
    case 'cron_field_count':
      return `「${problem.value}」は5項目（分 時 日 月 曜日）の cron 形式ではありません（例：cron "0 9 * * 1-5"）。`;
    case 'bad_cron':
      return `「${problem.value}」は正しい cron 形式ではありません（${invalidFields(problem.invalid, 'ja')}）。例：cron "0 9 * * 1-5"`;
    case 'cron_unsupported':
      return `「${problem.value}」の L、W、# はダイジェストでは使えません。日付や曜日を列挙してください。`;
    case 'too_frequent':
      return `「${problem.value}」では1時間に2回以上送信されます。分は1つの数字で指定してください（例：cron "0 9,17 * * *"）。`;
  }
};

export const SCHEDULE_MESSAGES: Record<Language, ScheduleMessages> = {
  en: {
    weekdays: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
    months: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
    list: (values) =>
      values.length <= 1 ? (values[0] ?? '') : `${values.slice(0, -1).join(', ')} and ${values.at(-1)}`,
    range: (from, to) => `${from} to ${to}`,
    everyDay: 'every day',
    weekly: (day) => `every ${day}`,
    onWeekdays: (days) => `every ${days}`,
    onDaysOfMonth: (days) => `on day ${days} of the month`,
    onDaysOfMonthIfWeekday: (days, weekdays) => `on day ${days} of the month when it is a ${weekdays}`,
    inMonths: (months) => `in ${months}`,
    at: (times) => `at ${times}`,
    everyHourAt: (minute) => `every hour at :${minute}`,
    atMinuteOfHours: (minute, hours) => `at :${minute} past hours ${hours}`,
    join: (day, month, time) => [day, month, time].filter(Boolean).join(' '),
    problem: EN_PROBLEMS,
    unknownTimeZone: (name) =>
      `“${name}” is not a time zone I know. Use an IANA name such as tz=Europe/Brussels or tz=Asia/Tokyo.`,
    neverRuns: (schedule) =>
      `${schedule} would not send a digest in the next five years. Nothing was changed.`,
  },
  ja: {
    weekdays: ['日曜日', '月曜日', '火曜日', '水曜日', '木曜日', '金曜日', '土曜日'],
    months: ['1月', '2月', '3月', '4月', '5月', '6月', '7月', '8月', '9月', '10月', '11月', '12月'],
    list: (values) => values.join('・'),
    range: (from, to) => `${from}〜${to}`,
    everyDay: '毎日',
    weekly: (day) => `毎週${day}`,
    onWeekdays: (days) => `毎週${days}`,
    onDaysOfMonth: (days) => `毎月${days}日`,
    onDaysOfMonthIfWeekday: (days, weekdays) => `毎月${days}日（${weekdays}に当たる場合）`,
    inMonths: (months) => `（${months}）`,
    at: (times) => times,
    everyHourAt: (minute) => `毎時${minute}分`,
    atMinuteOfHours: (minute, hours) => `${hours}時の${minute}分`,
    join: (day, month, time) => `${day}${month} ${time}`,
    problem: JA_PROBLEMS,
    unknownTimeZone: (name) =>
      `「${name}」というタイムゾーンはありません。tz=Asia/Tokyo や tz=Europe/Brussels のような IANA 名で指定してください。`,
    neverRuns: (schedule) => `${schedule} では今後5年間ダイジェストが送信されません。何も変更していません。`,
  },
};
