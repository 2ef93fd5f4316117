import type { Briefing } from '../briefings/briefing.ts';
import { editDistance, editDistanceOfCharacters, typoAllowance } from './edit-distance.ts';
import { aliasKey } from './normalize-query.ts';
import type { TopicId } from './topic-ids.ts';

/** A topic name as people type it, with the topic it leads to. */
interface NamedTopic {
  topic: TopicId;
  raw: string;
  key: string;
}

/** Every id, title and alias of the library, looked up exactly, by key or with typos. */
export interface TopicNames {
  /** Case-insensitive exact name. */
  exact(text: string): TopicId | undefined;
  /** A name with the same alias key (see aliasKey). */
  byKey(key: string): TopicId | undefined;
  /** The single closest name within the typo allowance; a tie between two topics is no answer. */
  byTypo(key: string): TopicId | undefined;
  /** Topics named by runs of up to three words, longest run first, each topic once. */
  namedIn(words: readonly string[]): TopicId[];
  /** Topics with a name that starts with, contains or nearly starts with `key`, best first. */
  startingWith(key: string): TopicId[];
}

const LONGEST_NAME_IN_WORDS = 3;

export function createTopicNames(briefings: readonly Briefing[]): TopicNames {
  const names = briefings.flatMap(namesOf);
  // Maps, not scans: a resolve at 10,000 briefings looks up several keys.
  const exactNames = new Map<string, TopicId>();
  const keyed = new Map<string, TopicId>();
  for (const name of names) {
    if (!exactNames.has(name.raw.toLowerCase())) exactNames.set(name.raw.toLowerCase(), name.topic);
    if (!keyed.has(name.key)) keyed.set(name.key, name.topic);
  }
  // Names by length in code points: a name more than the allowance longer or shorter cannot be
  // a typo of the key, so only a few lengths are scanned, each name split into characters once.
  const byLength = new Map<number, Array<{ topic: TopicId; characters: string[] }>>();
  for (const name of names) {
    const characters = [...name.key];
    if (typoAllowance(characters.length) === 0) continue;
    const bucket = byLength.get(characters.length) ?? [];
    bucket.push({ topic: name.topic, characters });
    byLength.set(characters.length, bucket);
  }

  const byTypo = (key: string): TopicId | undefined => {
    const characters = [...key];
    const allowance = typoAllowance(characters.length);
    if (allowance === 0) return undefined;
    let best: { distance: number; topics: Set<TopicId> } = { distance: allowance + 1, topics: new Set() };
    for (let length = characters.length - allowance; length <= characters.length + allowance; length++) {
      for (const name of byLength.get(length) ?? []) {
        const distance = editDistanceOfCharacters(characters, name.characters, allowance);
        if (distance < best.distance) best = { distance, topics: new Set([name.topic]) };
        else if (distance === best.distance && distance <= allowance) best.topics.add(name.topic);
      }
    }
    return best.distance <= allowance && best.topics.size === 1 ? [...best.topics][0] : undefined;
  };

  const namedIn = (words: readonly string[]): TopicId[] => {
    const topics = new Set<TopicId>();
    for (let position = 0; position < words.length; ) {
      let length = Math.min(LONGEST_NAME_IN_WORDS, words.length - position);
      for (; length >= 1; length--) {
        const topic = keyed.get(aliasKey(words.slice(position, position + length).join(' ')));
        if (topic) {
          topics.add(topic);
          break;
        }
      }
      position += Math.max(length, 1);
    }
    return [...topics];
  };

  const startingWith = (key: string): TopicId[] => {
    const ranked = new Map<TopicId, number>();
    for (const name of names) {
      const rank = name.key.startsWith(key) ? 0 : name.key.includes(key) ? 1 : prefixTypoRank(name.key, key);
      if (rank !== undefined) ranked.set(name.topic, Math.min(rank, ranked.get(name.topic) ?? rank));
    }
    return [...ranked.entries()].sort((a, b) => a[1] - b[1]).map(([topic]) => topic);
  };

  return {
    exact: (text) => exactNames.get(text.trim().toLowerCase()),
    byKey: (key) => keyed.get(key),
    byTypo,
    namedIn,
    startingWith,
  };
}

function namesOf(briefing: Briefing): NamedTopic[] {
  const raws = [
    briefing.id,
    ...Object.values(briefing.text).map((text) => text.title),
    ...briefing.aliases,
    ...briefing.aliasesJa,
  ];
  return raws.map((raw) => ({ topic: briefing.id, raw, key: aliasKey(raw) }));
}

function prefixTypoRank(nameKey: string, partial: string): number | undefined {
  const allowance = typoAllowance([...partial].length);
  if (allowance === 0) return undefined;
  const prefix = [...nameKey].slice(0, [...partial].length).join('');
  return editDistance(prefix, partial, allowance) <= allowance ? 2 : undefined;
}
