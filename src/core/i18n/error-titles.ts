import type { ErrorCode } from '../errors.ts';
import type { Language } from '../reply.ts';

/** The title of a refusal: what went wrong, in a few words. Typed per code so none is missed. */
export const ERROR_TITLES: Record<Language, Record<ErrorCode, string>> = {
  en: {
    missing_schedule: 'Needs a schedule',
    missing_time: 'Needs a time',
    missing_day: 'Needs a day',
    missing_cron: 'Needs a cron expression',
    unquoted_cron: 'Put the cron expression in quotes',
    missing_topic: 'Needs a topic',
    missing_words: 'Needs search words',
    bad_number: 'Needs a digest number',
    unsupported_language: 'Language not available',
    bad_time: 'Not a time',
    bad_day: 'Not a day of the week',
    bad_cron: 'Not a valid cron schedule',
    never_runs: 'Schedule never sends',
    unknown_time_zone: 'Unknown time zone',
    unknown_topic: 'Unknown topic',
    duplicate_subscription: 'Already subscribed',
    too_many_subscriptions: 'Too many digests',
    no_subscriptions: 'No digests here',
    no_such_subscription: 'No such digest',
    confirmation_needed: 'Which digest?',
    confirmation_expired: 'Confirmation expired',
    subscriptions_changed: 'Digests changed meanwhile',
    needs_channel: 'Needs a channel',
    not_in_console: 'Not available in the console',
    not_allowed: 'Not allowed here',
    digests_unavailable: 'Digests unavailable',
    too_long: 'Too long',
    rate_limited: 'Slow down a little',
    internal: 'Something went wrong',
  },
  ja: {
    missing_schedule: '配信の頻度を指定してください',
    missing_time: '時刻を指定してください',
    missing_day: '曜日を指定してください',
    missing_cron: 'cron 式を指定してください',
    unquoted_cron: 'cron 式を引用符で囲んでください',
    missing_topic: 'トピックを指定してください',
    missing_words: '検索語を指定してください',
    bad_number: 'ダイジェストの番号を指定してください',
    unsupported_language: 'その言語には対応していません',
    bad_time: '時刻として読めません',
    bad_day: '曜日として読めません',
    bad_cron: 'cron 式が正しくありません',
    never_runs: '配信されないスケジュールです',
    unknown_time_zone: '不明なタイムゾーン',
    unknown_topic: '不明なトピック',
    duplicate_subscription: '登録済みです',
    too_many_subscriptions: 'ダイジェストが多すぎます',
    no_subscriptions: 'ダイジェストがありません',
    no_such_subscription: 'その番号のダイジェストはありません',
    confirmation_needed: 'どのダイジェストですか',
    confirmation_expired: '確認の期限が切れました',
    subscriptions_changed: 'ダイジェストが変更されました',
    needs_channel: 'チャンネルで実行してください',
    not_in_console: 'コンソールでは使えません',
    not_allowed: '権限がありません',
    digests_unavailable: 'ダイジェストは利用できません',
    too_long: '入力が長すぎます',
    rate_limited: '少し間をおいてください',
    internal: 'エラーが発生しました',
  },
};

/** The title for `code`; a code from elsewhere (an older shard) gets the neutral one. */
export function errorTitle(code: string, lang: Language): string {
  const titles = ERROR_TITLES[lang] as Record<string, string | undefined>;
  return titles[code] ?? (lang === 'ja' ? '実行できません' : 'Cannot do that');
}
