import type { Briefing, BriefingText } from './briefing.ts';
import type { BriefingProblem } from './briefing-problems.ts';
import type { BriefingFrontMatter, TranslatedFrontMatter } from './briefing-schema.ts';
import { checkCitations } from './check-citations.ts';
import type { ParsedBody } from './parse-briefing-body.ts';

export const BODY_WORDS = { min: 150, max: 350 } as const;

interface BriefingFiles {
  file: string;
  expectedId: string;
  front: BriefingFrontMatter;
  body: ParsedBody;
  translation?: { file: string; front: TranslatedFrontMatter; body: ParsedBody };
}

/** Applies the content rules across front matter and body, and assembles the Briefing. */
export function buildBriefing(files: BriefingFiles): { briefing?: Briefing; problems: BriefingProblem[] } {
  const { file, front, body, translation } = files;
  const problems: BriefingProblem[] = body.problems.map((message) => ({ file, field: 'body', message }));
  if (front.id !== files.expectedId) {
    problems.push({
      file,
      field: 'id',
      message: `is "${front.id}" but the file is named ${files.expectedId}.md`,
    });
  }
  if (body.wordCount < BODY_WORDS.min || body.wordCount > BODY_WORDS.max) {
    problems.push({
      file,
      field: 'body',
      message: `has ${body.wordCount} words; keep it between ${BODY_WORDS.min} and ${BODY_WORDS.max}`,
    });
  }
  if (front.related.includes(front.id))
    problems.push({ file, field: 'related', message: 'lists the topic itself' });
  problems.push(...checkCitations(file, body.citations, front.sources), ...checkAsOf(file, front));

  const text: Briefing['text'] = { en: toBriefingText(front, body) };
  if (translation) {
    problems.push(...checkTranslation(files, translation));
    text.ja = toBriefingText(translation.front, translation.body);
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    briefing: {
      id: front.id,
      aliases: front.aliases,
      aliasesJa: front.aliases_ja,
      related: front.related,
      asOf: front.as_of,
      text,
      file,
    },
  };
}

function checkTranslation(
  files: BriefingFiles,
  translation: NonNullable<BriefingFiles['translation']>,
): BriefingProblem[] {
  const { file, front, body } = translation;
  const problems: BriefingProblem[] = body.problems.map((message) => ({ file, field: 'body', message }));
  if (front.id !== files.front.id)
    problems.push({
      file,
      field: 'id',
      message: `is "${front.id}", not "${files.front.id}" as in ${files.file}`,
    });
  if (front.as_of !== files.front.as_of)
    problems.push({
      file,
      field: 'as_of',
      message: `is ${front.as_of} but ${files.file} says ${files.front.as_of}`,
    });
  problems.push(...checkCitations(file, body.citations, front.sources));
  const english = [...files.body.citations].sort((a, b) => a - b).join(',');
  const japanese = [...body.citations].sort((a, b) => a - b).join(',');
  if (english !== japanese)
    problems.push({
      file,
      field: 'body',
      message: `cites [${japanese}] but ${files.file} cites [${english}]`,
    });
  if (body.sections.length !== files.body.sections.length) {
    problems.push({
      file,
      field: 'body',
      message: `has ${body.sections.length} sections but ${files.file} has ${files.body.sections.length}`,
    });
  }
  return problems;
}

function checkAsOf(file: string, front: BriefingFrontMatter | TranslatedFrontMatter): BriefingProblem[] {
  const newest = front.sources
    .map((source) => source.date)
    .sort()
    .at(-1);
  if (newest !== undefined && newest > front.as_of) {
    return [
      {
        file,
        field: 'as_of',
        message: `is ${front.as_of} but a source is dated ${newest}; as_of is the newest fact's date`,
      },
    ];
  }
  return [];
}

function toBriefingText(front: BriefingFrontMatter | TranslatedFrontMatter, body: ParsedBody): BriefingText {
  return {
    title: front.title,
    summary: front.summary,
    sections: body.sections,
    sources: front.sources.map((source) => ({ ...source, url: source.url ?? null })),
  };
}
