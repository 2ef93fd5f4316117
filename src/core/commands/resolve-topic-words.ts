import type { TopicId } from '../topics/topic-ids.ts';
import type { TopicIndex } from '../topics/topic-index.ts';

const LONGEST_TOPIC_NAME_IN_WORDS = 3;

/**
 * Topic words of a subscription or digest ("quantum digital identity 半導体"). Names may span
 * words, so the longest run that names a topic wins. Only name matches count (exact, normalised
 * or a typo): a full-text guess has no place in something that changes what a channel receives.
 */
export function resolveTopicWords(
  index: TopicIndex,
  words: readonly string[],
): { topics: TopicId[]; unknown: string[] } {
  const topics: TopicId[] = [];
  const unknown: string[] = [];
  let position = 0;
  while (position < words.length) {
    let matched = false;
    for (let length = Math.min(LONGEST_TOPIC_NAME_IN_WORDS, words.length - position); length >= 1; length--) {
      const resolution = index.resolve(words.slice(position, position + length).join(' '));
      if (resolution.kind === 'topic' && resolution.via !== 'search') {
        if (!topics.includes(resolution.topic)) topics.push(resolution.topic);
        position += length;
        matched = true;
        break;
      }
    }
    if (!matched) {
      unknown.push(words[position]!);
      position += 1;
    }
  }
  return { topics, unknown };
}
