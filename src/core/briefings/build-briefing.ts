import type { Language, SourceRef } from '../reply.ts';
import type { Briefing, BriefingText } from './briefing.ts';
import type { BriefingProblem } from './briefing-problems.ts';
import type { BriefingFrontMatter, RegisterEntry, TranslatedFrontMatter } from './briefing-schema.ts';
import { checkCitations } from './check-citations.ts';
import type { ParsedBody } from './parse-briefing-body.ts';

export const BODY_WORDS = { min: 150, max: 350 } as const;

interface BriefingFiles {
  file: string;
  expectedId: string;
  front: BriefingFrontMatter;
  body: ParsedBody;
  translation?: { file: string; front: TranslatedFrontMatter; body: ParsedBody };
  register: ReadonlyMap<string, RegisterEntry>;
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
  const entries = resolveSources(file, front.sources, files.register, problems);
  const numbered = front.sources.map((_, index) => ({ n: index + 1 }));
  problems.push(...checkCitations(file, body.citations, numbered), ...checkDates(file, front, entries));

  const text: Briefing['text'] = { en: toBriefingText(front, body, entries, 'en') };
  if (translation) {
    problems.push(...checkTranslation(files, translation, numbered));
    text.ja = toBriefingText(translation.front, translation.body, entries, 'ja');
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
      checked: front.checked,
      sourceIds: front.sources,
      text,
      file,
    },
  };
}

/** Looks up register ids; a missing or repeated id is named by its place in the list. */
export function resolveSources(
  file: string,
  ids: readonly string[],
  register: ReadonlyMap<string, RegisterEntry>,
  problems: BriefingProblem[],
  field = 'sources',
): (RegisterEntry | undefined)[] {
  const seen = new Map<string, number>();
  return ids.map((id, index) => {
    const entry = register.get(id);
    if (!entry)
      problems.push({ file, field: `${field}[${index}]`, message: `"${id}" is not in sources.yaml` });
    const first = seen.get(id);
    if (first !== undefined)
      problems.push({
        file,
        field: `${field}[${index}]`,
        message: `"${id}" is listed twice (also ${field}[${first}])`,
      });
    else seen.set(id, index);
    return entry;
  });
}

/** A register entry as a reader sees it, in the reply's language. */
export function toSourceRef(entry: RegisterEntry, n: number, lang: Language): SourceRef {
  return {
    n,
    title: entry.title,
    publisher: lang === 'ja' ? (entry.publisher_ja ?? entry.publisher) : entry.publisher,
    date: entry.date,
    url: entry.url ?? null,
    kind: entry.kind,
  };
}

function checkTranslation(
  files: BriefingFiles,
  translation: NonNullable<BriefingFiles['translation']>,
  numbered: readonly { n: number }[],
): BriefingProblem[] {
  const { file, front, body } = translation;
  const problems: BriefingProblem[] = body.problems.map((message) => ({ file, field: 'body', message }));
  if (front.id !== files.front.id)
    problems.push({
      file,
      field: 'id',
      message: `is "${front.id}", not "${files.front.id}" as in ${files.file}`,
    });
  problems.push(...checkCitations(file, body.citations, numbered));
  const english = formatNumbers(files.body.citations);
  const japanese = formatNumbers(body.citations);
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
    return problems;
  }
  // Same documents section by section: a claim moved to another document in one language
  // shows up here even when the whole body cites the same set.
  body.sections.forEach((section, index) => {
    const japaneseHere = formatNumbers(sectionCitations(section));
    const englishSection = files.body.sections[index];
    const englishHere = englishSection ? formatNumbers(sectionCitations(englishSection)) : '';
    if (japaneseHere !== englishHere)
      problems.push({
        file,
        field: `body section ${index + 1}`,
        message: `cites [${japaneseHere}] but the same section of ${files.file} cites [${englishHere}]`,
      });
  });
  return problems;
}

const CITATION = /\[(\d+)\]/g;

function sectionCitations(section: ParsedBody['sections'][number]): Set<number> {
  const numbers = new Set<number>();
  for (const text of [...section.paragraphs, ...section.bullets])
    for (const match of text.matchAll(CITATION)) numbers.add(Number(match[1]));
  return numbers;
}

function formatNumbers(numbers: ReadonlySet<number>): string {
  return [...numbers].sort((a, b) => a - b).join(',');
}

function checkDates(
  file: string,
  front: BriefingFrontMatter,
  entries: readonly (RegisterEntry | undefined)[],
): BriefingProblem[] {
  const problems: BriefingProblem[] = [];
  const newest = entries
    .flatMap((entry) => (entry ? [entry.date] : []))
    .sort()
    .at(-1);
  if (newest !== undefined && newest > front.as_of) {
    problems.push({
      file,
      field: 'as_of',
      message: `is ${front.as_of} but a source is dated ${newest}; as_of is the newest fact's date`,
    });
  }
  if (front.checked < front.as_of)
    problems.push({
      file,
      field: 'checked',
      message: `is ${front.checked}, before as_of ${front.as_of}; an editor checks after the newest fact`,
    });
  return problems;
}

function toBriefingText(
  front: BriefingFrontMatter | TranslatedFrontMatter,
  body: ParsedBody,
  entries: readonly (RegisterEntry | undefined)[],
  lang: Language,
): BriefingText {
  return {
    title: front.title,
    summary: front.summary,
    sections: body.sections,
    sources: entries.flatMap((entry, index) => (entry ? [toSourceRef(entry, index + 1, lang)] : [])),
    ...(front.changes === undefined ? {} : { changes: front.changes }),
  };
}
