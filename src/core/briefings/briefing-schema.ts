import { z } from 'zod';
import { TOPIC_IDS } from '../topics/topic-ids.ts';

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && isRealCalendarDate(value), {
    message: 'is not a real calendar date',
  });

function isRealCalendarDate(value: string): boolean {
  return new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);
}

const topicId = z.enum(TOPIC_IDS);
const oneLine = z
  .string()
  .trim()
  .min(1)
  .max(300)
  .regex(/^[^\n]*$/, 'must be one line');

export const sourceSchema = z.strictObject({
  n: z.number().int().positive(),
  title: oneLine,
  publisher: oneLine,
  date: isoDate,
  url: z.url({ protocol: /^https?$/ }).optional(),
});

/** Front matter of `briefings/<id>.md`, the English master file. */
export const briefingFrontMatterSchema = z.strictObject({
  id: topicId,
  title: oneLine.max(80),
  summary: oneLine.max(200),
  aliases: z.array(z.string().trim().min(1).max(60)).default([]),
  aliases_ja: z.array(z.string().trim().min(1).max(60)).default([]),
  related: z.array(topicId).max(3).default([]),
  as_of: isoDate,
  sources: z.array(sourceSchema).min(1),
});

/** Front matter of `briefings/<id>.ja.md`: aliases and related come from the English file. */
export const translatedFrontMatterSchema = briefingFrontMatterSchema.pick({
  id: true,
  title: true,
  summary: true,
  as_of: true,
  sources: true,
});

/** One entry of `briefings/developments.yaml`. */
export const developmentSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case'),
  date: isoDate,
  topics: z.array(topicId).min(1),
  text: oneLine,
  text_ja: oneLine.optional(),
  sources: z.array(sourceSchema.omit({ n: true })).min(1),
});

export const developmentsFileSchema = z.array(developmentSchema);

export type BriefingFrontMatter = z.infer<typeof briefingFrontMatterSchema>;
export type TranslatedFrontMatter = z.infer<typeof translatedFrontMatterSchema>;
