import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RequestContext } from '../../src/core/core.ts';
import type { Language, Reply } from '../../src/core/reply.ts';
import { RENDERERS } from './rendered-text.ts';
import { createReplyWorld, type ReplyWorld, SLACK_CHANNEL } from './reply-catalogue.ts';

const member: RequestContext = { channel: SLACK_CHANNEL, userId: 'U1', canManageChannel: true };
const consoleUser: RequestContext = {
  channel: { platform: 'console', channelId: 'console' },
  userId: 'console',
};

interface Case {
  /** Commands run first, in English. */
  before?: string[];
  command: string;
  context?: RequestContext;
  title: Record<Language, string>;
  /** Text the reply must show, on every renderer. */
  shows: Record<Language, string[]>;
  hides?: string[];
}

const CASES: Record<string, Case> = {
  'a bare unsubscribe with two digests': {
    before: ['subscribe daily 07:00', 'subscribe daily 08:00'],
    command: 'unsubscribe',
    title: { en: 'Which digest?', ja: 'どのダイジェストですか' },
    shows: { en: ['“unsubscribe all”', '1.'], ja: ['「unsubscribe all」', '1.'] },
  },
  'unsubscribe all with two digests': {
    before: ['subscribe daily 07:00', 'subscribe daily 08:00'],
    command: 'unsubscribe all',
    title: {
      en: 'Remove all 2 digests from this channel?',
      ja: 'このチャンネルのダイジェスト2件をすべて削除しますか？',
    },
    shows: {
      en: ['Nothing is removed yet', '/eujp unsubscribe all '],
      ja: ['まだ何も削除していません', '/eujp unsubscribe all '],
    },
  },
  'an unquoted cron expression': {
    command: 'subscribe cron 0 9 * * 1-5 quantum',
    title: {
      en: 'Digest subscribed: every Monday to Friday at 09:00 (Europe/Brussels)',
      ja: 'ダイジェストを登録しました：毎週月曜日〜金曜日 09:00 (Europe/Brussels)',
    },
    shows: { en: ['Quantum'], ja: ['量子'] },
  },
  'a cron expression whose end cannot be told': {
    command: 'subscribe cron 0 9 * * quantum',
    title: { en: 'Put the cron expression in quotes', ja: 'cron 式を引用符で囲んでください' },
    shows: {
      en: ['subscribe cron "0 9 * * 1-5"', 'I read 4'],
      ja: ['subscribe cron "0 9 * * 1-5"', '4項目'],
    },
  },
  'weekly without a day': {
    command: 'subscribe weekly 09:00',
    title: { en: 'Needs a day', ja: '曜日を指定してください' },
    shows: { en: ['Which day? e.g. subscribe weekly mon 09:00.'], ja: ['subscribe weekly mon 09:00'] },
    hides: ['tz=Area/City'],
  },
  'daily without a time': {
    command: 'subscribe daily',
    title: { en: 'Needs a time', ja: '時刻を指定してください' },
    shows: { en: ['e.g. subscribe daily 08:30'], ja: ['subscribe daily 08:30'] },
  },
  'a bare subscribe': {
    command: 'subscribe',
    title: { en: 'Needs a schedule', ja: '配信の頻度を指定してください' },
    shows: { en: ['How often?', 'help subscribe'], ja: ['subscribe weekly mon 09:00', 'help subscribe'] },
    hides: ['[topics…]'],
  },
  'an unsupported language': {
    command: 'language fr',
    title: { en: 'Language not available', ja: 'その言語には対応していません' },
    shows: { en: ['Only English and Japanese are available'], ja: ['使える言語は英語と日本語だけです'] },
  },
  'a city as time zone': {
    command: 'subscribe daily 09:00 tz=tokyo',
    title: {
      en: 'Digest subscribed: every day at 09:00 (Asia/Tokyo)',
      ja: 'ダイジェストを登録しました：毎日 09:00 (Asia/Tokyo)',
    },
    shows: { en: [], ja: [] },
  },
  'an ambiguous abbreviation': {
    command: 'subscribe daily 09:00 tz=IST',
    title: { en: 'Unknown time zone', ja: '不明なタイムゾーン' },
    shows: {
      en: ['tz=Asia/Calcutta or tz=Europe/Dublin or tz=Asia/Jerusalem'],
      ja: ['tz=Asia/Calcutta、tz=Europe/Dublin、tz=Asia/Jerusalem'],
    },
  },
  'a misspelt zone': {
    command: 'subscribe daily 09:00 tz=Asia/Tokio',
    title: { en: 'Unknown time zone', ja: '不明なタイムゾーン' },
    shows: { en: ['Did you mean tz=Asia/Tokyo?'], ja: ['tz=Asia/Tokyo のことですか'] },
  },
  'the same digest twice': {
    before: ['subscribe daily 09:00'],
    command: 'subscribe daily 09:00',
    title: { en: 'Already subscribed', ja: '登録済みです' },
    shows: { en: ['number 1'], ja: ['1番'] },
  },
  'help for subscribe': {
    command: 'help subscribe',
    title: { en: 'Help: subscribe', ja: 'ヘルプ：subscribe' },
    shows: {
      en: [
        '/eujp subscribe cron "0 9 * * 1-5"',
        'weekdays at 09:00',
        'minute hour day-of-month month weekday',
      ],
      ja: ['/eujp subscribe cron "0 9 * * 1-5"', '平日の9時', '分 時 日 月 曜日'],
    },
  },
  'help in the console': {
    command: 'help',
    context: consoleUser,
    title: {
      en: 'EU–Japan Digital Partnership briefings',
      ja: '日EUデジタルパートナーシップ ブリーフィング',
    },
    shows: {
      en: ['/eujp search <words>', 'help subscribe'],
      ja: ['/eujp search <キーワード>', 'help subscribe'],
    },
    hides: ['/eujp subscribe <', '/eujp status', '/eujp unsubscribe'],
  },
  'an incomplete subscribe in the console': {
    command: 'subscribe weekly 09:00',
    context: consoleUser,
    title: { en: 'Not available in the console', ja: 'コンソールでは使えません' },
    shows: { en: ['Slack or Discord channel'], ja: ['SlackまたはDiscordのチャンネル'] },
    hides: ['Which day?'],
  },
  'subscribe in the console': {
    command: 'subscribe daily 09:00',
    context: consoleUser,
    title: { en: 'Not available in the console', ja: 'コンソールでは使えません' },
    shows: { en: ['Slack or Discord channel'], ja: ['SlackまたはDiscordのチャンネル'] },
  },
};

describe('replies a new user meets, in both languages, on every renderer', () => {
  let world: ReplyWorld;
  beforeEach(async () => {
    world = await createReplyWorld();
  });
  afterEach(() => world.close());

  const run = async (example: Case, lang: Language): Promise<Reply> => {
    for (const text of example.before ?? []) await world.core.handle(text, member);
    return world.core.handle(`${example.command} lang=${lang}`, example.context ?? member);
  };

  describe.each(['en', 'ja'] as const)('in %s', (lang) => {
    it.each(Object.entries(CASES))('answers %s', async (_, example) => {
      const reply = await run(example, lang);
      expect(reply.title).toBe(example.title[lang]);
      for (const [, render] of RENDERERS) {
        const shown = render(reply);
        expect(shown).toContain(example.title[lang]);
        for (const text of example.shows[lang]) expect(shown).toContain(text);
        for (const text of example.hides ?? []) expect(shown).not.toContain(text);
      }
    });
  });

  it('leaves every digest in place when a bare unsubscribe or an unconfirmed "all" is sent', async () => {
    for (const text of ['subscribe daily 07:00', 'subscribe daily 08:00', 'unsubscribe', 'unsubscribe all'])
      await world.core.handle(text, member);
    expect(await world.store.listChannelSubscriptions(SLACK_CHANNEL)).toHaveLength(2);
  });

  it('restores exactly what unsubscribe all removed when its restore lines are typed', async () => {
    for (const text of [
      'subscribe weekly fri 17:30 tz=tokyo quantum 半導体 lang=ja',
      'subscribe cron 0 9 * * 1-5 hpc',
      'subscribe daily 08:00 tz=Europe/Brussels',
    ])
      await world.core.handle(text, member);
    const shape = async () =>
      (await world.store.listChannelSubscriptions(SLACK_CHANNEL)).map(
        ({ schedule, timeZone, topics, lang }) => ({
          schedule,
          timeZone,
          topics,
          lang,
        }),
      );
    const before = await shape();
    const prompt = await world.core.handle('unsubscribe all', member);
    const done = await world.core.handle(prompt.actions[0]!.command, member);
    expect(await shape()).toEqual([]);
    const lines = done.sections.flatMap((section) => section.items.map((item) => item.text));
    expect(lines).toHaveLength(3);
    for (const line of lines) expect((await world.core.handle(line, member)).type).toBe('subscription');
    expect(await shape()).toEqual(before);
  });

  it('keeps the console’s language for the session only, as the CLI would not see it', async () => {
    const set = await world.core.handle('language ja', consoleUser);
    expect(set.sections[0]?.paragraphs[0]).toMatch(/終了まで/);
    expect((await world.core.handle('help', consoleUser)).lang).toBe('ja');
    expect(await world.store.getLanguage(consoleUser.channel!)).toBeUndefined();
    const cli = await world.core.handle('language ja', {});
    expect(cli.title).toBe('Needs a channel');
    expect(cli.sections[0]?.paragraphs[0]).toMatch(/add lang=ja or lang=en/);
  });
});
