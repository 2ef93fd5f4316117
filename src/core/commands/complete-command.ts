import type { BriefingLibrary } from '../briefings/briefing.ts';
import type { TopicChoice } from '../core.ts';
import type { Language } from '../reply.ts';
import type { TopicIndex } from '../topics/topic-index.ts';
import { findCommandByKeyword } from './command-catalog.ts';
import { MAX_INPUT_LENGTH, prepareInput } from './prepare-input.ts';

/** Discord's limit for a choice's name and value alike. */
const CHOICE_TEXT_LIMIT = 100;
// Commands whose last word is a topic; `search` takes free words, so it is not completed.
const TOPIC_TAKING_COMMANDS = new Set(['sources', 'timeline', 'digest', 'subscribe']);

/**
 * Choices for a partially typed command. A plain query completes to a topic id; after a
 * command word ("sources semi") the last word is completed and the command kept, so picking
 * the choice still runs `sources semiconductors`.
 */
export function completeCommand(
  index: TopicIndex,
  library: BriefingLibrary,
  partial: string,
  options: { lang: Language; limit: number },
): TopicChoice[] {
  const prepared = prepareInput(partial.slice(0, MAX_INPUT_LENGTH));
  const text = prepared.kind === 'ok' ? prepared.text : '';
  const lastSpace = text.lastIndexOf(' ');
  const command = lastSpace === -1 ? undefined : findCommandByKeyword(text.slice(0, text.indexOf(' ')));
  const prefix = command && TOPIC_TAKING_COMMANDS.has(command.name) ? text.slice(0, lastSpace + 1) : '';
  const query = prefix === '' ? text : text.slice(lastSpace + 1);

  return index.suggest(query, options.limit).flatMap((topic) => {
    const briefing = library.briefings.get(topic)!;
    const words = briefing.text[options.lang] ?? briefing.text.en;
    const value = `${prefix}${topic}`;
    if (value.length > CHOICE_TEXT_LIMIT) return [];
    return [{ name: clip(`${prefix}${words.title} — ${words.summary}`, CHOICE_TEXT_LIMIT), value }];
  });
}

function clip(text: string, limit: number): string {
  const characters = [...text];
  return characters.length <= limit ? text : `${characters.slice(0, limit - 1).join('')}…`;
}
