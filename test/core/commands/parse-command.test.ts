import { describe, expect, it } from 'vitest';
import { isManagementCommand, parseCommand } from '../../../src/core/commands/parse-command.ts';
import { prepareInput, splitArguments } from '../../../src/core/commands/prepare-input.ts';

const parse = (raw: string) => {
  const prepared = prepareInput(raw);
  if (prepared.kind !== 'ok') throw new Error('input refused');
  return parseCommand(prepared.text);
};

describe('the command grammar (DESIGN.md §4)', () => {
  it.each(['', '   ', 'help', 'HELP', '/eujp', '/eujp help', 'ヘルプ'])('shows help for %j', (text) => {
    expect(parse(text)).toEqual({ name: 'help' });
  });

  it.each(['list', 'topics', 'Topics'])('lists topics for %j', (text) => {
    expect(parse(text)).toEqual({ name: 'topics' });
  });

  it('treats anything else as a briefing query, with or without the /eujp prefix', () => {
    expect(parse('/eujp semiconductors')).toEqual({ name: 'briefing', query: 'semiconductors' });
    expect(parse('chip supply chains')).toEqual({ name: 'briefing', query: 'chip supply chains' });
  });

  it('reads sources before or after the topic', () => {
    expect(parse('sources quantum')).toEqual({ name: 'sources', query: 'quantum' });
    expect(parse('quantum sources')).toEqual({ name: 'sources', query: 'quantum' });
    expect(parse('半導体 出典')).toEqual({ name: 'sources', query: '半導体' });
  });

  it('reads search, timeline and digest with their arguments', () => {
    expect(parse('search data adequacy')).toEqual({ name: 'search', words: 'data adequacy' });
    expect(parse('timeline')).toEqual({ name: 'timeline' });
    expect(parse('timeline hpc')).toEqual({ name: 'timeline', query: 'hpc' });
    expect(parse('digest quantum ai')).toEqual({ name: 'digest', topicWords: ['quantum', 'ai'] });
  });

  it('reads the three schedule forms of subscribe, with a time zone and topics', () => {
    expect(parse('subscribe weekly mon 09:00 tz=Asia/Tokyo semiconductors quantum')).toEqual({
      name: 'subscribe',
      schedule: { kind: 'weekly', day: 'mon', time: '09:00' },
      timeZone: 'Asia/Tokyo',
      topicWords: ['semiconductors', 'quantum'],
    });
    expect(parse('subscribe daily 08:30')).toEqual({
      name: 'subscribe',
      schedule: { kind: 'daily', time: '08:30' },
      topicWords: [],
    });
    expect(parse('subscribe cron "0 9 * * 1-5" ai')).toEqual({
      name: 'subscribe',
      schedule: { kind: 'cron', expression: '0 9 * * 1-5' },
      topicWords: ['ai'],
    });
    expect(parse('subscribe cron “0 9 * * 1-5”')).toMatchObject({
      schedule: { kind: 'cron', expression: '0 9 * * 1-5' },
    });
  });

  it.each([
    ['subscribe', 'missing_schedule'],
    ['subscribe hourly', 'missing_schedule'],
    ['subscribe quantum', 'missing_schedule'],
    ['subscribe daily', 'missing_time'],
    ['subscribe daily quantum', 'missing_time'],
    ['subscribe weekly mon', 'missing_time'],
    ['subscribe weekly 09:00', 'missing_day'],
    ['subscribe weekly 9:00 quantum', 'missing_day'],
    ['subscribe weekly', 'missing_day'],
    ['subscribe cron', 'missing_cron'],
    ['subscribe cron quantum', 'missing_cron'],
    ['subscribe cron 0 9 * *', 'unquoted_cron'],
    ['search', 'missing_words'],
    ['sources', 'missing_topic'],
    ['unsubscribe two', 'bad_number'],
    ['unsubscribe all please', 'bad_number'],
    ['language fr', 'unsupported_language'],
  ])('says what is missing from %j instead of guessing', (text, code) => {
    expect(parse(text)).toMatchObject({ name: 'invalid', problem: { code } });
  });

  it.each([
    ['subscribe cron 0 9 * * 1-5', '0 9 * * 1-5', []],
    ['subscribe cron 0 9 * * 1-5 quantum ai', '0 9 * * 1-5', ['quantum', 'ai']],
    ['subscribe cron */30 9-17 * * mon-fri hpc', '*/30 9-17 * * mon-fri', ['hpc']],
    ["subscribe cron '0 9 * * 1-5' quantum", '0 9 * * 1-5', ['quantum']],
    ['subscribe cron ‘30 8 1 * *’', '30 8 1 * *', []],
    ['subscribe cron "0 9 * * 1-5 ai', '0 9 * * 1-5', ['ai']],
  ])('reads the cron expression of %j even without double quotes', (text, expression, topicWords) => {
    expect(parse(text)).toEqual({ name: 'subscribe', schedule: { kind: 'cron', expression }, topicWords });
  });

  it('reads help for one command, by keyword in either language', () => {
    expect(parse('help subscribe')).toEqual({ name: 'help', command: 'subscribe' });
    expect(parse('help 購読')).toEqual({ name: 'help', command: 'subscribe' });
    expect(parse('help briefing')).toEqual({ name: 'help', command: 'briefing' });
    expect(parse('help nonsense')).toEqual({ name: 'help', unknown: 'nonsense' });
  });

  it('reads unsubscribe with a number, nothing, "all", or "all" with its confirmation code', () => {
    expect(parse('unsubscribe 2')).toEqual({ name: 'unsubscribe', index: 2 });
    expect(parse('unsubscribe #3')).toEqual({ name: 'unsubscribe', index: 3 });
    expect(parse('unsubscribe')).toEqual({ name: 'unsubscribe' });
    expect(parse('unsubscribe all')).toEqual({ name: 'unsubscribe', all: true });
    expect(parse('unsubscribe ALL')).toEqual({ name: 'unsubscribe', all: true });
    expect(parse('unsubscribe all k3x9q1-7f3a9c2b1d0e4f5a')).toEqual({
      name: 'unsubscribe',
      all: true,
      confirmation: 'k3x9q1-7f3a9c2b1d0e4f5a',
    });
  });

  it('reads language names as well as codes', () => {
    expect(parse('language japanese')).toEqual({ name: 'language', language: 'ja' });
    expect(parse('language 日本語')).toEqual({ name: 'language', language: 'ja' });
    expect(parse('language English')).toEqual({ name: 'language', language: 'en' });
  });

  it('reads subscriptions, status and language', () => {
    expect(parse('subscriptions')).toEqual({ name: 'subscriptions' });
    expect(parse('status')).toEqual({ name: 'status' });
    expect(parse('language ja')).toEqual({ name: 'language', language: 'ja' });
    expect(parse('language')).toEqual({ name: 'language' });
  });

  it('marks only commands that change the channel as management commands', () => {
    expect(isManagementCommand(parse('subscribe daily 08:00'))).toBe(true);
    expect(isManagementCommand(parse('unsubscribe 1'))).toBe(true);
    expect(isManagementCommand(parse('unsubscribe all k3x9q1-7f3a9c2b1d0e4f5a'))).toBe(true);
    expect(isManagementCommand(parse('language ja'))).toBe(true);
    expect(isManagementCommand(parse('language'))).toBe(false);
    expect(isManagementCommand(parse('subscriptions'))).toBe(false);
    expect(isManagementCommand(parse('semiconductors'))).toBe(false);
  });
});

describe('preparing raw input', () => {
  it('takes out lang= wherever it stands', () => {
    expect(prepareInput('semiconductors lang=ja')).toEqual({
      kind: 'ok',
      text: 'semiconductors',
      explicitLanguage: 'ja',
    });
    expect(prepareInput('lang=en 半導体')).toEqual({ kind: 'ok', text: '半導体', explicitLanguage: 'en' });
  });

  it('removes control, bidi and zero-width characters that could disguise a query', () => {
    expect(prepareInput('sem\u200Biconductors\u0007')).toEqual({ kind: 'ok', text: 'semiconductors' });
    expect(prepareInput('\u202Equantum')).toEqual({ kind: 'ok', text: 'quantum' });
  });

  it('refuses text longer than any command needs', () => {
    expect(prepareInput('a'.repeat(10_000))).toEqual({ kind: 'too_long' });
    expect(prepareInput('a'.repeat(501))).toEqual({ kind: 'too_long' });
  });

  it('keeps quoted arguments together', () => {
    expect(splitArguments('cron "0 9 * * 1-5" ai')).toEqual(['cron', '0 9 * * 1-5', 'ai']);
  });
});
