import type { Language } from '../../core/reply.ts';

/** The Discord adapter's own interface strings; everything else comes from the core's reply. */
export interface DiscordMessages {
  /** The title of a notice without one of its own in `noticeTitles`. */
  noticeTitle: string;
  /** What went wrong, in a few words, per notice. */
  noticeTitles: Partial<Record<string, string>>;
  asOf: (date: string) => string;
  continued: string;
  shortened: string;
  needsManageChannels: string;
  guildOnly: string;
  somethingWentWrong: string;
  unknownButton: string;
}

const MESSAGES: Record<Language, DiscordMessages> = {
  en: {
    noticeTitle: 'Cannot do that here',
    noticeTitles: {
      needsManageChannels: 'Needs Manage Channels',
      guildOnly: 'Only in a server channel',
      somethingWentWrong: 'Something went wrong',
      unknownButton: 'Button no longer works',
    },
    asOf: (date) => `As of ${date}`,
    continued: '(continued)',
    shortened: '… shortened to fit Discord. Ask for a narrower topic or use the Sources button.',
    needsManageChannels:
      "Changing this channel's digests or settings needs the Manage Channels permission. Ask a moderator to run this command.",
    guildOnly: 'Digests and channel settings can only be managed in a server channel.',
    somethingWentWrong: 'Sorry, something went wrong while answering. Please try again in a moment.',
    unknownButton: 'This button is no longer supported. Run /eujp again.',
  },
  ja: {
    noticeTitle: 'ここでは実行できません',
    noticeTitles: {
      needsManageChannels: '「チャンネルの管理」権限が必要です',
      guildOnly: 'サーバーのチャンネルでのみ使えます',
      somethingWentWrong: 'エラーが発生しました',
      unknownButton: 'このボタンは使えません',
    },
    asOf: (date) => `${date} 時点`,
    continued: '（続き）',
    shortened: '… Discord の上限に合わせて省略しました。トピックを絞るか「出典」ボタンをお使いください。',
    needsManageChannels:
      'このチャンネルのダイジェストや設定を変更するには「チャンネルの管理」権限が必要です。モデレーターに依頼してください。',
    guildOnly: 'ダイジェストとチャンネル設定はサーバーのチャンネルでのみ管理できます。',
    somethingWentWrong:
      '申し訳ありません。応答中に問題が発生しました。しばらくしてからもう一度お試しください。',
    unknownButton: 'このボタンは使えなくなりました。もう一度 /eujp を実行してください。',
  },
};

/** Discord reports `ja` for Japanese; every other locale falls back to English. */
export function languageOf(locale: string | null | undefined): Language {
  return locale?.toLowerCase().startsWith('ja') ? 'ja' : 'en';
}

export function discordMessages(lang: Language): DiscordMessages {
  return MESSAGES[lang];
}
