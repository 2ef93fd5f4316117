import type { Language } from '../reply.ts';
import type { Schedule } from './schedule.ts';
import { SCHEDULE_MESSAGES, type ScheduleMessages } from './schedule-messages.ts';

const pad = (value: number) => String(value).padStart(2, '0');

/** The schedule in words: "every Monday at 09:00", "毎週月曜日 09:00", "every Monday to Friday at 09:00". */
export function describeSchedule(schedule: Schedule, lang: Language): string {
  const words = SCHEDULE_MESSAGES[lang];
  const { minutes, hours, daysOfMonth, months, weekdays } = schedule.fields;
  const minute = pad(minutes[0] ?? 0);

  let time: string;
  if (hours.length === 24) time = words.everyHourAt(minute);
  else if (hours.length <= 4) time = words.at(words.list(hours.map((hour) => `${pad(hour)}:${minute}`)));
  else
    time = words.atMinuteOfHours(
      minute,
      compress(hours, words, (hour) => String(hour)),
    );

  const allMonthDays = daysOfMonth.length === 31;
  const allWeekdays = weekdays.length === 7;
  const weekdayWords = compress(weekdays, words, (day) => words.weekdays[day] ?? '');
  let day: string;
  if (allMonthDays && allWeekdays) day = words.everyDay;
  else if (allMonthDays) day = words.onWeekdays(weekdayWords);
  else if (allWeekdays) day = words.onDaysOfMonth(compress(daysOfMonth, words, String));
  else day = words.onDaysOfMonthIfWeekday(compress(daysOfMonth, words, String), weekdayWords);

  const month =
    months.length === 12 ? '' : words.inMonths(compress(months, words, (m) => words.months[m - 1] ?? ''));
  return words.join(day, month, time);
}

/** Runs of three or more consecutive values read as a range: 1,2,3,4,5 → "Monday to Friday". */
function compress(values: number[], words: ScheduleMessages, name: (value: number) => string): string {
  const parts: string[] = [];
  let index = 0;
  while (index < values.length) {
    let end = index;
    while (end + 1 < values.length && values[end + 1] === (values[end] ?? 0) + 1) end++;
    const first = values[index] ?? 0;
    const last = values[end] ?? 0;
    if (end - index >= 2) parts.push(words.range(name(first), name(last)));
    else for (let i = index; i <= end; i++) parts.push(name(values[i] ?? 0));
    index = end + 1;
  }
  return words.list(parts);
}
