import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type DiscordMessage, toDiscordMessages } from '../adapters/discord/to-discord-messages.ts';
import { type SlackMessage, toSlackMessages } from '../adapters/slack/to-slack-message.ts';
import type { BriefingLibrary } from '../core/briefings/briefing.ts';
import type { BriefingProblem } from '../core/briefings/briefing-problems.ts';
import type { Core } from '../core/core.ts';
import { composeDigest } from '../core/digests/compose-digest.ts';
import type { Language } from '../core/reply.ts';
import type { TopicId } from '../core/topics/topic-ids.ts';

/** One rendering of a reply, as the two adapters would send it. */
export interface PlatformViews {
  slack: SlackMessage[];
  discord: DiscordMessage[];
}

export interface PreviewProblem extends BriefingProblem {
  /** 1-based line in the file where the field is, when it can be found. */
  line?: number;
}

/** Everything the page shows for one topic in one language. */
export interface PreviewModel {
  topics: Array<{ id: TopicId; title: string; asOf: string; ageDays: number }>;
  topic: TopicId;
  lang: Language;
  briefing: PlatformViews;
  digest: PlatformViews;
  problems: PreviewProblem[];
}

const DAY_MS = 86_400_000;

/** Builds the page's content through the core and the adapters' own pure renderers. */
export async function buildPreviewModel(input: {
  core: Core;
  library: BriefingLibrary;
  topic: string | undefined;
  lang: Language;
  now: Date;
  problems: readonly PreviewProblem[];
}): Promise<PreviewModel> {
  const { library, lang, now } = input;
  const ids = [...library.briefings.keys()];
  const topic = ids.find((id) => id === input.topic) ?? ids[0]!;
  const reply = await input.core.handle(`${topic} lang=${lang}`, { canManageChannel: false });
  const digest = composeDigest({
    library,
    topics: [topic],
    cursor: undefined,
    now,
    lang,
    visibility: 'public',
  });
  return {
    topics: [...library.briefings.values()].map((briefing) => ({
      id: briefing.id,
      title: (briefing.text[lang] ?? briefing.text.en).title,
      asOf: briefing.asOf,
      ageDays: Math.floor((now.getTime() - Date.parse(`${briefing.asOf}T00:00:00Z`)) / DAY_MS),
    })),
    topic,
    lang,
    briefing: { slack: toSlackMessages(reply), discord: toDiscordMessages(reply) },
    digest: { slack: toSlackMessages(digest.reply), discord: toDiscordMessages(digest.reply) },
    problems: [...input.problems],
  };
}

/**
 * Adds the line of each problem's field: the first line of the file that starts with the field's
 * top-level key (`sources:` for `sources[2].url`), or that holds its text (a heading).
 */
export async function withLines(
  dir: string,
  problems: readonly BriefingProblem[],
): Promise<PreviewProblem[]> {
  return Promise.all(
    problems.map(async (problem) => {
      const text = await readFile(path.resolve(dir, path.basename(problem.file)), 'utf8').catch(() => '');
      const key = /^[\w-]+/.exec(problem.field)?.[0];
      const lines = text.split('\n');
      let index = key ? lines.findIndex((line) => line.startsWith(`${key}:`)) : -1;
      if (index < 0 && problem.field) index = lines.findIndex((line) => line.includes(problem.field));
      return index >= 0 ? { ...problem, line: index + 1 } : problem;
    }),
  );
}
