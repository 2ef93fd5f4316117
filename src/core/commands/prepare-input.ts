import { isLanguage } from '../i18n/language.ts';
import type { Language } from '../reply.ts';

/** Longer input is refused: no topic or command needs it, and it keeps search bounded. */
export const MAX_INPUT_LENGTH = 500;

export type PreparedInput =
  | { kind: 'ok'; text: string; explicitLanguage?: Language }
  | { kind: 'too_long'; explicitLanguage?: Language };

// Control characters act as spaces. Bidi overrides and zero-width characters carry no meaning
// in a query but can disguise one ("sem\u200Biconductors") or reorder what a renderer echoes.
const CONTROL = /[\p{Cc}\u2028\u2029]/gu;
const INVISIBLE = /\p{Cf}/gu;
const COMMAND_PREFIX = /^\s*\/eujp(?:\s+|$)/i;
const LANGUAGE_OPTION = /(?:^|\s)lang(?:uage)?=(\S*)/i;

/** Cleans one line of user text and takes out the `lang=` option, which any command may carry. */
export function prepareInput(raw: string): PreparedInput {
  if (raw.length > MAX_INPUT_LENGTH * 4) return { kind: 'too_long' };
  const tooLong = (): PreparedInput => {
    // Even a refusal answers in the language asked for.
    const asked = LANGUAGE_OPTION.exec(raw)?.[1]?.toLowerCase();
    return asked !== undefined && isLanguage(asked)
      ? { kind: 'too_long', explicitLanguage: asked }
      : { kind: 'too_long' };
  };
  let text = raw
    .replace(CONTROL, ' ')
    .replace(INVISIBLE, '')
    .replace(COMMAND_PREFIX, '')
    .replace(/\s+/g, ' ')
    .trim();
  if (text.length > MAX_INPUT_LENGTH) return tooLong();
  let explicitLanguage: Language | undefined;
  const option = LANGUAGE_OPTION.exec(text);
  if (option) {
    const value = option[1]!.toLowerCase();
    if (isLanguage(value)) explicitLanguage = value;
    text = text.replace(option[0], ' ').replace(/\s+/g, ' ').trim();
  }
  return explicitLanguage ? { kind: 'ok', text, explicitLanguage } : { kind: 'ok', text };
}

/** One argument, and whether it was written in double quotes. */
export interface ArgumentToken {
  text: string;
  quoted: boolean;
}

/** Splits arguments on spaces, keeping "quoted text" (straight or curly quotes) together. */
export function splitArguments(text: string): string[] {
  return splitArgumentTokens(text).map((token) => token.text);
}

/** As splitArguments, remembering which arguments were quoted (a cron expression must be). */
export function splitArgumentTokens(text: string): ArgumentToken[] {
  const pattern = /"([^"]*)"|“([^”]*)”|(\S+)/g;
  return [...text.matchAll(pattern)].map((match) =>
    match[3] === undefined
      ? { text: match[1] ?? match[2] ?? '', quoted: true }
      : { text: match[3], quoted: false },
  );
}
