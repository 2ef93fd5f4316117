import type { Language } from '../reply.ts';

const DAY_MS = 86_400_000;
const DAYS_PER_MONTH = 30.44;

/**
 * How long ago a YYYY-MM-DD date was, in words a reader notices: "today", "3 days ago",
 * "2 weeks ago", "19 months ago", "3 years ago" (and the Japanese equivalents). `now` comes from
 * the injected clock at answer time, so a briefing left alone visibly ages.
 */
export function describeAge(isoDate: string, now: Date, lang: Language): string {
  const then = Date.parse(`${isoDate}T00:00:00Z`);
  const today = Date.parse(`${now.toISOString().slice(0, 10)}T00:00:00Z`);
  const days = Math.round((today - then) / DAY_MS);
  const words = AGE_WORDS[lang];
  if (days <= 0) return words.today;
  if (days === 1) return words.yesterday;
  if (days < 14) return words.ago(days, 'day');
  if (days < 61) return words.ago(Math.floor(days / 7), 'week');
  const months = Math.round(days / DAYS_PER_MONTH);
  if (months < 24) return words.ago(months, 'month');
  return words.ago(Math.floor(days / 365.25), 'year');
}

type Unit = 'day' | 'week' | 'month' | 'year';

const AGE_WORDS: Record<Language, { today: string; yesterday: string; ago(n: number, unit: Unit): string }> =
  {
    en: {
      today: 'today',
      yesterday: 'yesterday',
      ago: (n, unit) => `${n} ${unit}${n === 1 ? '' : 's'} ago`,
    },
    ja: {
      today: '今日',
      yesterday: '昨日',
      ago: (n, unit) => `${n}${{ day: '日', week: '週間', month: 'か月', year: '年' }[unit]}前`,
    },
  };
