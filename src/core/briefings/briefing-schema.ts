import * as v from 'valibot';
import { TOPIC_IDS } from '../topics/topic-ids.ts';

const isoDate = v.pipe(
  v.string('must be a date written YYYY-MM-DD'),
  v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'),
  v.check(isRealCalendarDate, 'is not a real calendar date'),
);

function isRealCalendarDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(value);
}

const topicId = v.picklist(TOPIC_IDS, `must be one of the topic ids: ${TOPIC_IDS.join(', ')}`);
const oneLine = (max: number) =>
  v.pipe(
    v.string('must be text'),
    v.trim(),
    v.minLength(1, 'must not be empty'),
    v.maxLength(max, `must be at most ${max} characters`),
    v.regex(/^[^\n]*$/, 'must be one line'),
  );
const names = v.optional(v.array(v.pipe(v.string(), v.trim(), v.minLength(1), v.maxLength(60))), []);

const kebabId = v.pipe(
  v.string('must be text'),
  v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case (a-z, 0-9, -)'),
);

/** How close a register entry is to the institution that made the statement. */
export const SOURCE_KINDS = ['primary', 'official-repost', 'secondary'] as const;

/** One document of `briefings/sources.yaml`, described once for every topic and language. */
export const registerEntrySchema = v.strictObject({
  id: kebabId,
  title: oneLine(300),
  publisher: oneLine(300),
  /** The publisher's name as a Japanese reader knows it; the English name is the fallback. */
  publisher_ja: v.optional(oneLine(300)),
  date: isoDate,
  url: v.optional(
    v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
  ),
  language: v.pipe(
    v.string('must be a language code'),
    v.regex(/^[a-z]{2}$/, 'must be a two-letter language code'),
  ),
  kind: v.picklist(SOURCE_KINDS, `must be one of: ${SOURCE_KINDS.join(', ')}`),
  /** The event the document reports, so a claim on secondary sources can be told about a primary one. */
  event: v.optional(kebabId),
  /** A caution for editors (e.g. "paraphrase, not the Commission's wording"); never shown to readers. */
  note: v.optional(oneLine(300)),
});

export const registerFileSchema = v.array(registerEntrySchema, 'must be a list of sources');

const sourceIds = v.pipe(
  v.array(kebabId, 'must be a list of source ids from sources.yaml'),
  v.minLength(1, 'needs at least one source'),
);

/** Front matter of `briefings/<id>.md`, the English master file: sources and dates for both languages. */
export const briefingFrontMatterSchema = v.strictObject({
  id: topicId,
  title: oneLine(80),
  summary: oneLine(200),
  aliases: names,
  aliases_ja: names,
  related: v.optional(v.pipe(v.array(topicId), v.maxLength(3, 'lists at most 3 topics')), []),
  as_of: isoDate,
  checked: isoDate,
  changes: v.optional(oneLine(200)),
  sources: sourceIds,
});

/** Front matter of `briefings/<id>.ja.md`: everything else is declared once, in the English file. */
export const translatedFrontMatterSchema = v.strictObject(
  {
    id: topicId,
    title: oneLine(80),
    summary: oneLine(200),
    changes: v.optional(oneLine(200)),
  },
  'is declared once, in the English file (dates, sources, aliases and related cover both languages)',
);

/** One entry of `briefings/developments.yaml`. */
export const developmentSchema = v.strictObject({
  id: kebabId,
  date: isoDate,
  topics: v.pipe(v.array(topicId), v.minLength(1, 'needs at least one topic')),
  text: oneLine(300),
  text_ja: v.optional(oneLine(300)),
  sources: sourceIds,
});

export const developmentsFileSchema = v.array(developmentSchema, 'must be a list of developments');

export type BriefingFrontMatter = v.InferOutput<typeof briefingFrontMatterSchema>;
export type RegisterEntry = v.InferOutput<typeof registerEntrySchema>;
export type TranslatedFrontMatter = v.InferOutput<typeof translatedFrontMatterSchema>;
