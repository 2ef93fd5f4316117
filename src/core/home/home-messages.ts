import type { Language } from '../reply.ts';

/** The words of a workspace's home view (Slack's Home tab), per language. */
export interface HomeMessages {
  title: string;
  intro: string;
  topicsHeading: string;
  newsHeading: string;
  newsEmpty: string;
  source: string;
  subscriptionsHeading: string;
  subscriptionsEmpty: string;
  lastSent(when: string): string;
  neverSent: string;
  nextDue(when: string): string;
  unsubscribe: string;
  unsubscribeConfirm: string;
  unsubscribeConfirmYes: string;
  cancel: string;
  previous: string;
  next: string;
  page(page: number, pages: number): string;
  updated(when: string): string;
  notMember: string;
  removed: string;
  close: string;
}

export const HOME_MESSAGES: Record<Language, HomeMessages> = {
  en: {
    title: 'eujp: EU–Japan Digital Partnership briefings',
    intro:
      'Short, dated briefings on the EU–Japan Digital Partnership, every claim cited to its source. ' +
      'Ask with `/eujp <topic>` or `@eujp` in a channel; subscribe a channel to digests with `/eujp subscribe`.',
    topicsHeading: 'Topics',
    newsHeading: 'What’s new',
    newsEmpty: 'No developments recorded yet.',
    source: 'source',
    subscriptionsHeading: 'Digests in this workspace',
    subscriptionsEmpty:
      'No channel here subscribes to digests yet. Try `/eujp subscribe weekly mon 09:00` in one.',
    lastSent: (when) => `last sent ${when}`,
    neverSent: 'not sent yet',
    nextDue: (when) => `next ${when}`,
    unsubscribe: 'Unsubscribe',
    unsubscribeConfirm: 'Stop this digest? eujp tells the channel who removed it.',
    unsubscribeConfirmYes: 'Unsubscribe',
    cancel: 'Cancel',
    previous: 'Previous',
    next: 'Next',
    page: (page, pages) => `Page ${page} of ${pages}`,
    updated: (when) => `Updated ${when}`,
    notMember: 'Only members of that channel can change its digests.',
    removed: 'Digest removed.',
    close: 'Close',
  },
  ja: {
    title: 'eujp：日EUデジタルパートナーシップ ブリーフィング',
    intro:
      '日EUデジタルパートナーシップの要点を、日付と出典付きで短くまとめます。' +
      'チャンネルで `/eujp <トピック>` または `@eujp` で質問し、`/eujp subscribe` でダイジェストを購読できます。',
    topicsHeading: 'トピック',
    newsHeading: '最新の動き',
    newsEmpty: 'まだ記録された動きはありません。',
    source: '出典',
    subscriptionsHeading: 'このワークスペースのダイジェスト',
    subscriptionsEmpty:
      'まだダイジェストを購読しているチャンネルはありません。チャンネルで `/eujp subscribe weekly mon 09:00` をお試しください。',
    lastSent: (when) => `前回 ${when}`,
    neverSent: '未送信',
    nextDue: (when) => `次回 ${when}`,
    unsubscribe: '購読解除',
    unsubscribeConfirm: 'このダイジェストを停止しますか？チャンネルには解除した人が通知されます。',
    unsubscribeConfirmYes: '購読解除',
    cancel: 'キャンセル',
    previous: '前へ',
    next: '次へ',
    page: (page, pages) => `${page}/${pages} ページ`,
    updated: (when) => `更新：${when}`,
    notMember: 'そのチャンネルのメンバーだけがダイジェストを変更できます。',
    removed: 'ダイジェストを解除しました。',
    close: '閉じる',
  },
};
