import type { ScheduleSpec } from '../digests/digest-commands.ts';
import { isLanguage } from '../i18n/language.ts';
import type { Language } from '../reply.ts';
import { type CatalogEntry, COMMAND_CATALOG, findCommandByKeyword } from './command-catalog.ts';
import { splitArguments } from './prepare-input.ts';

/** A line of the grammar (DESIGN.md §4), parsed; topic words are resolved later. */
export type ParsedCommand =
  | { name: 'help' }
  | { name: 'topics' }
  | { name: 'briefing'; query: string }
  | { name: 'sources'; query: string }
  | { name: 'search'; words: string }
  | { name: 'timeline'; query?: string }
  | { name: 'digest'; topicWords: string[] }
  | { name: 'subscribe'; schedule: ScheduleSpec; timeZone?: string; topicWords: string[] }
  | { name: 'unsubscribe'; index?: number }
  | { name: 'subscriptions' }
  | { name: 'status' }
  | { name: 'language'; language?: Language }
  | { name: 'usage'; usage: string };

const TIME_ZONE_OPTION = /^(?:tz|timezone)=(.*)$/i;
const SOURCES_SUFFIX = /\s+(?:sources?|出典)$/i;

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
  const usage: ParsedCommand = { name: 'usage', usage: entry.usage };
  switch (entry.name) {
    case 'help':
      return { name: 'help' };
    case 'topics':
      return { name: 'topics' };
    case 'sources':
      return rest === '' ? usage : { name: 'sources', query: rest };
    case 'search':
      return rest === '' ? usage : { name: 'search', words: rest };
    case 'timeline':
      return rest === '' ? { name: 'timeline' } : { name: 'timeline', query: rest };
    case 'digest':
      return { name: 'digest', topicWords: splitArguments(rest) };
    case 'subscribe':
      return parseSubscribe(splitArguments(rest)) ?? usage;
    case 'unsubscribe':
      return parseUnsubscribe(rest) ?? usage;
    case 'subscriptions':
      return { name: 'subscriptions' };
    case 'status':
      return { name: 'status' };
    case 'language': {
      const value = rest.toLowerCase();
      if (value === '') return { name: 'language' };
      return isLanguage(value) ? { name: 'language', language: value } : usage;
    }
    default:
      return usage;
  }
}

function parseSubscribe(words: string[]): ParsedCommand | undefined {
  const [kind, first, second] = words;
  let schedule: ScheduleSpec;
  let consumed: number;
  switch (kind?.toLowerCase()) {
    case 'daily':
      if (first === undefined) return undefined;
      schedule = { kind: 'daily', time: first };
      consumed = 2;
      break;
    case 'weekly':
      if (first === undefined || second === undefined) return undefined;
      schedule = { kind: 'weekly', day: first, time: second };
      consumed = 3;
      break;
    case 'cron':
      if (first === undefined) return undefined;
      schedule = { kind: 'cron', expression: first };
      consumed = 2;
      break;
    default:
      return undefined;
  }
  let timeZone: string | undefined;
  const topicWords: string[] = [];
  for (const word of words.slice(consumed)) {
    const option = TIME_ZONE_OPTION.exec(word);
    if (option) timeZone = option[1];
    else topicWords.push(word);
  }
  return timeZone === undefined
    ? { name: 'subscribe', schedule, topicWords }
    : { name: 'subscribe', schedule, timeZone, topicWords };
}

function parseUnsubscribe(rest: string): ParsedCommand | undefined {
  if (rest === '' || rest.toLowerCase() === 'all') return { name: 'unsubscribe' };
  const index = /^#?(\d{1,4})$/.exec(rest)?.[1];
  return index === undefined ? undefined : { name: 'unsubscribe', index: Number(index) };
}

/** True for commands that change a channel's settings (Discord checks Manage Channels). */
export function isManagementCommand(command: ParsedCommand): boolean {
  if (command.name === 'language') return command.language !== undefined;
  return COMMAND_CATALOG.some((entry) => entry.name === command.name && entry.managesChannel);
}
