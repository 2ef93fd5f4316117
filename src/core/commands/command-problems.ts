import type { Language } from '../reply.ts';
import type { CommandName } from './command-catalog.ts';
import type { CommandProblem } from './parse-subscribe.ts';

type ProblemWords = (problem: CommandProblem) => string;

// Each message says what is missing and gives one example to copy; `help <command>` has more.
const EN: ProblemWords = (problem) => {
  switch (problem.code) {
    case 'missing_schedule':
      return 'How often? Say daily HH:MM, weekly DAY HH:MM or cron "…", e.g. subscribe weekly mon 09:00.';
    case 'missing_time':
      return problem.kind === 'daily'
        ? 'At what time? e.g. subscribe daily 08:30 (24-hour clock).'
        : `At what time? e.g. subscribe weekly ${problem.day ?? 'mon'} 09:00 (24-hour clock).`;
    case 'missing_day':
      return `Which day? e.g. subscribe weekly mon ${problem.time}.`;
    case 'missing_cron':
      return 'Which cron expression? Five fields in double quotes, e.g. subscribe cron "0 9 * * 1-5" (09:00 on weekdays).';
    case 'unquoted_cron':
      return `Put the cron expression in double quotes (five fields: minute hour day month weekday; I read ${problem.fields}), e.g. subscribe cron "0 9 * * 1-5".`;
    case 'missing_topic':
      return 'Sources of which topic? e.g. sources semiconductors.';
    case 'missing_words':
      return 'Search for what? e.g. search data adequacy.';
    case 'bad_number':
      return 'Which digest? Give its number from “subscriptions”, e.g. unsubscribe 2, or unsubscribe all.';
    case 'unsupported_language':
      return 'Only English and Japanese are available, e.g. language ja.';
  }
};

const JA: ProblemWords = (problem) => {
  switch (problem.code) {
    case 'missing_schedule':
      return '配信の頻度を daily HH:MM、weekly 曜日 HH:MM、cron "…" のいずれかで指定してください（例：subscribe weekly mon 09:00）。';
    case 'missing_time':
      return problem.kind === 'daily'
        ? '時刻を24時間制で指定してください（例：subscribe daily 08:30）。'
        : `時刻を24時間制で指定してください（例：subscribe weekly ${problem.day ?? 'mon'} 09:00）。`;
    case 'missing_day':
      return `曜日を指定してください（例：subscribe weekly mon ${problem.time}）。`;
    case 'missing_cron':
      return 'cron 式（分 時 日 月 曜日の5項目）を二重引用符で囲んで指定してください（例：subscribe cron "0 9 * * 1-5" で平日の9時）。';
    case 'unquoted_cron':
      return `cron 式は二重引用符で囲んでください（5項目：分 時 日 月 曜日。読み取れたのは${problem.fields}項目）。例：subscribe cron "0 9 * * 1-5"`;
    case 'missing_topic':
      return 'どのトピックの出典か指定してください（例：sources 半導体）。';
    case 'missing_words':
      return '検索語を指定してください（例：search データ 十分性）。';
    case 'bad_number':
      return '「subscriptions」に表示される番号を指定してください（例：unsubscribe 2）。すべて削除するには unsubscribe all。';
    case 'unsupported_language':
      return '使える言語は英語と日本語だけです（例：language ja）。';
  }
};

const WORDS: Record<Language, ProblemWords> = { en: EN, ja: JA };

/** The refusal for a command typed incompletely: what is missing, one example, where to read more. */
export function describeCommandProblem(
  command: CommandName,
  problem: CommandProblem,
  lang: Language,
): string[] {
  const more = lang === 'ja' ? `詳しくは「help ${command}」。` : `More: help ${command}.`;
  return [WORDS[lang](problem), more];
}
