import type { Language } from '../reply.ts';

/** The words of a digest; typed per language so a missing translation fails typecheck. */
export interface DigestMessages {
  title: string;
  previewTitle: string;
  allTopics: string;
  topicList(titles: string[]): string;
  newHeading: string;
  firstHeading(days: number): string;
  updatesHeading: string;
  /** One line per updated briefing: its title and what the update changed. */
  updated(title: string, what: string): string;
  /** In a quiet digest: the newest development on record, so "what's new" still has an answer. */
  latest(date: string, text: string): string;
  moreDevelopments(count: number): string;
  stateOfPlayHeading: string;
  nothingNewSince(date: string): string;
  nothingNewFirst(days: number): string;
  spotlightHeading(title: string): string;
  /** One line for `status`: what a digest contained. */
  summary(developments: number, updates: number, spotlight?: string): string;
  sourcesButton: string;
  timelineButton: string;
}

export const DIGEST_MESSAGES: Record<Language, DigestMessages> = {
  en: {
    title: 'EU–Japan digital digest',
    previewTitle: 'Digest preview',
    allTopics: 'all topics',
    topicList: (titles) => titles.join(', '),
    newHeading: 'New since the last digest',
    firstHeading: (days) => `New in the last ${days} days`,
    updatesHeading: 'Updated briefings',
    updated: (title, what) => `updated: ${title} — ${what}`,
    latest: (date, text) => `Latest development on record (${date}): ${text}`,
    moreDevelopments: (count) =>
      `…and ${count} earlier ${count === 1 ? 'development' : 'developments'}: see “timeline”.`,
    stateOfPlayHeading: 'State of play',
    nothingNewSince: (date) => `Nothing new since the last digest (${date}).`,
    nothingNewFirst: (days) => `Nothing new in the last ${days} days.`,
    spotlightHeading: (title) => `Spotlight: ${title}`,
    summary: (developments, updates, spotlight) => {
      if (developments === 0 && updates === 0) return `nothing new; spotlight on ${spotlight ?? 'a topic'}`;
      const parts = [];
      if (developments > 0)
        parts.push(`${developments} ${developments === 1 ? 'development' : 'developments'}`);
      if (updates > 0) parts.push(`${updates} updated ${updates === 1 ? 'briefing' : 'briefings'}`);
      return parts.join(', ');
    },
    sourcesButton: 'Sources',
    timelineButton: 'Timeline',
  },
  ja: {
    title: '日EUデジタル ダイジェスト',
    previewTitle: 'ダイジェストのプレビュー',
    allTopics: 'すべてのトピック',
    topicList: (titles) => titles.join('、'),
    newHeading: '前回のダイジェスト以降の動き',
    firstHeading: (days) => `過去${days}日間の動き`,
    updatesHeading: '更新されたブリーフィング',
    updated: (title, what) => `更新：${title} — ${what}`,
    latest: (date, text) => `記録上の最新の動き（${date}）：${text}`,
    moreDevelopments: (count) => `ほか${count}件の以前の動きは「timeline」でご覧ください。`,
    stateOfPlayHeading: '現状',
    nothingNewSince: (date) => `前回のダイジェスト（${date}）以降、新しい動きはありません。`,
    nothingNewFirst: (days) => `過去${days}日間に新しい動きはありません。`,
    spotlightHeading: (title) => `注目のトピック：${title}`,
    summary: (developments, updates, spotlight) => {
      if (developments === 0 && updates === 0) return `新しい動きなし（注目：${spotlight ?? 'トピック'}）`;
      const parts = [];
      if (developments > 0) parts.push(`動き${developments}件`);
      if (updates > 0) parts.push(`ブリーフィング更新${updates}件`);
      return parts.join('、');
    },
    sourcesButton: '出典',
    timelineButton: '年表',
  },
};
