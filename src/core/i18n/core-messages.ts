import type { Language } from '../reply.ts';

/** Interface strings of the command layer; typing it per language makes a missing one a type error. */
export interface CoreMessages {
  helpTitle: string;
  helpIntro: string;
  helpCommandsHeading: string;
  helpTopicsHeading: string;
  helpExamples: string[];
  topicsTitle: string;
  asOf(date: string): string;
  sourceCount(count: number): string;
  sourcesTitle(title: string): string;
  sourcesButton: string;
  shareButton: string;
  timelineButton: string;
  notFoundTitle: string;
  notFound(query: string): string;
  tryTopics: string;
  didYouMean: string;
  searchTitle(query: string): string;
  searchNoResults(query: string): string;
  timelineTitle(title?: string): string;
  timelineEmpty: string;
  tooLong(max: number): string;
  nothingToRead: string;
  usage(usage: string): string;
  errorTitle: string;
  genericError: string;
  rateLimitedTitle: string;
  rateLimited(scope: 'user' | 'channel', seconds: number): string;
  needsChannel: string;
  digestsUnavailable: string;
  notAllowedToManage: string;
  unknownTopics(queries: string[]): string;
  languageTitle: string;
  languageSet(language: string): string;
  languageCurrent(language: string): string;
  languageNames: Record<Language, string>;
  /** No topic is close to a query: where to look instead. */
  noCloseTopic: string;
  allTopicsButton: string;
  /** A question naming several topics about equally. */
  whichTopicTitle: string;
  severalTopics(query: string, titles: string[]): string;
}

export const CORE_MESSAGES: Record<Language, CoreMessages> = {
  en: {
    helpTitle: 'EU–Japan Digital Partnership briefings',
    helpIntro:
      'Ask about a topic and get a short, dated briefing; every claim is numbered and linked to its source.',
    helpCommandsHeading: 'Commands',
    helpTopicsHeading: 'Topics',
    helpExamples: [
      '/eujp semiconductors',
      '/eujp chips sources',
      '/eujp search data adequacy',
      '/eujp subscribe weekly mon 09:00 tz=Asia/Tokyo quantum',
    ],
    topicsTitle: 'Topics of the EU–Japan Digital Partnership',
    asOf: (date) => `As of ${date}`,
    sourceCount: (count) => (count === 1 ? '1 source' : `${count} sources`),
    sourcesTitle: (title) => `Sources: ${title}`,
    sourcesButton: 'Sources',
    shareButton: 'Share in channel',
    timelineButton: 'Timeline',
    notFoundTitle: 'No matching topic',
    notFound: (query) => `I could not find a topic that clearly matches “${query}”.`,
    tryTopics: 'Try one of these topics:',
    didYouMean: 'Did you mean:',
    searchTitle: (query) => `Search: ${query}`,
    searchNoResults: (query) => `Nothing in the briefings matches “${query}”.`,
    timelineTitle: (title) => (title ? `Timeline: ${title}` : 'Timeline of the EU–Japan Digital Partnership'),
    timelineEmpty: 'No dated developments recorded for this topic yet.',
    tooLong: (max) =>
      `That is longer than I can read (${max} characters at most). Try a topic name such as “semiconductors”.`,
    nothingToRead: 'I could not read a topic in that. Try a topic name such as “semiconductors”, or “help”.',
    usage: (usage) => `Usage: ${usage}`,
    errorTitle: 'Cannot do that',
    genericError: 'Sorry, something went wrong on our side. Please try again in a moment.',
    rateLimitedTitle: 'One moment, please',
    rateLimited: (scope, seconds) =>
      `${scope === 'user' ? 'You are sending commands faster than I can keep up with' : 'This channel is sending a lot of commands right now'}. Please try again in ${seconds === 1 ? '1 second' : `${seconds} seconds`}.`,
    needsChannel: 'Digests belong to a chat channel: use this command in a Slack or Discord channel.',
    digestsUnavailable: 'Scheduled digests are not available in this installation yet.',
    notAllowedToManage: 'Only members who can manage this channel (Manage Channels) can change its digests.',
    unknownTopics: (queries) =>
      `No topic matches ${queries.map((query) => `“${query}”`).join(', ')}. Nothing was changed.`,
    languageTitle: 'Language',
    languageSet: (language) => `This channel now gets replies in ${language}.`,
    languageCurrent: (language) =>
      `This channel gets replies in ${language}. Change it with “language en” or “language ja”.`,
    languageNames: { en: 'English', ja: 'Japanese (日本語)' },
    noCloseTopic: 'No topic comes close. “topics” lists them all.',
    allTopicsButton: 'All topics',
    whichTopicTitle: 'Which topic did you mean?',
    severalTopics: (query, titles) => `“${query}” matches several topics: ${titles.join(', ')}. Pick one.`,
  },
  ja: {
    helpTitle: '日EUデジタルパートナーシップ ブリーフィング',
    helpIntro:
      'トピックを指定すると、日付入りの簡潔なブリーフィングを返します。各記述には番号付きの出典が付きます。',
    helpCommandsHeading: 'コマンド',
    helpTopicsHeading: 'トピック',
    helpExamples: [
      '/eujp 半導体',
      '/eujp 半導体 sources',
      '/eujp search データ 十分性',
      '/eujp subscribe weekly mon 09:00 tz=Asia/Tokyo quantum',
    ],
    topicsTitle: '日EUデジタルパートナーシップのトピック',
    asOf: (date) => `${date}時点`,
    sourceCount: (count) => `出典${count}件`,
    sourcesTitle: (title) => `出典：${title}`,
    sourcesButton: '出典',
    shareButton: 'チャンネルに共有',
    timelineButton: '年表',
    notFoundTitle: '該当するトピックがありません',
    notFound: (query) => `「${query}」に明確に該当するトピックが見つかりませんでした。`,
    tryTopics: '次のトピックをお試しください：',
    didYouMean: 'もしかして：',
    searchTitle: (query) => `検索：${query}`,
    searchNoResults: (query) => `「${query}」に一致する記述はありません。`,
    timelineTitle: (title) => (title ? `年表：${title}` : '日EUデジタルパートナーシップの年表'),
    timelineEmpty: 'このトピックの日付付きの動きはまだ記録されていません。',
    tooLong: (max) => `入力が長すぎます（最大${max}文字）。「半導体」などのトピック名でお試しください。`,
    nothingToRead: 'トピックを読み取れませんでした。「半導体」などのトピック名か「help」をお試しください。',
    usage: (usage) => `使い方：${usage}`,
    errorTitle: '実行できません',
    genericError: '申し訳ありません。内部でエラーが発生しました。しばらくしてからもう一度お試しください。',
    rateLimitedTitle: '少々お待ちください',
    rateLimited: (scope, seconds) =>
      `${scope === 'user' ? 'コマンドの送信間隔が短すぎます' : 'このチャンネルでは現在コマンドが集中しています'}。${seconds}秒ほどしてからもう一度お試しください。`,
    needsChannel:
      'ダイジェストはチャットのチャンネルごとの設定です。SlackまたはDiscordのチャンネルで実行してください。',
    digestsUnavailable: '定期ダイジェストはこの環境ではまだ利用できません。',
    notAllowedToManage:
      'このチャンネルのダイジェストを変更できるのは、チャンネル管理権限を持つメンバーだけです。',
    unknownTopics: (queries) =>
      `${queries.map((query) => `「${query}」`).join('、')}に該当するトピックがありません。何も変更していません。`,
    languageTitle: '言語',
    languageSet: (language) => `このチャンネルの返信言語を${language}に設定しました。`,
    languageCurrent: (language) =>
      `このチャンネルの返信言語は${language}です。「language en」または「language ja」で変更できます。`,
    languageNames: { en: '英語 (English)', ja: '日本語' },
    noCloseTopic: '近いトピックはありません。「topics」で全トピックを一覧できます。',
    allTopicsButton: '全トピック',
    whichTopicTitle: 'どのトピックについてですか？',
    severalTopics: (query, titles) =>
      `「${query}」は複数のトピックに該当します：${titles.join('、')}。1つ選んでください。`,
  },
};
