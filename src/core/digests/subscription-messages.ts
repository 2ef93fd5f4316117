import type { Language } from '../reply.ts';
import type { DeliveryReason } from './store-port.ts';

/** The words of subscribe, subscriptions, unsubscribe and status, per language. */
export interface SubscriptionMessages {
  needsChannel: string;
  notAllowed: string;
  /** Subscribing in a DM or group DM, where the bot cannot post. */
  notInDirectMessages: string;
  unknownTopics(topics: string[]): string;
  duplicate(number: number): string;
  tooMany(max: number): string;
  subscribedTitle(schedule: string): string;
  topicsLine(topics: string): string;
  allTopics: string;
  nextHeading: string;
  listTitle: string;
  listEmpty: string;
  listItem(schedule: string, topics: string, next: string | undefined): string;
  disabled(reason: string): string;
  noSuchSubscription(number: number, count: number): string;
  unsubscribedOne(number: number, schedule: string): string;
  unsubscribedAll(count: number): string;
  nothingToUnsubscribe: string;
  whichOne(count: number): string;
  confirmAllTitle(count: number): string;
  confirmAllPrompt(minutes: number, command: string): string;
  confirmAllButton(count: number): string;
  confirmationExpired(minutes: number): string;
  subscriptionsChanged: string;
  undoHeading: string;
  undoButton: string;
  ambiguousTimeZone(name: string, zones: string[]): string;
  didYouMeanTimeZone(name: string, zones: string[]): string;
  statusTitle: string;
  lastHeading: string;
  lastSent(when: string, what: string): string;
  noneSent: string;
  nextDueHeading: string;
  nextDue(when: string, number: number, schedule: string): string;
  nothingScheduled: string;
  problemsHeading: string;
  noProblems: string;
  skipped(when: string, reason: string): string;
  failed(when: string, reason: string): string;
  retrying(when: string, attempts: number): string;
  /** Due a while ago and not sent yet (a store error or a restart held it up); it is being taken up. */
  notSentYet(when: string): string;
  /** The platform rate-limited us: digests to this channel wait this many seconds before the next try. */
  heldBack(seconds: number): string;
  lastProbablySent(when: string, what: string): string;
  /** Attempted across two restarts, never confirmed: shown as probably sent, not as failed. */
  probablySent(when: string, summary: string): string;
  reasons: Record<DeliveryReason, string>;
  previewButton: string;
  listButton: string;
  statusButton: string;
}

export const SUBSCRIPTION_MESSAGES: Record<Language, SubscriptionMessages> = {
  en: {
    needsChannel: 'Digests belong to a chat channel: use this command in a Slack or Discord channel.',
    notAllowed: 'Only members who can manage this channel (Manage Channels) can change its digests.',
    notInDirectMessages:
      'Digests cannot be delivered in a direct message or group DM: the bot cannot post there. Subscribe in a channel instead (in a private channel, /invite @eujp first). Nothing was changed.',
    unknownTopics: (topics) =>
      `No topic is called ${topics.map((t) => `“${t}”`).join(', ')}. Nothing was changed.`,
    duplicate: (number) => `This channel already has that digest (number ${number}). Nothing was changed.`,
    tooMany: (max) =>
      `A channel can have at most ${max} digests. Remove one with “unsubscribe <number>” first.`,
    subscribedTitle: (schedule) => `Digest subscribed: ${schedule}`,
    topicsLine: (topics) => `Topics: ${topics}`,
    allTopics: 'all topics',
    nextHeading: 'Next digests',
    listTitle: 'Digests in this channel',
    listEmpty: 'This channel has no digests. Try “subscribe weekly mon 09:00 tz=Europe/Brussels”.',
    listItem: (schedule, topics, next) => `${schedule} · ${topics}${next ? ` · next: ${next}` : ''}`,
    disabled: (reason) => `disabled: ${reason}`,
    noSuchSubscription: (number, count) =>
      count === 0
        ? 'This channel has no digests.'
        : `There is no digest number ${number} here: this channel has ${count}. See “subscriptions”.`,
    unsubscribedOne: (number, schedule) => `Digest ${number} removed (${schedule}).`,
    unsubscribedAll: (count) =>
      count === 1 ? 'The digest was removed.' : `All ${count} digests were removed.`,
    nothingToUnsubscribe: 'This channel has no digests to remove.',
    whichOne: (count) =>
      `This channel has ${count} digests. Remove one with “unsubscribe <number>”, or all of them with “unsubscribe all”.`,
    confirmAllTitle: (count) => `Remove all ${count} digests from this channel?`,
    confirmAllPrompt: (minutes, command) =>
      `Nothing is removed yet. To remove them, press the button or type ${command} within ${minutes} minutes.`,
    confirmAllButton: (count) => `Remove all ${count}`,
    confirmationExpired: (minutes) =>
      `That confirmation has expired (they last ${minutes} minutes). Nothing was removed: type “unsubscribe all” again.`,
    subscriptionsChanged:
      'This channel’s digests are not the ones that confirmation was for (it was given in another channel, or digests were added or removed since). Nothing was removed: type “unsubscribe all” again.',
    undoHeading: 'To restore, type:',
    undoButton: 'Undo',
    ambiguousTimeZone: (name, zones) =>
      `“${name}” means more than one time zone: say which, e.g. ${zones.map((zone) => `tz=${zone}`).join(' or ')}. Nothing was changed.`,
    didYouMeanTimeZone: (name, zones) =>
      `“${name}” is not a time zone I know. Did you mean ${zones.map((zone) => `tz=${zone}`).join(' or ')}? Nothing was changed.`,
    statusTitle: 'Digest status for this channel',
    lastHeading: 'Last digest',
    lastSent: (when, what) => `${when}: ${what}`,
    lastProbablySent: (when, what) => `${when}: ${what} (probably sent; not confirmed by the platform)`,
    noneSent: 'No digest has been sent here yet.',
    nextDueHeading: 'Next due',
    nextDue: (when, number, schedule) => `${when} (digest ${number}: ${schedule})`,
    nothingScheduled: 'Nothing is scheduled.',
    problemsHeading: 'Skipped or failed',
    noProblems: 'Nothing was skipped or failed.',
    skipped: (when, reason) => `${when}: skipped, ${reason}`,
    failed: (when, reason) => `${when}: failed, ${reason}`,
    retrying: (when, attempts) => `${when}: retrying (${attempts} attempts so far)`,
    notSentYet: (when) => `${when}: not sent yet, held up by a storage or restart delay; it is being sent`,
    heldBack: (seconds) =>
      `Digests here are held back for about ${seconds} s: the platform asked us to slow down.`,
    probablySent: (when, summary) =>
      `${when}: probably sent${summary ? ` (${summary})` : ''}, but the platform’s answer was lost in two restarts; not resent to avoid a duplicate`,
    reasons: {
      missed_beyond_window: 'the bot was offline and it was too late to send',
      superseded: 'the bot was offline; a later digest covered the same news',
      channel_gone: 'the channel is gone or the bot was removed from it',
      permanent_error: 'the platform refused the message',
      retries_exhausted: 'the platform kept failing after several retries',
      unconfirmed_after_restart: 'the bot restarted twice while sending; not resent to avoid a duplicate',
      maybe_sent_twice:
        'the platform timed out or failed twice after the digest may have been posted; not resent to avoid more copies',
      no_publisher: 'the bot is not connected to this platform',
      unsubscribed: 'the digest was removed before it was sent',
    },
    previewButton: 'Preview',
    listButton: 'Digests',
    statusButton: 'Status',
  },
  ja: {
    needsChannel:
      'ダイジェストはチャットのチャンネルごとの設定です。SlackまたはDiscordのチャンネルで実行してください。',
    notAllowed: 'このチャンネルのダイジェストを変更できるのは、チャンネル管理権限を持つメンバーだけです。',
    notInDirectMessages:
      'ダイレクトメッセージやグループDMにはボットが投稿できないため、ダイジェストを届けられません。チャンネルで購読してください（プライベートチャンネルでは先に /invite @eujp）。何も変更していません。',
    unknownTopics: (topics) =>
      `${topics.map((t) => `「${t}」`).join('、')}というトピックはありません。何も変更していません。`,
    duplicate: (number) =>
      `このチャンネルには同じダイジェスト（${number}番）があります。何も変更していません。`,
    tooMany: (max) =>
      `1つのチャンネルに設定できるダイジェストは${max}件までです。先に「unsubscribe <番号>」で削除してください。`,
    subscribedTitle: (schedule) => `ダイジェストを登録しました：${schedule}`,
    topicsLine: (topics) => `トピック：${topics}`,
    allTopics: 'すべてのトピック',
    nextHeading: '次回以降の配信',
    listTitle: 'このチャンネルのダイジェスト',
    listEmpty:
      'このチャンネルにはダイジェストがありません。「subscribe weekly mon 09:00 tz=Asia/Tokyo」をお試しください。',
    listItem: (schedule, topics, next) => `${schedule}・${topics}${next ? `・次回：${next}` : ''}`,
    disabled: (reason) => `停止中：${reason}`,
    noSuchSubscription: (number, count) =>
      count === 0
        ? 'このチャンネルにはダイジェストがありません。'
        : `${number}番のダイジェストはありません（このチャンネルは${count}件）。「subscriptions」で確認してください。`,
    unsubscribedOne: (number, schedule) => `${number}番のダイジェスト（${schedule}）を削除しました。`,
    unsubscribedAll: (count) => `ダイジェスト${count}件をすべて削除しました。`,
    nothingToUnsubscribe: 'このチャンネルに削除するダイジェストはありません。',
    whichOne: (count) =>
      `このチャンネルにはダイジェストが${count}件あります。1件削除するには「unsubscribe <番号>」、すべて削除するには「unsubscribe all」と入力してください。`,
    confirmAllTitle: (count) => `このチャンネルのダイジェスト${count}件をすべて削除しますか？`,
    confirmAllPrompt: (minutes, command) =>
      `まだ何も削除していません。削除するには、${minutes}分以内にボタンを押すか ${command} と入力してください。`,
    confirmAllButton: (count) => `${count}件すべて削除`,
    confirmationExpired: (minutes) =>
      `確認の有効期限（${minutes}分）が切れました。何も削除していません。もう一度「unsubscribe all」と入力してください。`,
    subscriptionsChanged:
      'この確認は、現在のこのチャンネルのダイジェストに対するものではありません（別のチャンネルで出されたか、その後ダイジェストが追加・削除されました）。何も削除していません。もう一度「unsubscribe all」と入力してください。',
    undoHeading: '元に戻すには次のように入力してください：',
    undoButton: '元に戻す',
    ambiguousTimeZone: (name, zones) =>
      `「${name}」は複数のタイムゾーンを指します。${zones.map((zone) => `tz=${zone}`).join('、')} のいずれかで指定してください。何も変更していません。`,
    didYouMeanTimeZone: (name, zones) =>
      `「${name}」というタイムゾーンはありません。${zones.map((zone) => `tz=${zone}`).join('、')} のことですか？何も変更していません。`,
    statusTitle: 'このチャンネルのダイジェストの状況',
    lastHeading: '前回の配信',
    lastSent: (when, what) => `${when}：${what}`,
    lastProbablySent: (when, what) => `${when}：${what}（送信済みの可能性が高いが、未確認）`,
    noneSent: 'このチャンネルにはまだダイジェストを送っていません。',
    nextDueHeading: '次回の配信',
    nextDue: (when, number, schedule) => `${when}（${number}番：${schedule}）`,
    nothingScheduled: '予定されている配信はありません。',
    problemsHeading: '送信されなかった配信',
    noProblems: '送信漏れや失敗はありません。',
    skipped: (when, reason) => `${when}：見送り（${reason}）`,
    failed: (when, reason) => `${when}：失敗（${reason}）`,
    retrying: (when, attempts) => `${when}：再送中（これまで${attempts}回）`,
    notSentYet: (when) => `${when}：未送信（保存処理または再起動で遅延）。まもなく送信します`,
    heldBack: (seconds) =>
      `プラットフォームの送信制限により、このチャンネルへのダイジェストは約${seconds}秒待機中です。`,
    probablySent: (when, summary) =>
      `${when}：送信済みの可能性が高い${summary ? `（${summary}）` : ''}が、2回の再起動で確認が取れませんでした。重複を避けて再送していません`,
    reasons: {
      missed_beyond_window: 'ボットが停止しており、送信するには遅すぎました',
      superseded: 'ボットが停止していました。後の配信に同じ内容が含まれています',
      channel_gone: 'チャンネルが削除されたか、ボットが外されました',
      permanent_error: 'プラットフォームがメッセージを拒否しました',
      retries_exhausted: '何度か再送しましたが、プラットフォームのエラーが続きました',
      unconfirmed_after_restart: '送信中に2回再起動したため、重複を避けて再送していません',
      maybe_sent_twice:
        '投稿された可能性のある送信が2回タイムアウトまたは失敗したため、重複を避けて再送していません',
      no_publisher: 'ボットがこのプラットフォームに接続していません',
      unsubscribed: '送信前にダイジェストが削除されました',
    },
    previewButton: 'プレビュー',
    listButton: '一覧',
    statusButton: '状況',
  },
};
