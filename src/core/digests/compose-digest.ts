import type { Briefing, BriefingLibrary, Development } from '../briefings/briefing.ts';
import { formatDate } from '../i18n/format-date.ts';
import type { Language, Reply, ReplyAction, ReplyItem, ReplySection } from '../reply.ts';
import { TOPIC_IDS, type TopicId } from '../topics/topic-ids.ts';
import { DIGEST_MESSAGES } from './digest-messages.ts';
import type { CursorAdvance, DigestCursor } from './store-port.ts';

/** What a digest is built from; `now` comes from the injected clock. */
export interface DigestInput {
  library: BriefingLibrary;
  /** The subscription's topics; empty means every topic. */
  topics: readonly TopicId[];
  cursor: DigestCursor | undefined;
  now: Date;
  lang: Language;
  visibility: Reply['visibility'];
  preview?: boolean;
}

/** A composed digest and what sending it tells the channel's cursor. */
export interface ComposedDigest {
  reply: Reply;
  advance: CursorAdvance;
  /** One line for `status` ("3 developments, 1 updated briefing"). */
  summary: string;
  topics: TopicId[];
}

/** A channel's first digest reaches back this far, rather than dumping the whole history. */
export const FIRST_DIGEST_LOOKBACK_DAYS = 30;
/** Slack caps a message at 50 blocks; past this many items the rest point to `timeline`. */
export const MAX_DIGEST_ITEMS = 12;
const DAY_MS = 86_400_000;

/**
 * Builds a digest: developments this channel has not been sent (newest first), briefings whose
 * `as_of` moved forward, then the state of play. With nothing new it says so in one line and
 * spotlights one topic, chosen by the channel's digest count so it rotates between digests.
 */
export function composeDigest(input: DigestInput): ComposedDigest {
  const { library, cursor, lang } = input;
  const words = DIGEST_MESSAGES[lang];
  const topics = (input.topics.length > 0 ? input.topics : TOPIC_IDS).filter((t) => library.briefings.has(t));
  const selected = new Set<TopicId>(topics);
  const sent = new Set(cursor?.sentDevelopmentIds ?? []);
  const known = (topic: TopicId) => cursor?.briefingAsOf[topic] !== undefined;
  const lookbackStart = new Date(input.now.getTime() - FIRST_DIGEST_LOOKBACK_DAYS * DAY_MS)
    .toISOString()
    .slice(0, 10);
  const today = input.now.toISOString().slice(0, 10);

  const relevant = library.developments.filter((d) => d.topics.some((t) => selected.has(t)));
  const fresh = relevant
    .filter((d) => !sent.has(d.id) && d.date <= today)
    // For topics the channel has never had a digest on, only the recent past is news.
    .filter((d) => d.topics.some((t) => selected.has(t) && known(t)) || d.date >= lookbackStart)
    .sort((a, b) => b.date.localeCompare(a.date));
  const updated = topics.filter((t) => {
    const before = cursor?.briefingAsOf[t];
    return before !== undefined && (library.briefings.get(t)?.asOf ?? '') > before;
  });

  const sections: ReplySection[] = [];
  let spotlight: ReturnType<typeof pickSpotlight>;
  if (fresh.length > 0) {
    const shown = fresh.slice(0, MAX_DIGEST_ITEMS);
    const firstTime = topics.every((t) => !known(t));
    sections.push({
      heading: firstTime ? words.firstHeading(FIRST_DIGEST_LOOKBACK_DAYS) : words.newHeading,
      paragraphs: fresh.length > shown.length ? [words.moreDevelopments(fresh.length - shown.length)] : [],
      items: shown.map((d) => developmentItem(d, selected, library, lang)),
    });
  }
  if (updated.length > 0) {
    sections.push({
      heading: words.updatesHeading,
      paragraphs: [],
      items: updated.map((t) =>
        briefingItem(library.briefings.get(t), lang, (title, summary, changes) =>
          words.updated(title, changes ?? summary),
        ),
      ),
    });
  }
  if (sections.length > 0) {
    sections.push({
      heading: words.stateOfPlayHeading,
      paragraphs: [],
      items: topics.map((t) => briefingItem(library.briefings.get(t), lang, (_, summary) => summary)),
    });
  } else {
    spotlight = pickSpotlight(topics, library, cursor?.digestCount ?? 0, lang);
    const last = cursor?.lastSentAt?.toISOString().slice(0, 10);
    const latest = relevant.find((d) => d.date <= today);
    sections.push({
      paragraphs: [
        last
          ? words.nothingNewSince(formatDate(last, lang))
          : words.nothingNewFirst(FIRST_DIGEST_LOOKBACK_DAYS),
        ...(latest
          ? [
              words.latest(
                formatDate(latest.date, lang),
                lang === 'ja' && latest.textJa ? latest.textJa : latest.text,
              ),
            ]
          : []),
      ],
      items: [],
    });
    if (spotlight) sections.push(spotlight.section);
  }

  const dates = [...fresh.map((d) => d.date), ...topics.map((t) => library.briefings.get(t)?.asOf ?? '')];
  const titles = topics.map((t) => textOf(library.briefings.get(t), lang)?.title ?? t);
  const reply: Reply = {
    type: 'digest',
    topic: topics.length === 1 ? (topics[0] ?? null) : null,
    title: input.preview ? words.previewTitle : words.title,
    summary: topics.length === TOPIC_IDS.length ? words.allTopics : words.topicList(titles),
    asOf: dates.filter(Boolean).sort().at(-1) ?? today,
    sections,
    // The spotlight quotes its briefing, whose `[n]` markers need that briefing's sources.
    sources: spotlight?.sources ?? [],
    suggestions: [],
    actions: digestActions(topics, words),
    visibility: input.visibility,
    lang,
  };
  const asOf: CursorAdvance['briefingAsOf'] = {};
  for (const t of topics) {
    const date = library.briefings.get(t)?.asOf;
    if (date) asOf[t] = date;
  }
  return {
    reply,
    // Everything relevant counts as told, including what the lookback or the item cap left out.
    advance: { developmentIds: relevant.filter((d) => d.date <= today).map((d) => d.id), briefingAsOf: asOf },
    summary: words.summary(fresh.length, updated.length, spotlight?.title),
    topics,
  };
}

function textOf(briefing: Briefing | undefined, lang: Language) {
  return briefing ? (briefing.text[lang] ?? briefing.text.en) : undefined;
}

function developmentItem(
  development: Development,
  selected: Set<TopicId>,
  library: BriefingLibrary,
  lang: Language,
): ReplyItem {
  const topic = development.topics.find((t) => selected.has(t)) ?? development.topics[0];
  const item: ReplyItem = {
    text: lang === 'ja' && development.textJa ? development.textJa : development.text,
    date: development.date,
  };
  const url = development.sources[0]?.url;
  if (url) item.url = url;
  if (topic) {
    item.topic = topic;
    const title = textOf(library.briefings.get(topic), lang)?.title;
    if (title) item.label = title;
  }
  return item;
}

function briefingItem(
  briefing: Briefing | undefined,
  lang: Language,
  line: (title: string, summary: string, changes: string | undefined) => string,
): ReplyItem {
  const text = textOf(briefing, lang);
  if (!briefing || !text) return { text: '' };
  return {
    label: text.title,
    text: line(text.title, text.summary, text.changes),
    date: briefing.asOf,
    topic: briefing.id,
  };
}

/** Rotates through topics, then through each topic's sections, so consecutive quiet digests differ. */
function pickSpotlight(topics: TopicId[], library: BriefingLibrary, count: number, lang: Language) {
  if (topics.length === 0) return undefined;
  const topic = topics[count % topics.length] as TopicId;
  const briefing = library.briefings.get(topic);
  const text = textOf(briefing, lang);
  if (!briefing || !text) return undefined;
  const withText = text.sections.filter((s) => s.paragraphs.length > 0);
  const section = withText[Math.floor(count / topics.length) % Math.max(1, withText.length)];
  const words = DIGEST_MESSAGES[lang];
  return {
    title: text.title,
    sources: text.sources,
    section: {
      heading: words.spotlightHeading(text.title),
      paragraphs: [text.summary, ...(section?.paragraphs.slice(0, 1) ?? [])],
      items: [],
    } satisfies ReplySection,
  };
}

function digestActions(topics: TopicId[], words: (typeof DIGEST_MESSAGES)[Language]): ReplyAction[] {
  if (topics.length === 1) {
    return [
      { kind: 'command', label: words.sourcesButton, command: `sources ${topics[0]}` },
      { kind: 'command', label: words.timelineButton, command: `timeline ${topics[0]}` },
    ];
  }
  return [{ kind: 'command', label: words.timelineButton, command: 'timeline' }];
}
