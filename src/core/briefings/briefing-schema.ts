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

export const sourceSchema = v.strictObject({
  n: v.pipe(
    v.number('must be a number'),
    v.integer('must be a whole number'),
    v.minValue(1, 'must be 1 or more'),
  ),
  title: oneLine(300),
  publisher: oneLine(300),
  date: isoDate,
  url: v.optional(
    v.pipe(v.string(), v.url('must be a URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL')),
  ),
});

/** Front matter of `briefings/<id>.md`, the English master file. */
export const briefingFrontMatterSchema = v.strictObject({
  id: topicId,
  title: oneLine(80),
  summary: oneLine(200),
  aliases: names,
  aliases_ja: names,
  related: v.optional(v.pipe(v.array(topicId), v.maxLength(3, 'lists at most 3 topics')), []),
  as_of: isoDate,
  sources: v.pipe(v.array(sourceSchema), v.minLength(1, 'needs at least one source')),
});

/** Front matter of `briefings/<id>.ja.md`: aliases and related come from the English file. */
export const translatedFrontMatterSchema = v.strictObject({
  id: topicId,
  title: oneLine(80),
  summary: oneLine(200),
  as_of: isoDate,
  sources: v.pipe(v.array(sourceSchema), v.minLength(1, 'needs at least one source')),
});

/** One entry of `briefings/developments.yaml`. */
export const developmentSchema = v.strictObject({
  id: v.pipe(v.string(), v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case')),
  date: isoDate,
  topics: v.pipe(v.array(topicId), v.minLength(1, 'needs at least one topic')),
  text: oneLine(300),
  text_ja: v.optional(oneLine(300)),
  sources: v.pipe(v.array(v.omit(sourceSchema, ['n'])), v.minLength(1, 'needs at least one source')),
});

export const developmentsFileSchema = v.array(developmentSchema, 'must be a list of developments');

export type BriefingFrontMatter = v.InferOutput<typeof briefingFrontMatterSchema>;
export type TranslatedFrontMatter = v.InferOutput<typeof translatedFrontMatterSchema>;
