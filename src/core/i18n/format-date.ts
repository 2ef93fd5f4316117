import type { Language } from '../reply.ts';
import { cachedDateTimeFormat } from './cached-formatter.ts';

const DATE_FORMATS: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }),
  ja: new Intl.DateTimeFormat('ja-JP', { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }),
};

/** "12 May 2025" or "2025年5月12日" for a YYYY-MM-DD date. */
export function formatDate(isoDate: string, lang: Language): string {
  const date = new Date(`${isoDate}T00:00:00Z`);
  return Number.isNaN(date.getTime()) ? isoDate : DATE_FORMATS[lang].format(date);
}

/** A point in time in a time zone: "Mon 3 March 2025, 09:00 (Europe/Brussels)". */
export function formatDateTime(instant: Date, timeZone: string, lang: Language): string {
  const format = cachedDateTimeFormat(lang === 'ja' ? 'ja-JP' : 'en-GB', {
    weekday: 'short',
    day: 'numeric',
    month: lang === 'ja' ? 'numeric' : 'long',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone,
  });
  return `${format.format(instant)} (${timeZone})`;
}
