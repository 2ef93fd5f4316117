import type { CommandDescriptor } from '../core.ts';
import type { Language } from '../reply.ts';
import { COMMAND_CATALOG, type CommandName } from './command-catalog.ts';

/** One command explained: its usage with placeholders in the reader's language, and worked examples. */
export interface CommandHelp {
  usage: string;
  details: string[];
  examples: Array<{ command: string; meaning: string }>;
}

// The same words on every platform: the core builds the help reply and each renderer only formats it.
export const COMMAND_HELP: Record<Language, Record<CommandName, CommandHelp>> = {
  en: {
    help: {
      usage: 'help [command]',
      details: ['Without a command: every command and topic. With one: how that command works.'],
      examples: [{ command: 'help subscribe', meaning: 'schedules, time zones and cron, with examples' }],
    },
    topics: {
      usage: 'topics',
      details: ['Every topic with its one-line summary. “list” does the same.'],
      examples: [{ command: 'topics', meaning: 'the topic list' }],
    },
    briefing: {
      usage: '<topic or question>',
      details: [
        'Type a topic by id, name or alias, in English or Japanese; small typos are fine.',
        'The briefing is dated, and every claim is numbered [n] with its source.',
      ],
      examples: [
        { command: 'semiconductors', meaning: 'the semiconductors briefing' },
        { command: 'chips', meaning: 'the same, by an alias' },
      ],
    },
    sources: {
      usage: 'sources <topic>',
      details: ['The numbered documents behind a briefing, with links. “<topic> sources” works too.'],
      examples: [{ command: 'sources quantum', meaning: 'the sources of the quantum briefing' }],
    },
    search: {
      usage: 'search <words>',
      details: ['Ranked topics, each with the sentence that matched.'],
      examples: [{ command: 'search data adequacy', meaning: 'where data adequacy is discussed' }],
    },
    timeline: {
      usage: 'timeline [topic]',
      details: ['Dated developments, newest first, each with its source. Without a topic: all of them.'],
      examples: [{ command: 'timeline hpc', meaning: 'developments on high-performance computing' }],
    },
    digest: {
      usage: 'digest [topics…]',
      details: ['A preview of the digest this channel would get now; nothing is sent or stored.'],
      examples: [{ command: 'digest quantum ai', meaning: 'a preview for two topics' }],
    },
    subscribe: {
      usage: 'subscribe <daily HH:MM | weekly DAY HH:MM | cron "…"> [tz=Area/City] [topics…]',
      details: [
        'Sends this channel a digest of what changed, on a schedule. Times use a 24-hour clock.',
        'tz= takes an IANA time zone (tz=Asia/Tokyo) or a city (tz=tokyo); without it, the bot’s default.',
        'A cron expression has five fields in double quotes: minute hour day-of-month month weekday (0 or 7 = Sunday). At most one digest an hour.',
        'Without topics the digest covers all of them.',
      ],
      examples: [
        { command: 'subscribe daily 08:30', meaning: 'every day at 08:30, all topics' },
        {
          command: 'subscribe weekly mon 09:00 tz=Asia/Tokyo quantum',
          meaning: 'Mondays 09:00 Tokyo time, quantum',
        },
        { command: 'subscribe cron "0 9 * * 1-5"', meaning: 'weekdays at 09:00' },
        { command: 'subscribe cron "30 17 * * 5" semiconductors', meaning: 'Fridays at 17:30' },
        { command: 'subscribe cron "0 8 1 * *"', meaning: 'the first day of each month at 08:00' },
        { command: 'subscribe cron "0 9,17 * * *"', meaning: 'every day at 09:00 and 17:00' },
      ],
    },
    unsubscribe: {
      usage: 'unsubscribe <number | all>',
      details: [
        'Removes one digest by its number in “subscriptions”. Removing several takes “all” and a confirmation.',
        'The reply gives the subscribe lines that bring back what was removed.',
      ],
      examples: [
        { command: 'unsubscribe 2', meaning: 'removes digest number 2' },
        { command: 'unsubscribe all', meaning: 'asks before removing every digest here' },
      ],
    },
    subscriptions: {
      usage: 'subscriptions',
      details: ['This channel’s digests, numbered, with the next send time of each.'],
      examples: [{ command: 'subscriptions', meaning: 'the list' }],
    },
    status: {
      usage: 'status',
      details: ['The last digest sent here, the next one due, and anything skipped or failed, with why.'],
      examples: [{ command: 'status', meaning: 'this channel’s delivery status' }],
    },
    language: {
      usage: 'language [en | ja]',
      details: [
        'Shows or sets the language this channel gets replies and digests in.',
        'Any command also takes lang=en or lang=ja for a single reply.',
      ],
      examples: [
        { command: 'language ja', meaning: 'replies in Japanese from now on' },
        { command: 'quantum lang=ja', meaning: 'one briefing in Japanese' },
      ],
    },
  },
  ja: {
    help: {
      usage: 'help [コマンド]',
      details: [
        'コマンドを省略すると全コマンドとトピックの一覧、指定するとそのコマンドの使い方を表示します。',
      ],
      examples: [{ command: 'help subscribe', meaning: 'スケジュール、タイムゾーン、cron の書き方と例' }],
    },
    topics: {
      usage: 'topics',
      details: ['全トピックと概要を表示します。「list」でも同じです。'],
      examples: [{ command: 'topics', meaning: 'トピック一覧' }],
    },
    briefing: {
      usage: '<トピックまたは質問>',
      details: [
        'トピックの ID・名前・別名を日本語か英語で入力します。多少の入力ミスは補正します。',
        'ブリーフィングには日付があり、各記述に番号付きの出典 [n] が付きます。',
      ],
      examples: [
        { command: '半導体', meaning: '半導体のブリーフィング' },
        { command: 'chips', meaning: '別名でも同じ' },
      ],
    },
    sources: {
      usage: 'sources <トピック>',
      details: [
        'ブリーフィングの根拠となる資料を番号とリンク付きで表示します。「<トピック> 出典」でも使えます。',
      ],
      examples: [{ command: 'sources 量子', meaning: '量子のブリーフィングの出典' }],
    },
    search: {
      usage: 'search <キーワード>',
      details: ['一致したトピックを、該当する文とともに関連度順に表示します。'],
      examples: [{ command: 'search データ 十分性', meaning: 'データの十分性に触れている箇所' }],
    },
    timeline: {
      usage: 'timeline [トピック]',
      details: ['日付付きの動きを新しい順に出典付きで表示します。トピックを省略するとすべて表示します。'],
      examples: [{ command: 'timeline hpc', meaning: 'スーパーコンピューター分野の動き' }],
    },
    digest: {
      usage: 'digest [トピック…]',
      details: ['このチャンネルに今届くダイジェストのプレビューです。送信も保存もしません。'],
      examples: [{ command: 'digest quantum ai', meaning: '2つのトピックのプレビュー' }],
    },
    subscribe: {
      usage: 'subscribe <daily HH:MM | weekly 曜日 HH:MM | cron "…"> [tz=地域/都市] [トピック…]',
      details: [
        'このチャンネルに変更点のダイジェストを定期的に送ります。時刻は24時間制です。',
        'tz= には IANA タイムゾーン（tz=Asia/Tokyo）か都市名（tz=tokyo）を指定します。省略時はボットの既定値です。',
        'cron 式は5項目（分 時 日 月 曜日、日曜日は0か7）を二重引用符で囲みます。配信は1時間に1回までです。',
        'トピックを省略するとすべてのトピックが対象です。',
      ],
      examples: [
        { command: 'subscribe daily 08:30', meaning: '毎日8時30分、全トピック' },
        {
          command: 'subscribe weekly mon 09:00 tz=Asia/Tokyo quantum',
          meaning: '毎週月曜日の日本時間9時、量子',
        },
        { command: 'subscribe cron "0 9 * * 1-5"', meaning: '平日の9時' },
        { command: 'subscribe cron "30 17 * * 5" semiconductors', meaning: '毎週金曜日の17時30分' },
        { command: 'subscribe cron "0 8 1 * *"', meaning: '毎月1日の8時' },
        { command: 'subscribe cron "0 9,17 * * *"', meaning: '毎日9時と17時' },
      ],
    },
    unsubscribe: {
      usage: 'unsubscribe <番号 | all>',
      details: [
        '「subscriptions」の番号でダイジェストを1件削除します。複数を削除するには all と確認が必要です。',
        '返信には、削除したものを元に戻す subscribe コマンドが表示されます。',
      ],
      examples: [
        { command: 'unsubscribe 2', meaning: '2番のダイジェストを削除' },
        { command: 'unsubscribe all', meaning: '確認のうえ、このチャンネルのダイジェストをすべて削除' },
      ],
    },
    subscriptions: {
      usage: 'subscriptions',
      details: ['このチャンネルのダイジェストを番号と次回の配信日時付きで表示します。'],
      examples: [{ command: 'subscriptions', meaning: '一覧' }],
    },
    status: {
      usage: 'status',
      details: ['前回の配信、次回の予定、送信されなかった配信とその理由を表示します。'],
      examples: [{ command: 'status', meaning: 'このチャンネルの配信状況' }],
    },
    language: {
      usage: 'language [en | ja]',
      details: [
        'このチャンネルの返信とダイジェストの言語を確認・設定します。',
        'どのコマンドにも lang=ja や lang=en を付けると、その返信だけ言語を変えられます。',
      ],
      examples: [
        { command: 'language ja', meaning: '以後の返信を日本語に' },
        { command: 'quantum lang=en', meaning: '英語のブリーフィングを1回だけ' },
      ],
    },
  },
};

/** The catalog with each usage line in both languages, for help texts and platform definitions. */
export const COMMAND_DESCRIPTORS: readonly CommandDescriptor[] = COMMAND_CATALOG.map((entry) => ({
  ...entry,
  localizedUsage: { en: COMMAND_HELP.en[entry.name].usage, ja: COMMAND_HELP.ja[entry.name].usage },
}));
