import type { Language } from '../reply.ts';

/** Interface strings of the command layer; typing it per language makes a missing one a type error. */
export interface CoreMessages {
  helpTitle: string;
  helpIntro: string;
  helpCommandsHeading: string;
  helpTopicsHeading: string;
  helpExamples: string[];
  helpMore: string;
  helpConsoleOnly: string;
  helpUnknownCommand(word: string): string;
  commandHelpTitle(command: string): string;
  helpExamplesHeading: string;
  helpAllButton: string;
  chatOnlyCommand: string;
  notInConsole: string;
  languageSession(language: string): string;
  languageNeedsChannel: string;
  topicsTitle: string;
  asOf(date: string): string;
  /** "As of 12 May 2025, 19 months ago": the newest fact's date and how old it is. */
  asOfAge(date: string, age: string): string;
  /** When an editor last checked the briefing, shown when it differs from as_of. */
  checkedOn(date: string): string;
  /** The newest dated development, for timeline, help and quiet digests. */
  latestDevelopment(date: string, text: string): string;
  latestHeading: string;
  sourceCount(count: number): string;
  sourcesTitle(title: string): string;
  /** Said after a source that is not the institution's own page, so readers can weigh it. */
  sourceKinds: { 'official-repost': string; secondary: string };
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
  errorTitle: string;
  genericError: string;
  /** The store did not answer in time or failed: said at once rather than late. */
  storageUnavailable: string;
  /** A change was sent to the store, which did not answer in time: it may still be applied. */
  storageUnconfirmed: string;
  rateLimitedTitle: string;
  rateLimited(scope: 'user' | 'channel', seconds: number): string;
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
    helpMore: 'For one command in detail, with examples: help <command>, e.g. help subscribe.',
    helpConsoleOnly:
      'Scheduled digests (subscribe, subscriptions, unsubscribe, status) belong to a Slack or Discord channel, so they are not listed here.',
    helpUnknownCommand: (word) => `There is no command “${word}”. These are the commands:`,
    commandHelpTitle: (command) => `Help: ${command}`,
    helpExamplesHeading: 'Examples',
    helpAllButton: 'All commands',
    chatOnlyCommand: 'This command works in a Slack or Discord channel, not in the console.',
    notInConsole:
      'Scheduled digests belong to a Slack or Discord channel, so this command does not work in the console. Try “digest” for a preview.',
    languageSession: (language) =>
      `The console now answers in ${language} until you quit. For one reply, add lang=ja or lang=en to a command.`,
    languageNeedsChannel: 'Here each command chooses its own language: add lang=ja or lang=en to it.',
    topicsTitle: 'Topics of the EU–Japan Digital Partnership',
    asOf: (date) => `As of ${date}`,
    asOfAge: (date, age) => `As of ${date}, ${age}`,
    checkedOn: (date) => `checked ${date}`,
    latestDevelopment: (date, text) => `Latest: ${date} — ${text}`,
    latestHeading: 'What’s new',
    sourceCount: (count) => (count === 1 ? '1 source' : `${count} sources`),
    sourcesTitle: (title) => `Sources: ${title}`,
    sourceKinds: { 'official-repost': 'official text, reposted', secondary: 'secondary source' },
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
    errorTitle: 'Cannot do that',
    genericError: 'Sorry, something went wrong on our side. Please try again in a moment.',
    storageUnavailable:
      'Storage is unavailable right now, so I cannot do that. Please try again shortly (briefings, sources and search still work).',
    storageUnconfirmed:
      'Storage did not answer in time, so I cannot confirm that change: it may still be saved once storage is back. Check with “subscriptions” in a minute before trying again.',
    rateLimitedTitle: 'Slow down a little',
    rateLimited: (scope, seconds) =>
      `${scope === 'user' ? 'You are sending commands faster than I can keep up with' : 'This channel is sending a lot of commands right now'}. Please try again in ${seconds === 1 ? '1 second' : `${seconds} seconds`}.`,
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
    helpMore: '各コマンドの詳しい使い方と例は「help <コマンド>」で表示します（例：help subscribe）。',
    helpConsoleOnly:
      '定期ダイジェスト（subscribe、subscriptions、unsubscribe、status）はSlackまたはDiscordのチャンネルごとの設定のため、ここには表示していません。',
    helpUnknownCommand: (word) => `「${word}」というコマンドはありません。コマンドの一覧です：`,
    commandHelpTitle: (command) => `ヘルプ：${command}`,
    helpExamplesHeading: '例',
    helpAllButton: '全コマンド',
    chatOnlyCommand: 'このコマンドはSlackまたはDiscordのチャンネルで使えます。コンソールでは使えません。',
    notInConsole:
      '定期ダイジェストはSlackまたはDiscordのチャンネルごとの設定のため、このコマンドはコンソールでは使えません。プレビューは「digest」でお試しください。',
    languageSession: (language) =>
      `コンソールの返信言語を終了まで${language}にしました。1回だけ変えるには、コマンドに lang=ja または lang=en を付けてください。`,
    languageNeedsChannel:
      'ここではコマンドごとに言語を選びます。コマンドに lang=ja または lang=en を付けてください。',
    topicsTitle: '日EUデジタルパートナーシップのトピック',
    asOf: (date) => `${date}時点`,
    asOfAge: (date, age) => `${date}時点(${age})`,
    checkedOn: (date) => `${date}確認`,
    latestDevelopment: (date, text) => `最新：${date} ${text}`,
    latestHeading: '最新の動き',
    sourceCount: (count) => `出典${count}件`,
    sourcesTitle: (title) => `出典：${title}`,
    sourceKinds: { 'official-repost': '公式発表の転載', secondary: '二次資料' },
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
    errorTitle: '実行できません',
    genericError: '申し訳ありません。内部でエラーが発生しました。しばらくしてからもう一度お試しください。',
    storageUnavailable:
      '現在ストレージに接続できないため、実行できません。しばらくしてからもう一度お試しください（ブリーフィング、出典、検索は引き続き使えます）。',
    storageUnconfirmed:
      'ストレージの応答が間に合わなかったため、この変更を確認できません。ストレージの復旧後に保存される可能性があります。もう一度実行する前に、少し待ってから「subscriptions」で確認してください。',
    rateLimitedTitle: '少し間をおいてください',
    rateLimited: (scope, seconds) =>
      `${scope === 'user' ? 'コマンドの送信間隔が短すぎます' : 'このチャンネルでは現在コマンドが集中しています'}。${seconds}秒ほどしてからもう一度お試しください。`,
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
