import { beforeAll, describe, expect, it } from 'vitest';
import { toPlainText } from '../../../src/adapters/console/to-plain-text.ts';
import { decodeButtonIntent } from '../../../src/adapters/discord/discord-buttons.ts';
import { toDiscordMessages } from '../../../src/adapters/discord/to-discord-messages.ts';
import { toSlackMessage } from '../../../src/adapters/slack/to-slack-message.ts';
import { toReplyJson } from '../../../src/cli/reply-json.ts';
import type { Core } from '../../../src/core/core.ts';
import type { Reply } from '../../../src/core/reply.ts';
import { TOPIC_IDS } from '../../../src/core/topics/topic-ids.ts';
import { expectSafeEverywhere } from '../../properties/render-checks.ts';
import { createTestCore, loadRealLibrary } from '../../support/test-core.ts';

let core: Core;
beforeAll(async () => {
  core = await createTestCore();
});

const ask = (text: string) => core.handle(text, {});
const bodyText = (reply: Reply) =>
  reply.sections
    .flatMap((section) => [...section.paragraphs, ...section.items.map((item) => item.text)])
    .join('\n');
const slackText = (reply: Reply) => JSON.stringify(toSlackMessage(reply).blocks);
const discordButtons = (reply: Reply) =>
  toDiscordMessages(reply).flatMap((message) =>
    message.components.flatMap((row) =>
      row.components.map((button) => decodeButtonIntent(button.custom_id)?.command),
    ),
  );

describe('a question that matches one topic', () => {
  it('leads with the cited sentences of the briefing that answer it, then the usual briefing', async () => {
    const briefing = (await loadRealLibrary()).briefings.get('5g-6g')!;
    const reply = await ask('what is the eu doing on 6g');
    expect(reply.type).toBe('briefing');
    expect(reply.topic).toBe('5g-6g');
    expect(reply.summary).not.toBe(briefing.text.en.summary);
    expect(reply.summary).toMatch(/6G/);
    expect(reply.summary).toMatch(/\[\d+\]/);
    // The usual briefing follows, summary first.
    expect(reply.sections[0]?.paragraphs[0]).toBe(briefing.text.en.summary);
    expect(reply.sections.slice(1).map((section) => section.heading)).toEqual(
      briefing.text.en.sections.map((section) => section.heading),
    );
    expectSafeEverywhere(reply);
  });

  it('links the leading sentences’ citations to their sources in Slack and Discord', async () => {
    const reply = await ask('tell me about supercomputers');
    const n = Number(/\[(\d+)\]/.exec(reply.summary ?? '')?.[1]);
    const url = reply.sources.find((source) => source.n === n)?.url;
    expect(url).toBeTruthy();
    const [header, lead] = toSlackMessage(reply).blocks;
    expect(header?.type).toBe('header');
    expect(JSON.stringify(lead)).toContain(`|[${n}]>`);
    const description = toDiscordMessages(reply)[0].embeds[0]?.description ?? '';
    expect(description.split('\n\n')[0]).toContain(`[${n}](${url})`);
    expect(toPlainText(reply).split('\n')[1]).toBe(reply.summary);
  });

  it('answers a Japanese question with Japanese sentences', async () => {
    const reply = await ask('スパコンについて教えて lang=ja');
    expect(reply.topic).toBe('hpc');
    expect(reply.summary).toMatch(/スパコン|スーパーコンピュータ|富岳/);
    expect(reply.summary).toMatch(/\[\d+\]/);
  });

  it('keeps the plain briefing for a plain topic name', async () => {
    const briefing = (await loadRealLibrary()).briefings.get('quantum')!;
    const reply = await ask('quantum');
    expect(reply.summary).toBe(briefing.text.en.summary);
  });
});

describe('what is new', () => {
  it.each([["what's new"], ['latest news'], ['最新情報'], ['新着']])(
    'answers %j with the latest developments of every topic, never one topic’s briefing',
    async (query) => {
      const reply = await ask(query);
      expect(reply.type).toBe('timeline');
      expect(reply.topic).toBeNull();
      const dates = reply.sections[0]!.items.map((item) => item.date!);
      expect(dates.length).toBeGreaterThan(1);
      expect([...dates].sort().reverse()).toEqual(dates);
      expectSafeEverywhere(reply);
    },
  );

  it.each([
    ["what's new on quantum", 'quantum'],
    ['量子の最新情報', 'quantum'],
    ['any news on supercomputers?', 'hpc'],
  ] as const)('answers %j with the timeline of %s', async (query, topic) => {
    const reply = await ask(query);
    expect(reply.type).toBe('timeline');
    expect(reply.topic).toBe(topic);
  });
});

describe('a question naming several topics', () => {
  it('says which topics match and offers each as a button instead of choosing', async () => {
    const reply = await ask('chips and quantum');
    expect(reply.type).toBe('not_found');
    expect(reply.topic).toBeNull();
    expect(reply.title).toBe('Which topic did you mean?');
    expect(bodyText(reply)).toContain('Semiconductors');
    expect(reply.suggestions).toEqual(['semiconductors', 'quantum']);
    expect(reply.actions.map((action) => action.command)).toEqual([
      'semiconductors lang=en',
      'quantum lang=en',
    ]);
    expect(discordButtons(reply)).toEqual(['semiconductors lang=en', 'quantum lang=en']);
    expect(slackText(reply)).toContain('"value":"quantum lang=en.');
    expect(toPlainText(reply)).toContain('→ Quantum technology: quantum lang=en');
    expect(JSON.parse(toReplyJson(reply))).toMatchObject({
      type: 'not_found',
      suggestions: ['semiconductors', 'quantum'],
    });
    expectSafeEverywhere(reply);
  });

  it('keeps the command on the buttons: timeline and sources', async () => {
    const timeline = await ask('timeline chips and quantum');
    expect(timeline.actions.map((action) => action.command)).toEqual([
      'timeline semiconductors lang=en',
      'timeline quantum lang=en',
    ]);
    const sources = await ask('sources 半導体と量子 lang=ja');
    expect(sources.title).toBe('どのトピックについてですか？');
    expect(sources.actions.map((action) => action.command)).toEqual([
      'sources semiconductors lang=ja',
      'sources quantum lang=ja',
    ]);
  });

  it('does not let the echoed question ping or format in Slack and Discord', async () => {
    const reply = await ask('<!channel> @everyone *chips* and quantum');
    expect(reply.title).toBe('Which topic did you mean?');
    expectSafeEverywhere(reply);
  });
});

describe('no matching topic', () => {
  it('offers only the topics that came close, once, as buttons', async () => {
    const reply = await ask('semicondactor breads');
    expect(reply.type).toBe('not_found');
    expect(reply.suggestions).toEqual(['semiconductors']);
    expect(reply.actions.map((action) => action.command)).toEqual(['semiconductors lang=en']);
    expect(reply.sections.flatMap((section) => section.items)).toEqual([]);
    expectSafeEverywhere(reply);
  });

  it.each([
    ['how do I bake bread', 'en', 'No topic comes close'],
    ['天気予報 lang=ja', 'ja', '近いトピックはありません'],
  ] as const)(
    'says none is close for %j and points to topics, without listing them all',
    async (query, lang, text) => {
      const reply = await ask(query);
      expect(reply.type).toBe('not_found');
      expect(reply.suggestions).toEqual([]);
      expect(bodyText(reply)).toContain(text);
      expect(reply.actions.map((action) => action.command)).toEqual([`topics lang=${lang}`]);
      for (const message of [
        slackText(reply),
        JSON.stringify(toDiscordMessages(reply)),
        toPlainText(reply),
      ]) {
        const mentioned = TOPIC_IDS.filter(
          (topic) => message.includes(`"${topic} lang=`) || message.includes(`: ${topic}`),
        );
        expect(mentioned).toEqual([]);
      }
      expectSafeEverywhere(reply);
    },
  );
});

describe('one resolver for search and autocomplete', () => {
  it('searches on a question’s content words', async () => {
    const reply = await ask('search what is the eu doing on quantum');
    expect(reply.type).toBe('search');
    expect(reply.suggestions[0]).toBe('quantum');
  });

  it('completes a question to its topic', () => {
    expect(core.autocomplete('tell me about supercomp')[0]?.value).toBe('hpc');
    expect(core.autocomplete('量子技術について')[0]?.value).toBe('quantum');
  });
});
