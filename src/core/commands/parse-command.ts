import { isLanguage } from '../i18n/language.ts';
import type { Language } from '../reply.ts';
import {
  type CatalogEntry,
  COMMAND_CATALOG,
  type CommandName,
  findCommandByKeyword,
} from './command-catalog.ts';
import { type CommandProblem, type ParsedSubscribe, parseSubscribe } from './parse-subscribe.ts';
import { splitArguments, splitArgumentTokens } from './prepare-input.ts';

export type { CommandProblem } from './parse-subscribe.ts';

/** A line of the grammar, parsed; topic words are resolved later. */
export type ParsedCommand =
  | { name: 'help'; command?: CommandName; unknown?: string }
  | { name: 'topics' }
  | { name: 'briefing'; query: string }
  | { name: 'sources'; query: string }
  | { name: 'search'; words: string }
  | { name: 'timeline'; query?: string }
  | { name: 'digest'; topicWords: string[] }
  | Extract<ParsedSubscribe, { name: 'subscribe' }>
  | UnsubscribeCommand
  | { name: 'subscriptions' }
  | { name: 'status' }
  | { name: 'language'; language?: Language }
  | { name: 'invalid'; command: CommandName; problem: CommandProblem };

/**
 * `unsubscribe n` removes one; a bare `unsubscribe` only when the channel has one digest;
 * `unsubscribe all` asks first, and `unsubscribe all <code>` is the confirmation it hands out.
 */
export type UnsubscribeCommand =
  | { name: 'unsubscribe'; index?: number }
  | { name: 'unsubscribe'; all: true; confirmation?: string };

const SOURCES_SUFFIX = /\s+(?:sources?|出典)$/i;
const CONFIRMATION_CODE = /^[a-z0-9]{1,12}-[a-z0-9]{1,16}$/;

// Language names people type instead of the codes; anything else is "not available".
const LANGUAGE_NAMES: Record<string, Language> = {
  en: 'en',
  english: 'en',
  英語: 'en',
  ja: 'ja',
  jp: 'ja',
  japanese: 'ja',
  日本語: 'ja',
};

/** Parses cleaned command text (see prepareInput) into a command; never throws. */
export function parseCommand(text: string): ParsedCommand {
  const firstSpace = text.indexOf(' ');
  const head = firstSpace === -1 ? text : text.slice(0, firstSpace);
  const rest = firstSpace === -1 ? '' : text.slice(firstSpace + 1).trim();
  if (text === '') return { name: 'help' };
  const entry = findCommandByKeyword(head);
  if (!entry) {
    const withoutSuffix = text.replace(SOURCES_SUFFIX, '');
    return withoutSuffix !== text
      ? { name: 'sources', query: withoutSuffix }
      : { name: 'briefing', query: text };
  }
  return parseArguments(entry, rest);
}

function parseArguments(entry: CatalogEntry, rest: string): ParsedCommand {
  const name = entry.name as CommandName;
  const invalid = (problem: CommandProblem): ParsedCommand => ({ name: 'invalid', command: name, problem });
  switch (name) {
    case 'help':
      return parseHelp(rest);
    case 'topics':
      return { name: 'topics' };
    case 'sources':
      return rest === '' ? invalid({ code: 'missing_topic' }) : { name: 'sources', query: rest };
    case 'search':
      return rest === '' ? invalid({ code: 'missing_words' }) : { name: 'search', words: rest };
    case 'timeline':
      return rest === '' ? { name: 'timeline' } : { name: 'timeline', query: rest };
    case 'digest':
      return { name: 'digest', topicWords: splitArguments(rest) };
    case 'subscribe':
      return parseSubscribe(splitArgumentTokens(rest));
    case 'unsubscribe':
      return parseUnsubscribe(rest) ?? invalid({ code: 'bad_number', value: rest.slice(0, 40) });
    case 'subscriptions':
      return { name: 'subscriptions' };
    case 'status':
      return { name: 'status' };
    case 'language': {
      const value = rest.normalize('NFKC').toLowerCase();
      if (value === '') return { name: 'language' };
      const language = LANGUAGE_NAMES[value] ?? (isLanguage(value) ? value : undefined);
      return language
        ? { name: 'language', language }
        : invalid({ code: 'unsupported_language', value: rest.slice(0, 40) });
    }
    default:
      return { name: 'briefing', query: rest };
  }
}

function parseHelp(rest: string): ParsedCommand {
  if (rest === '') return { name: 'help' };
  const entry = findCommandByKeyword(rest.split(' ')[0] ?? '') ?? findCommandByName(rest);
  return entry ? { name: 'help', command: entry.name as CommandName } : { name: 'help', unknown: rest };
}

function findCommandByName(word: string): CatalogEntry | undefined {
  const folded = word.normalize('NFKC').toLowerCase();
  return COMMAND_CATALOG.find((entry) => entry.name === folded);
}

function parseUnsubscribe(rest: string): UnsubscribeCommand | undefined {
  if (rest === '') return { name: 'unsubscribe' };
  const [first, code, ...extra] = rest.toLowerCase().split(' ');
  if ((first === 'all' || first === 'すべて' || first === '全部') && extra.length === 0) {
    if (code === undefined) return { name: 'unsubscribe', all: true };
    return CONFIRMATION_CODE.test(code) ? { name: 'unsubscribe', all: true, confirmation: code } : undefined;
  }
  const index = /^#?(\d{1,4})$/.exec(rest)?.[1];
  return index === undefined ? undefined : { name: 'unsubscribe', index: Number(index) };
}

/** True for commands that change a channel's settings (Discord checks Manage Channels). */
export function isManagementCommand(command: ParsedCommand): boolean {
  if (command.name === 'language') return command.language !== undefined;
  return COMMAND_CATALOG.some((entry) => entry.name === command.name && entry.managesChannel);
}
