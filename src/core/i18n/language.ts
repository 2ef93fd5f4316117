import type { Language } from '../reply.ts';

export const LANGUAGES: readonly Language[] = ['en', 'ja'];

export function isLanguage(value: string): value is Language {
  return (LANGUAGES as readonly string[]).includes(value);
}

/** Maps a platform locale (`ja`, `ja-JP`, `en-US`) to a language we have, if any. */
export function languageFromLocale(locale: string | undefined): Language | undefined {
  const primary = locale?.toLowerCase().split(/[-_]/)[0];
  return primary !== undefined && isLanguage(primary) ? primary : undefined;
}

/**
 * The reply language, most deliberate choice first: an explicit `lang=` in the command, the
 * channel's stored setting, the user's locale, then English (docs/contracts.md, command grammar).
 */
export function chooseLanguage(choices: {
  explicit?: Language;
  channel?: Language;
  locale?: string;
}): Language {
  return choices.explicit ?? choices.channel ?? languageFromLocale(choices.locale) ?? 'en';
}
