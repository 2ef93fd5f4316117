import type { CommandDescriptor } from '../core.ts';

/** The grammar's commands as data: help text, Discord definitions and parsing derive from it. */
export interface CatalogEntry extends CommandDescriptor {
  /** The words that start the command, in any language; matched case-insensitively. */
  keywords: readonly string[];
  /** Needs a Slack or Discord channel: the console and `npm run ask` neither offer nor run it. */
  chatOnly?: true;
}

export const COMMAND_CATALOG = [
  {
    name: 'help',
    keywords: ['help', '?', 'ヘルプ'],
    usage: 'help',
    description: { en: 'How to use eujp, with the topic list', ja: '使い方とトピック一覧' },
    managesChannel: false,
  },
  {
    name: 'topics',
    keywords: ['topics', 'list', 'トピック', '一覧'],
    usage: 'topics',
    description: { en: 'Every topic with its one-line summary', ja: '全トピックと概要' },
    managesChannel: false,
  },
  {
    name: 'briefing',
    keywords: [],
    usage: '<topic or question>',
    description: { en: 'The briefing on a topic', ja: 'トピックのブリーフィング' },
    managesChannel: false,
  },
  {
    name: 'sources',
    keywords: ['sources', 'source', '出典'],
    usage: 'sources <topic>',
    description: { en: 'The numbered sources behind a briefing', ja: 'ブリーフィングの番号付き出典' },
    managesChannel: false,
  },
  {
    name: 'search',
    keywords: ['search', 'find', '検索'],
    usage: 'search <words>',
    description: { en: 'Ranked matches with snippets', ja: 'キーワード検索' },
    managesChannel: false,
  },
  {
    name: 'timeline',
    keywords: ['timeline', 'history', '年表'],
    usage: 'timeline [topic]',
    description: { en: 'Dated developments, newest first', ja: '日付順の動き（新しい順）' },
    managesChannel: false,
  },
  {
    name: 'digest',
    keywords: ['digest', 'ダイジェスト'],
    usage: 'digest [topics…]',
    description: {
      en: 'Preview the digest this channel would get',
      ja: 'このチャンネル向けダイジェストのプレビュー',
    },
    managesChannel: false,
  },
  {
    name: 'subscribe',
    chatOnly: true,
    keywords: ['subscribe', '購読'],
    usage: 'subscribe <daily HH:MM | weekly DAY HH:MM | cron "…"> [tz=Area/City] [topics…]',
    description: {
      en: 'Subscribe this channel to scheduled digests',
      ja: 'このチャンネルで定期ダイジェストを購読',
    },
    managesChannel: true,
  },
  {
    name: 'unsubscribe',
    chatOnly: true,
    keywords: ['unsubscribe', '購読解除'],
    usage: 'unsubscribe [number | all]',
    description: {
      en: "Remove one or all of this channel's digests",
      ja: 'このチャンネルのダイジェストを解除',
    },
    managesChannel: true,
  },
  {
    name: 'subscriptions',
    chatOnly: true,
    keywords: ['subscriptions', '購読一覧'],
    usage: 'subscriptions',
    description: { en: "List this channel's digests", ja: 'このチャンネルのダイジェスト一覧' },
    managesChannel: false,
  },
  {
    name: 'status',
    chatOnly: true,
    keywords: ['status', '状態'],
    usage: 'status',
    description: {
      en: 'Last digest sent, next due, anything skipped or failed',
      ja: '配信状況（前回・次回・失敗）',
    },
    managesChannel: false,
  },
  {
    name: 'language',
    keywords: ['language', 'lang', '言語'],
    usage: 'language [en | ja]',
    description: {
      en: "Show or set this channel's reply language",
      ja: 'このチャンネルの返信言語の確認・設定',
    },
    managesChannel: true,
  },
] as const satisfies readonly CatalogEntry[];

export type CommandName = (typeof COMMAND_CATALOG)[number]['name'];

/** Whether a request comes from a chat channel (Slack, Discord) or from the console / CLI. */
export type Surface = 'chat' | 'console';

/** The commands that work on `surface`, in catalog order. */
export function commandsFor(surface: Surface): readonly CatalogEntry[] {
  return COMMAND_CATALOG.filter((entry) => surface === 'chat' || !('chatOnly' in entry));
}

/** The catalog entry whose keyword starts the text, if any. */
export function findCommandByKeyword(word: string): CatalogEntry | undefined {
  const folded = word.normalize('NFKC').toLowerCase();
  return COMMAND_CATALOG.find((entry) => (entry.keywords as readonly string[]).includes(folded));
}
